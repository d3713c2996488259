package dev.novaboot.compute.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
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
 * Server groups as Nova's os-server-groups API gives them before 2.64: the shapes of 2.1,
 * 2.13 and 2.15, a project's own groups (all of them for admins who ask), Nova's faults
 * for bad input, and the server_groups quota.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@AutoConfigureTestRestTemplate
class ServerGroupsApiTests {

	private static final String PROJECT = "project-server-groups";

	@Autowired
	TestRestTemplate http;

	ComputeApiClient member;

	ComputeApiClient admin;

	final List<String> created = new ArrayList<>();

	@BeforeEach
	void clients() {
		this.member = new ComputeApiClient(this.http, PROJECT, "member");
		this.admin = new ComputeApiClient(this.http, "project-server-groups-admin", "admin");
	}

	@AfterEach
	void deleteCreated() {
		this.created.forEach((id) -> this.admin.delete("/v2.1/os-server-groups/" + id));
		this.admin.delete("/v2.1/os-quota-sets/" + PROJECT);
	}

	@Test
	void aGroupIsCreatedShownListedAndDeletedWithNovasShapes() {
		ResponseEntity<Map<String, Object>> made = this.member.post("/v2.1/os-server-groups",
				Map.of("server_group", Map.of("name", "web", "policies", List.of("anti-affinity"))));
		assertThat(made.getStatusCode().value()).isEqualTo(200);
		Map<String, Object> group = group(made);
		String id = (String) group.get("id");
		this.created.add(id);
		assertThat(group).containsOnlyKeys("id", "name", "policies", "members", "metadata")
			.containsEntry("name", "web")
			.containsEntry("policies", List.of("anti-affinity"))
			.containsEntry("members", List.of())
			.containsEntry("metadata", Map.of());

		assertThat(group(this.member.at("2.13").get("/v2.1/os-server-groups/" + id)))
			.containsEntry("project_id", PROJECT)
			.containsEntry("user_id", "user-of-" + PROJECT);
		assertThat(ids(this.member.get("/v2.1/os-server-groups"))).containsExactly(id);

		ComputeApiClient stranger = new ComputeApiClient(this.http, "project-server-groups-other", "member");
		assertThat(ids(stranger.get("/v2.1/os-server-groups"))).isEmpty();
		assertThat(ids(stranger.get("/v2.1/os-server-groups?all_projects=True"))).isEmpty();
		assertFault(stranger.get("/v2.1/os-server-groups/" + id), 403,
				"Policy doesn't allow os_compute_api:os-server-groups:show to be performed.");
		assertThat(ids(this.admin.get("/v2.1/os-server-groups?all_projects=True"))).contains(id);
		assertThat(ids(this.admin.get("/v2.1/os-server-groups"))).doesNotContain(id);

		assertThat(this.member.delete("/v2.1/os-server-groups/" + id).getStatusCode().value()).isEqualTo(204);
		assertFault(this.member.get("/v2.1/os-server-groups/" + id), 404,
				"Instance group " + id + " could not be found.");
	}

	@Test
	void theSoftPoliciesAreMicroversion215s() {
		Map<String, Object> soft = Map.of("server_group", Map.of("name", "soft", "policies", List.of("soft-affinity")));
		assertFault(this.member.post("/v2.1/os-server-groups", soft), 400,
				"'soft-affinity' is not one of ['anti-affinity', 'affinity']");
		ResponseEntity<Map<String, Object>> made = this.member.at("2.15").post("/v2.1/os-server-groups", soft);
		assertThat(made.getStatusCode().value()).isEqualTo(200);
		this.created.add((String) group(made).get("id"));
		assertThat(group(made)).containsEntry("policies", List.of("soft-affinity"));
	}

	@Test
	void badGroupsAre400AndChangeNothing() {
		assertFault(this.member.post("/v2.1/os-server-groups", Map.of("server_group", Map.of("name", "x"))), 400,
				"'policies' is a required property");
		assertFault(this.member.post("/v2.1/os-server-groups",
				Map.of("server_group", Map.of("name", "x", "policies", List.of("affinity", "anti-affinity")))), 400,
				"exactly one policy");
		assertFault(this.member.post("/v2.1/os-server-groups",
				Map.of("server_group", Map.of("name", "", "policies", List.of("affinity")))), 400,
				"Invalid input for field/attribute name.");
		assertFault(this.member.post("/v2.1/os-server-groups",
				Map.of("server_group", Map.of("name", "x", "policies", List.of("affinity"), "rules", Map.of()))), 400,
				"('rules' was unexpected)");
		assertFault(this.member.get("/v2.1/os-server-groups?offset=-1"), 400, "offset must be >= 0");
		assertThat(ids(this.member.get("/v2.1/os-server-groups"))).isEmpty();
	}

	@Test
	void aProjectHasNoMoreGroupsThanItsQuota() {
		this.admin.put("/v2.1/os-quota-sets/" + PROJECT, Map.of("quota_set", Map.of("server_groups", 1)));
		ResponseEntity<Map<String, Object>> first = this.member.post("/v2.1/os-server-groups",
				Map.of("server_group", Map.of("name", "one", "policies", List.of("affinity"))));
		this.created.add((String) group(first).get("id"));
		assertFault(this.member.post("/v2.1/os-server-groups",
				Map.of("server_group", Map.of("name", "two", "policies", List.of("affinity")))), 403,
				"Quota exceeded, too many server groups.");
		assertThat(((Map<?, ?>) ((Map<?, ?>) this.member.get("/v2.1/limits").getBody().get("limits")).get("absolute"))
			.get("totalServerGroupsUsed")).isEqualTo(1);
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> group(ResponseEntity<Map<String, Object>> response) {
		assertThat(response.getStatusCode().value()).as("%s", response.getBody()).isEqualTo(200);
		return (Map<String, Object>) response.getBody().get("server_group");
	}

	@SuppressWarnings("unchecked")
	private static List<String> ids(ResponseEntity<Map<String, Object>> response) {
		assertThat(response.getStatusCode().value()).as("%s", response.getBody()).isEqualTo(200);
		return ((List<Map<String, Object>>) response.getBody().get("server_groups")).stream()
			.map((group) -> (String) group.get("id"))
			.toList();
	}

	@SuppressWarnings("unchecked")
	private static void assertFault(ResponseEntity<Map<String, Object>> response, int status, String message) {
		assertThat(response.getStatusCode().value()).as("%s", response.getBody()).isEqualTo(status);
		Map<String, Object> fault = (Map<String, Object>) response.getBody().values().iterator().next();
		assertThat(fault).containsEntry("code", status);
		assertThat((String) fault.get("message")).contains(message);
	}

}
