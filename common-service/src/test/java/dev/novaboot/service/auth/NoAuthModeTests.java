package dev.novaboot.service.auth;

import java.util.List;
import java.util.Map;

import dev.novaboot.sample.SampleServiceApplication;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureTestRestTemplate;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code nova.auth.strategy=noauth}: no token and no key needed; the caller is whoever
 * its {@code X-User-Id}, {@code X-Project-Id} and {@code X-Roles} headers say, admin when
 * it says nothing.
 */
@SpringBootTest(classes = SampleServiceApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "nova.auth.strategy=noauth", "nova.auth.token-key=",
				"spring.datasource.url=jdbc:h2:mem:nova-noauth;DB_CLOSE_DELAY=-1" })
@AutoConfigureTestRestTemplate
class NoAuthModeTests {

	private static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {
	};

	@Autowired
	TestRestTemplate http;

	@Test
	void aCallerWithoutHeadersIsTheAdmin() {
		ResponseEntity<Map<String, Object>> services = this.http.exchange("/v2.1/os-services", HttpMethod.GET, null,
				JSON);
		assertThat(services.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(whoami(new HttpHeaders())).containsEntry("userId", "admin")
			.containsEntry("projectId", "admin")
			.containsEntry("roles", List.of("admin"));
	}

	@Test
	void theHeadersSayWhoCalls() {
		HttpHeaders headers = new HttpHeaders();
		headers.set("X-User-Id", "alice");
		headers.set("X-Project-Id", "p-42");
		headers.set("X-Roles", "reader");
		headers.set("X-OpenStack-Request-ID", "req-0f8b8a34-1b0e-4a9c-9d4f-6f1d2c3b4a5e");
		assertThat(whoami(headers)).containsEntry("userId", "alice")
			.containsEntry("projectId", "p-42")
			.containsEntry("roles", List.of("reader"))
			.containsEntry("requestId", "req-0f8b8a34-1b0e-4a9c-9d4f-6f1d2c3b4a5e");
	}

	@Test
	void thereIsNoIdentityServiceAndNoTokenIsChecked() {
		HttpHeaders headers = new HttpHeaders();
		headers.set("X-Auth-Token", "garbage");
		assertThat(this.http.exchange("/v2.1/whoami", HttpMethod.GET, new HttpEntity<>(headers), JSON)
			.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(this.http.exchange("/identity/v3/auth/tokens", HttpMethod.POST, null, JSON).getStatusCode())
			.isEqualTo(HttpStatus.NOT_FOUND);
	}

	private Map<String, Object> whoami(HttpHeaders headers) {
		ResponseEntity<Map<String, Object>> response = this.http.exchange("/v2.1/whoami", HttpMethod.GET,
				new HttpEntity<>(headers), JSON);
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
		return response.getBody();
	}

}
