package dev.novaboot.compute.api;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureTestRestTemplate;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every answer of the Compute API names its request as Nova does, in
 * {@code x-compute-request-id} and {@code x-openstack-request-id}: one id, the one the
 * request context carries to the managers and their logs.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@AutoConfigureTestRestTemplate
class ComputeRequestIdTests {

	private static final String REQUEST_ID = "req-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

	@Autowired
	TestRestTemplate http;

	@Test
	void successesAndErrorsOfEveryKindCarryBothHeadersWithOneId() {
		ComputeApiClient member = new ComputeApiClient(this.http, "project-ids", "member");
		List<ResponseEntity<Map<String, Object>>> answers = List.of(member.get("/"), member.get("/v2.1"),
				member.get("/v2.1/flavors"), member.get("/v2.1/servers"),
				member.get("/v2.1/servers/4f5e2a0c-1b7d-4d8e-9a6f-0c1d2e3f4a5b"), member.at("2.x").get("/v2.1/servers"),
				member.at("9.9").get("/v2.1/servers"), member.post("/v2.1/servers", Map.of("server", Map.of())),
				member.get("/v2.1/no-such-collection"));
		for (ResponseEntity<Map<String, Object>> answer : answers) {
			String compute = answer.getHeaders().getFirst("x-compute-request-id");
			assertThat(compute).as("%s %s", answer.getStatusCode(), answer.getBody()).matches(REQUEST_ID);
			assertThat(answer.getHeaders().getFirst("x-openstack-request-id")).isEqualTo(compute);
		}
		assertThat(answers).extracting((answer) -> answer.getHeaders().getFirst("x-compute-request-id"))
			.doesNotHaveDuplicates();
	}

	@Test
	void aRequestIdTheCallerGivesInOpenStacksFormIsKeptAndAnyOtherReplaced() {
		String given = "req-" + UUID.randomUUID();
		assertThat(withRequestId(given).getHeaders().getFirst("x-compute-request-id")).isEqualTo(given);
		String forged = withRequestId("req-not-a-uuid; rm -rf /").getHeaders().getFirst("x-compute-request-id");
		assertThat(forged).matches(REQUEST_ID);
	}

	private ResponseEntity<String> withRequestId(String id) {
		HttpHeaders headers = new HttpHeaders();
		headers.set("X-OpenStack-Request-ID", id);
		return this.http.exchange("/v2.1/flavors", HttpMethod.GET, new HttpEntity<>(headers), String.class);
	}

}
