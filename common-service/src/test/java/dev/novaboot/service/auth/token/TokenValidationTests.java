package dev.novaboot.service.auth.token;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

import dev.novaboot.sample.SampleServiceApplication;
import dev.novaboot.service.auth.token.TokenSubject.Ref;
import dev.novaboot.service.testsupport.AuthTestSupport;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureTestRestTemplate;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every app accepts as a token: signed with the suite's key, unexpired, unaltered.
 * Anything else is a 401 with keystonemiddleware's hint, on every protected endpoint.
 */
@SpringBootTest(classes = SampleServiceApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT)
@AutoConfigureTestRestTemplate
class TokenValidationTests {

	private static final TokenSubject ADMIN = new TokenSubject(new Ref("u1", "admin"), new Ref("default", "Default"),
			new Ref("p1", "admin"), new Ref("default", "Default"), List.of(new Ref("r1", "admin")));

	@Autowired
	TestRestTemplate http;

	@Autowired
	TokenService tokens;

	@LocalServerPort
	int port;

	@Test
	void aValidTokenPasses() {
		assertThat(servicesWith(this.tokens.issue(ADMIN).value()).getStatusCode()).isEqualTo(HttpStatus.OK);
	}

	@Test
	void noTokenIs401WithWhereToGetOne() {
		ResponseEntity<String> response = servicesWith(null);
		assertUnauthorized(response);
		assertThat(response.getHeaders().getFirst("X-OpenStack-Request-ID")).matches("req-[0-9a-f-]{36}");
	}

	@Test
	void anExpiredTokenIs401() {
		Token expired = this.tokens.issue(ADMIN, Instant.now().minus(Duration.ofHours(2)), Duration.ofHours(1));
		assertThat(this.tokens.validate(expired.value())).isEmpty();
		assertUnauthorized(servicesWith(expired.value()));
	}

	@Test
	void aTokenSignedWithAnotherKeyIs401() {
		TokenService other = new TokenService(TokenKey.of("another-suite-has-another-key-of-32-bytes"),
				Duration.ofHours(1), java.time.Clock.systemUTC());
		String forged = other.issue(ADMIN).value();
		assertThat(this.tokens.validate(forged)).isEmpty();
		assertUnauthorized(servicesWith(forged));
	}

	@Test
	void aTokenWhoseClaimsWereAlteredIs401() {
		TokenSubject reader = new TokenSubject(ADMIN.user(), ADMIN.userDomain(), ADMIN.project(),
				ADMIN.projectDomain(), List.of(new Ref("r3", "reader")));
		String[] parts = this.tokens.issue(reader).value().split("\\.");
		String claims = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
		String promoted = Base64.getUrlEncoder()
			.withoutPadding()
			.encodeToString(claims.replace("\"reader\"", "\"admin\"").getBytes(StandardCharsets.UTF_8));
		String altered = parts[0] + "." + promoted + "." + parts[2];
		assertUnauthorized(servicesWith(altered));
		assertUnauthorized(servicesWith("not-a-token"));
	}

	@Test
	void anUnsignedTokenIs401() {
		String header = Base64.getUrlEncoder().withoutPadding().encodeToString("{\"alg\":\"none\"}".getBytes());
		String[] parts = this.tokens.issue(ADMIN).value().split("\\.");
		assertUnauthorized(servicesWith(header + "." + parts[1] + "."));
	}

	@Test
	void theTokenCarriesUserProjectRolesAndExpiry() {
		Token token = this.tokens.validate(AuthTestSupport.adminToken(this.http)).orElseThrow();
		assertThat(token.subject().user().name()).isEqualTo("admin");
		assertThat(token.subject().project().name()).isEqualTo("admin");
		assertThat(token.subject().roleNames()).containsExactly("admin");
		assertThat(Duration.between(token.issuedAt(), token.expiresAt())).isEqualTo(Duration.ofHours(1));
	}

	@Test
	void keysShorterThan32BytesAreRefused() {
		org.assertj.core.api.Assertions.assertThatExceptionOfType(MissingTokenKeyException.class)
			.isThrownBy(() -> TokenKey.of("short"))
			.withMessageContaining("nova.auth.token-key");
		org.assertj.core.api.Assertions.assertThatExceptionOfType(MissingTokenKeyException.class)
			.isThrownBy(() -> TokenKey.of(null))
			.withMessageContaining("nova.auth.token-key is not set");
	}

	private ResponseEntity<String> servicesWith(String token) {
		HttpHeaders headers = new HttpHeaders();
		if (token != null) {
			headers.set("X-Auth-Token", token);
		}
		return this.http.exchange("/v2.1/os-services", HttpMethod.GET, new HttpEntity<>(headers), String.class);
	}

	private void assertUnauthorized(ResponseEntity<String> response) {
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
		assertThat(response.getHeaders().getFirst("WWW-Authenticate"))
			.isEqualTo("Keystone uri=\"http://localhost:" + this.port + "/identity/v3\"");
		assertThat(response.getBody()).contains("\"code\":401").contains("requires authentication");
	}

}
