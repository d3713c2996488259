package dev.novaboot.service.api;

import java.util.Map;

import dev.novaboot.sample.SampleServiceApplication;
import dev.novaboot.service.testsupport.AuthTestSupport;
import org.junit.jupiter.api.BeforeEach;
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
 * How a request chooses its Compute API microversion under {@code /v2.1}, in every app (they
 * all serve {@code os-services}), as Nova's API guide describes it.
 */
@SpringBootTest(classes = SampleServiceApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT)
@AutoConfigureTestRestTemplate
class ComputeMicroversionTests {

	private static final String MAXIMUM = ComputeMicroversions.MAXIMUM.toString();

	@Autowired
	TestRestTemplate http;

	@BeforeEach
	void admin() {
		this.http = AuthTestSupport.asAdmin(this.http);
	}

	@Test
	void noHeaderMeans21() {
		assertVersion(get(new HttpHeaders()), "2.1");
	}

	@Test
	void theStandardHeaderAndTheLegacyHeaderAreHonoured() {
		assertVersion(get(headers("OpenStack-API-Version", "compute 2.11")), "2.11");
		assertVersion(get(headers("OpenStack-API-Version", "volume 3.0, compute 2.20")), "2.20");
		assertVersion(get(headers("X-OpenStack-Nova-API-Version", "2.5")), "2.5");
		// another service's version is not ours: the legacy header (or 2.1) decides
		assertVersion(get(headers("OpenStack-API-Version", "volume 3.40")), "2.1");
		HttpHeaders both = headers("OpenStack-API-Version", "compute 2.30");
		both.set("X-OpenStack-Nova-API-Version", "2.9");
		assertVersion(get(both), "2.30");
	}

	@Test
	void latestIsTheMaximum() {
		assertVersion(get(headers("OpenStack-API-Version", "compute latest")), MAXIMUM);
		assertVersion(get(headers("X-OpenStack-Nova-API-Version", "latest")), MAXIMUM);
	}

	@Test
	@SuppressWarnings("unchecked")
	void aMalformedVersionIs400() {
		for (String version : new String[] { "2.01", "two", "2", "2.1.1", "Latest", "-2.1" }) {
			ResponseEntity<Map<String, Object>> response = get(
					headers("OpenStack-API-Version", "compute " + version));
			assertThat(response.getStatusCode()).as(version).isEqualTo(HttpStatus.BAD_REQUEST);
			assertThat((Map<String, Object>) response.getBody().get("badRequest")).containsEntry("message",
					"API Version String " + version + " is of invalid format. Must be of format MajorNum.MinorNum.");
		}
	}

	@Test
	@SuppressWarnings("unchecked")
	void aVersionOutOfRangeIs406WithNovasMessage() {
		for (String version : new String[] { "2.0", "3.0", "1.1", "2.9999" }) {
			ResponseEntity<Map<String, Object>> response = get(
					headers("X-OpenStack-Nova-API-Version", version));
			assertThat(response.getStatusCode()).as(version).isEqualTo(HttpStatus.NOT_ACCEPTABLE);
			assertThat((Map<String, Object>) response.getBody().get("computeFault")).containsEntry("code", 406)
				.containsEntry("message", "Version " + version + " is not supported by the API. Minimum is 2.1 and "
						+ "maximum is " + MAXIMUM + ".");
			assertThat(response.getHeaders().getFirst("OpenStack-API-Version")).isEqualTo("compute " + version);
		}
	}

	@Test
	void errorsCarryTheVersionToo() {
		HttpHeaders headers = headers("OpenStack-API-Version", "compute 2.11");
		ResponseEntity<Map<String, Map<String, Object>>> missing = this.http.exchange("/v2.1/os-services/nothing-here",
				HttpMethod.GET, new HttpEntity<>(headers), new ParameterizedTypeReference<>() {
				});
		assertThat(missing.getStatusCode().is4xxClientError()).isTrue();
		assertVersionHeaders(missing, "2.11");

		ResponseEntity<String> unauthenticated = new TestRestTemplate().exchange(
				this.http.getRootUri() + "/v2.1/os-services", HttpMethod.GET, new HttpEntity<>(headers), String.class);
		assertThat(unauthenticated.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
		assertVersionHeaders(unauthenticated, "2.11");
		// Nova's name for the request id, beside oslo's, on every answer of the Compute API
		assertThat(unauthenticated.getHeaders().getFirst("x-compute-request-id")).startsWith("req-")
			.isEqualTo(unauthenticated.getHeaders().getFirst("X-OpenStack-Request-ID"));
		assertThat(missing.getHeaders().getFirst("x-compute-request-id"))
			.isEqualTo(missing.getHeaders().getFirst("X-OpenStack-Request-ID"));
	}

	@Test
	void otherApisCarryNoComputeVersion() {
		ResponseEntity<String> identity = this.http.getForEntity("/identity/v3", String.class);
		assertThat(identity.getHeaders().containsHeader("X-OpenStack-Nova-API-Version")).isFalse();
	}

	private ResponseEntity<Map<String, Object>> get(HttpHeaders headers) {
		return this.http.exchange("/v2.1/os-services", HttpMethod.GET, new HttpEntity<>(headers),
				new ParameterizedTypeReference<>() {
				});
	}

	private static HttpHeaders headers(String name, String value) {
		HttpHeaders headers = new HttpHeaders();
		headers.set(name, value);
		return headers;
	}

	private static void assertVersion(ResponseEntity<?> response, String version) {
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertVersionHeaders(response, version);
	}

	private static void assertVersionHeaders(ResponseEntity<?> response, String version) {
		assertThat(response.getHeaders().getFirst("OpenStack-API-Version")).isEqualTo("compute " + version);
		assertThat(response.getHeaders().getFirst("X-OpenStack-Nova-API-Version")).isEqualTo(version);
		assertThat(response.getHeaders().get("Vary")).contains("OpenStack-API-Version, X-OpenStack-Nova-API-Version");
	}

}
