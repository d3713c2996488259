package dev.novaboot.service.auth.identity;

import java.util.List;
import java.util.Map;

import dev.novaboot.service.auth.token.Token;
import dev.novaboot.service.auth.token.TokenService;
import dev.novaboot.service.context.RequestContext;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Keystone v3 tokens: {@code POST} issues one for a password and a project scope,
 * {@code GET} validates the token in {@code X-Subject-Token}.
 */
@RestController
@RequestMapping("/identity/v3/auth/tokens")
class TokensController {

	static final String SUBJECT_TOKEN = "X-Subject-Token";

	private final PasswordAuthenticator authenticator;

	private final TokenService tokens;

	private final ServiceCatalog catalog;

	TokensController(PasswordAuthenticator authenticator, TokenService tokens, ServiceCatalog catalog) {
		this.authenticator = authenticator;
		this.tokens = tokens;
		this.catalog = catalog;
	}

	@PostMapping
	ResponseEntity<Map<String, TokenView>> issue(@RequestBody AuthRequest request,
			@RequestParam(required = false) String nocatalog) {
		Token token = this.tokens.issue(this.authenticator.authenticate(request));
		return ResponseEntity.status(HttpStatus.CREATED)
			.header(SUBJECT_TOKEN, token.value())
			.body(Map.of("token", view(token, nocatalog != null)));
	}

	@GetMapping
	ResponseEntity<Map<String, TokenView>> validate(RequestContext context,
			@RequestHeader(name = SUBJECT_TOKEN, required = false) String subjectToken,
			@RequestParam(required = false) String nocatalog) {
		if (subjectToken == null || subjectToken.isBlank()) {
			throw IdentityException.badRequest("Expecting to find X-Subject-Token in the request headers.");
		}
		Token token = this.tokens.validate(subjectToken.trim())
			.orElseThrow(() -> IdentityException.notFound("Failed to validate token"));
		// Keystone's policy: an admin validates any token, a user their own
		if (!context.isAdmin() && !token.subject().user().id().equals(context.userId())) {
			throw new IdentityException(HttpStatus.FORBIDDEN,
					"You are not authorized to perform the requested action: identity:validate_token.");
		}
		return ResponseEntity.ok().header(SUBJECT_TOKEN, token.value()).body(Map.of("token", view(token, nocatalog != null)));
	}

	private TokenView view(Token token, boolean noCatalog) {
		List<ServiceCatalog.Entry> entries = (noCatalog || token.subject().project() == null) ? List.of()
				: this.catalog.entries(token.subject().project().id(),
						ServletUriComponentsBuilder.fromCurrentContextPath().path("/identity/v3").toUriString());
		return TokenView.of(token, entries);
	}

}
