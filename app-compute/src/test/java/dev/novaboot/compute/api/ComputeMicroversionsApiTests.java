package dev.novaboot.compute.api;

import java.util.List;
import java.util.Map;

import dev.novaboot.service.api.ComputeMicroversions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureTestRestTemplate;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the Compute API's microversions change on the version documents, os-services and
 * os-hypervisors (docs/compute-microversions.md), at 2.1 and at the maximum.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@AutoConfigureTestRestTemplate
class ComputeMicroversionsApiTests {

	private static final String MAXIMUM = ComputeMicroversions.MAXIMUM.toString();

	@Autowired
	TestRestTemplate http;

	ComputeApiClient member;

	ComputeApiClient admin;

	@BeforeEach
	void clients() {
		this.member = new ComputeApiClient(this.http, "project-versions", "member");
		this.admin = new ComputeApiClient(this.http, "project-versions", "admin");
	}

	@Test
	@SuppressWarnings("unchecked")
	void theVersionDocumentsAdvertiseTheRangeAndAnswerWithTheNegotiatedVersion() {
		ResponseEntity<Map<String, Object>> root = this.member.get("/");
		List<Map<String, Object>> versions = (List<Map<String, Object>>) root.getBody().get("versions");
		assertThat(versions).singleElement()
			.satisfies((version) -> assertThat(version).containsEntry("id", "v2.1")
				.containsEntry("min_version", "2.1")
				.containsEntry("version", MAXIMUM));
		assertThat(root.getHeaders().getFirst("OpenStack-API-Version")).isEqualTo("compute 2.1");

		ResponseEntity<Map<String, Object>> current = this.member.at("latest").get("/v2.1");
		assertThat((Map<String, Object>) current.getBody().get("version")).containsEntry("min_version", "2.1")
			.containsEntry("version", MAXIMUM);
		assertThat(current.getHeaders().getFirst("OpenStack-API-Version")).isEqualTo("compute " + MAXIMUM);
		assertThat(current.getHeaders().getFirst("X-OpenStack-Nova-API-Version")).isEqualTo(MAXIMUM);
		assertThat(current.getHeaders().get("Vary")).contains("OpenStack-API-Version, X-OpenStack-Nova-API-Version");

		ResponseEntity<Map<String, Object>> tooNew = this.member.at("2.54").get("/v2.1/flavors");
		assertThat(tooNew.getStatusCode().value()).isEqualTo(406);
		assertThat((Map<String, Object>) tooNew.getBody().get("computeFault")).containsEntry("message",
				"Version 2.54 is not supported by the API. Minimum is 2.1 and maximum is " + MAXIMUM + ".");
	}

	@Test
	void everyAnswerOfTheComputeApiCarriesTheVersionErrorsIncluded() {
		ResponseEntity<Map<String, Object>> missing = this.member.at("2.26")
			.get("/v2.1/servers/4f5e2a0c-1b7d-4d8e-9a6f-0c1d2e3f4a5b");
		assertThat(missing.getStatusCode().value()).isEqualTo(404);
		assertThat(missing.getHeaders().getFirst("OpenStack-API-Version")).isEqualTo("compute 2.26");
		assertThat(missing.getHeaders().getFirst("X-OpenStack-Nova-API-Version")).isEqualTo("2.26");

		ResponseEntity<Map<String, Object>> malformed = this.member.at("2.x").get("/v2.1/servers");
		assertThat(malformed.getStatusCode().value()).isEqualTo(400);
		assertThat(malformed.getBody()).containsKey("badRequest");
	}

	@Test
	@SuppressWarnings("unchecked")
	void osServicesShowsIntegerIdsAt21AndUuidsWithForcedDownAt253() {
		Map<String, Object> at21 = ((List<Map<String, Object>>) this.admin.get("/v2.1/os-services?binary=nova-compute")
			.getBody()
			.get("services")).get(0);
		assertThat(at21.get("id")).isInstanceOf(Integer.class);
		assertThat(at21).doesNotContainKey("forced_down");

		Map<String, Object> at253 = ((List<Map<String, Object>>) this.admin.at("2.53")
			.get("/v2.1/os-services?binary=nova-compute")
			.getBody()
			.get("services")).get(0);
		assertThat((String) at253.get("id")).matches("[0-9a-f-]{36}");
		assertThat(at253).containsEntry("forced_down", false);
	}

	@Test
	@SuppressWarnings("unchecked")
	void hypervisorsAt21HaveIntegerIdsAStringCpuInfoAndNoPaging() {
		ResponseEntity<Map<String, Object>> list = this.admin.get("/v2.1/os-hypervisors/detail?limit=0&marker=x");
		assertThat(list.getStatusCode().value()).isEqualTo(200);
		assertThat(list.getBody()).doesNotContainKey("hypervisors_links");
		Map<String, Object> hypervisor = testHost((List<Map<String, Object>>) list.getBody().get("hypervisors"));
		assertThat(hypervisor.get("id")).isInstanceOf(Integer.class);
		assertThat(hypervisor).containsEntry("cpu_info", "{}")
			.containsEntry("hypervisor_version", 1000)
			.containsEntry("hypervisor_type", "fake");
		assertThat(((Map<String, Object>) hypervisor.get("service")).get("id")).isInstanceOf(Integer.class);

		assertThat(this.admin.get("/v2.1/os-hypervisors/" + hypervisor.get("id")).getStatusCode().value()).isEqualTo(200);
		String uuid = (String) testHost((List<Map<String, Object>>) this.admin.at("2.53")
			.get("/v2.1/os-hypervisors")
			.getBody()
			.get("hypervisors")).get("id");
		ResponseEntity<Map<String, Object>> byUuid = this.admin.get("/v2.1/os-hypervisors/" + uuid);
		assertThat(byUuid.getStatusCode().value()).isEqualTo(404);
		assertThat((Map<String, Object>) byUuid.getBody().get("itemNotFound")).containsEntry("message",
				"Hypervisor with ID '" + uuid + "' could not be found.");
	}

	@Test
	@SuppressWarnings("unchecked")
	void hypervisorsAt253HaveUuidsPagesAPatternSearchAndTheirServers() {
		ComputeApiClient admin = this.admin.at("2.53");
		ResponseEntity<Map<String, Object>> detail = admin.get("/v2.1/os-hypervisors/detail");
		Map<String, Object> hypervisor = testHost((List<Map<String, Object>>) detail.getBody().get("hypervisors"));
		assertThat((String) hypervisor.get("id")).matches("[0-9a-f-]{36}");
		assertThat(hypervisor).containsEntry("cpu_info", Map.of()).containsEntry("hypervisor_version", 1000);
		assertThat((String) ((Map<String, Object>) hypervisor.get("service")).get("id")).matches("[0-9a-f-]{36}");
		assertThat(admin.get("/v2.1/os-hypervisors/" + hypervisor.get("id")).getStatusCode().value()).isEqualTo(200);

		// a full page links to the next one, whose marker is the page's last id
		ResponseEntity<Map<String, Object>> page = admin.get("/v2.1/os-hypervisors?limit=1");
		List<Map<String, Object>> first = (List<Map<String, Object>>) page.getBody().get("hypervisors");
		assertThat(first).hasSize(1);
		List<Map<String, String>> links = (List<Map<String, String>>) page.getBody().get("hypervisors_links");
		assertThat(links).singleElement()
			.satisfies((link) -> assertThat(link).containsEntry("rel", "next")
				.extractingByKey("href")
				.asString()
				.contains("/v2.1/os-hypervisors?")
				.contains("limit=1")
				.contains("marker=" + first.get(0).get("id")));
		ResponseEntity<Map<String, Object>> next = admin.get("/v2.1/os-hypervisors?limit=1&marker=" + first.get(0).get("id"));
		assertThat(next.getStatusCode().value()).isEqualTo(200);
		assertThat((List<Map<String, Object>>) next.getBody().get("hypervisors"))
			.noneSatisfy((other) -> assertThat(other.get("id")).isEqualTo(first.get(0).get("id")));

		List<Map<String, Object>> found = (List<Map<String, Object>>) admin
			.get("/v2.1/os-hypervisors?hypervisor_hostname_pattern=test-ho&with_servers=true")
			.getBody()
			.get("hypervisors");
		assertThat(found).extracting((node) -> node.get("hypervisor_hostname")).contains("test-host");
	}

	@Test
	void badHypervisorQueriesAre400And404WithNovasWords() {
		ComputeApiClient admin = this.admin.at("2.53");
		assertFault(admin.get("/v2.1/os-hypervisors?limit=-1"), 400, "limit must be >= 0");
		assertFault(admin.get("/v2.1/os-hypervisors?limit=many"), 400, "limit must be an integer");
		assertFault(admin.get("/v2.1/os-hypervisors?marker=4f5e2a0c-1b7d-4d8e-9a6f-0c1d2e3f4a5b"), 400,
				"marker [4f5e2a0c-1b7d-4d8e-9a6f-0c1d2e3f4a5b] not found");
		assertFault(admin.get("/v2.1/os-hypervisors?colour=blue"), 400, "'colour' was unexpected");
		assertFault(admin.get("/v2.1/os-hypervisors?with_servers=perhaps"), 400, "with_servers");
		assertFault(admin.get("/v2.1/os-hypervisors?hypervisor_hostname_pattern=test&limit=1"), 400,
				"Paging over hypervisors with the hypervisor_hostname_pattern query parameter is not supported.");
		assertFault(admin.get("/v2.1/os-hypervisors?hypervisor_hostname_pattern=nowhere"), 404,
				"No hypervisor matching 'nowhere' could be found.");
		assertFault(admin.get("/v2.1/os-hypervisors/17"), 400, "Invalid uuid 17");
		assertFault(this.admin.at("2.33").get("/v2.1/os-hypervisors?limit=x"), 400, "limit must be an integer");
	}

	@SuppressWarnings("unchecked")
	private static void assertFault(ResponseEntity<Map<String, Object>> response, int status, String message) {
		assertThat(response.getStatusCode().value()).as("%s", response.getBody()).isEqualTo(status);
		Map<String, Object> fault = (Map<String, Object>) response.getBody().values().iterator().next();
		assertThat(fault).containsEntry("code", status);
		assertThat((String) fault.get("message")).contains(message);
	}

	private static Map<String, Object> testHost(List<Map<String, Object>> hypervisors) {
		return hypervisors.stream()
			.filter((hypervisor) -> "test-host".equals(hypervisor.get("hypervisor_hostname")))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no test-host in " + hypervisors));
	}

}
