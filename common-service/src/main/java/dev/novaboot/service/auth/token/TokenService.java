package dev.novaboot.service.auth.token;

import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import dev.novaboot.service.auth.token.TokenSubject.Ref;

import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

/**
 * Issues and reads the suite's tokens: JWS (HMAC-SHA256) whose claims carry the user,
 * project, roles and expiry, so that any app checks a token with the shared key alone,
 * without a database look-up.
 */
public class TokenService {

	static final String ISSUER = "nova-boot";

	// hosts of a suite may disagree on the time by a few seconds
	static final Duration CLOCK_SKEW = Duration.ofSeconds(30);

	private final JwtEncoder encoder;

	private final NimbusJwtDecoder decoder;

	private final Duration ttl;

	private final Clock clock;

	public TokenService(TokenKey key, Duration ttl, Clock clock) {
		this.encoder = NimbusJwtEncoder.withSecretKey(key.secretKey()).algorithm(MacAlgorithm.HS256).build();
		this.decoder = NimbusJwtDecoder.withSecretKey(key.secretKey()).macAlgorithm(MacAlgorithm.HS256).build();
		JwtTimestampValidator expiry = new JwtTimestampValidator(CLOCK_SKEW);
		expiry.setClock(clock);
		this.decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(expiry, new JwtIssuerValidator(ISSUER)));
		this.ttl = ttl;
		this.clock = clock;
	}

	/** The decoder that the bearer-token filter uses: signature, expiry and issuer. */
	public JwtDecoder decoder() {
		return this.decoder;
	}

	public Token issue(TokenSubject subject) {
		return issue(subject, this.clock.instant(), this.ttl);
	}

	Token issue(TokenSubject subject, Instant issuedAt, Duration ttl) {
		Instant expiresAt = issuedAt.plus(ttl);
		String auditId = auditId();
		JwtClaimsSet.Builder claims = JwtClaimsSet.builder()
			.issuer(ISSUER)
			.subject(subject.user().id())
			.issuedAt(issuedAt)
			.expiresAt(expiresAt)
			.id(auditId)
			.claim("user_name", subject.user().name())
			.claim("user_domain_id", subject.userDomain().id())
			.claim("user_domain_name", subject.userDomain().name())
			.claim("roles", subject.roles().stream().map(Ref::name).toList())
			.claim("role_ids", subject.roles().stream().map(Ref::id).toList());
		if (subject.project() != null) {
			claims.claim("project_id", subject.project().id())
				.claim("project_name", subject.project().name())
				.claim("project_domain_id", subject.projectDomain().id())
				.claim("project_domain_name", subject.projectDomain().name());
		}
		Jwt jwt = this.encoder
			.encode(JwtEncoderParameters.from(JwsHeader.with(MacAlgorithm.HS256).build(), claims.build()));
		return new Token(jwt.getTokenValue(), subject, issuedAt, expiresAt, auditId);
	}

	/** The token, if it is signed with the suite's key, unexpired and ours. */
	public Optional<Token> validate(String value) {
		try {
			return Optional.of(read(this.decoder.decode(value)));
		}
		catch (JwtException ex) {
			return Optional.empty();
		}
	}

	/** What a checked token says. */
	public static Token read(Jwt jwt) {
		List<String> roleNames = listClaim(jwt, "roles");
		List<String> roleIds = listClaim(jwt, "role_ids");
		List<Ref> roles = new ArrayList<>();
		for (int i = 0; i < roleNames.size(); i++) {
			roles.add(new Ref((i < roleIds.size()) ? roleIds.get(i) : null, roleNames.get(i)));
		}
		String projectId = jwt.getClaimAsString("project_id");
		Ref project = (projectId != null) ? new Ref(projectId, jwt.getClaimAsString("project_name")) : null;
		Ref projectDomain = (projectId != null) ? new Ref(jwt.getClaimAsString("project_domain_id"),
				jwt.getClaimAsString("project_domain_name")) : null;
		TokenSubject subject = new TokenSubject(new Ref(jwt.getSubject(), jwt.getClaimAsString("user_name")),
				new Ref(jwt.getClaimAsString("user_domain_id"), jwt.getClaimAsString("user_domain_name")), project,
				projectDomain, roles);
		return new Token(jwt.getTokenValue(), subject, jwt.getIssuedAt(), jwt.getExpiresAt(),
				jwt.getClaimAsString(JwtClaimNames.JTI));
	}

	private static List<String> listClaim(Jwt jwt, String name) {
		List<String> values = jwt.getClaimAsStringList(name);
		return (values != null) ? values : List.of();
	}

	// Keystone's audit ids: 16 random bytes, url-safe base64 without padding
	private static String auditId() {
		UUID uuid = UUID.randomUUID();
		ByteBuffer bytes = ByteBuffer.allocate(16).putLong(uuid.getMostSignificantBits())
			.putLong(uuid.getLeastSignificantBits());
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes.array());
	}

}
