package dev.novaboot.network.api;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureTestRestTemplate;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

import static dev.novaboot.network.api.ApiCalls.assertError;
import static dev.novaboot.network.api.ApiCalls.message;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code /v2.0/quotas} with Neutron's defaults, shapes and policy, and the quota enforced on
 * create and bulk create. (The context of {@link NetworkingApiTests}; every test works in a
 * project of its own.)
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@AutoConfigureTestRestTemplate
class QuotasTests {

	@Autowired
	TestRestTemplate http;

	private ApiCalls api;

	private String project;

	@BeforeEach
	void newProject() {
		this.api = new ApiCalls(this.http);
		this.project = "quota-" + UUID.randomUUID();
	}

	private ResponseEntity<Map<String, Object>> setLimits(String body) {
		return this.api.call("admin", HttpMethod.PUT, "/v2.0/quotas/" + this.project, body);
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> quota(ResponseEntity<Map<String, Object>> response) {
		assertThat(response.getStatusCode().value()).as("%s", response.getBody()).isEqualTo(200);
		return (Map<String, Object>) response.getBody().get("quota");
	}

	@Test
	void aProjectWithoutLimitsOfItsOwnHasNeutronsDefaults() {
		Map<String, Object> expected = Map.of("network", 100, "subnet", 100, "port", 500, "router", 10, "floatingip",
				50, "security_group", 10, "security_group_rule", 100);
		assertThat(quota(this.api.get(this.project, "/v2.0/quotas/" + this.project))).isEqualTo(expected);
		assertThat(quota(this.api.get(this.project, "/v2.0/quotas/" + this.project + "/default"))).isEqualTo(expected);
	}

	@Test
	void anAdminSetsLimitsThatTheProjectSeesAndTheListShows() {
		Map<String, Object> updated = quota(setLimits("{\"quota\": {\"network\": 5, \"port\": \"7\", \"force\": true}}"));
		assertThat(updated).containsEntry("network", 5).containsEntry("port", 7).containsEntry("subnet", 100);
		assertThat(quota(this.api.get(this.project, "/v2.0/quotas/" + this.project))).isEqualTo(updated);
		// the defaults stay what they were
		assertThat(quota(this.api.get(this.project, "/v2.0/quotas/" + this.project + "/default")))
			.containsEntry("network", 100);
		@SuppressWarnings("unchecked")
		List<Map<String, Object>> all = (List<Map<String, Object>>) this.api.get("admin", "/v2.0/quotas")
			.getBody()
			.get("quotas");
		assertThat(all).filteredOn((entry) -> this.project.equals(entry.get("project_id")))
			.singleElement()
			.satisfies((entry) -> assertThat(entry).containsEntry("tenant_id", this.project)
				.containsEntry("network", 5)
				.containsEntry("router", 10));
	}

	@Test
	void theSecondNetworkOverALimitOfOneIsRefusedWithNeutronsOverQuota() {
		setLimits("{\"quota\": {\"network\": 1}}");
		this.api.network(this.project, "\"name\": \"first\"");
		ResponseEntity<Map<String, Object>> refused = this.api.call(this.project, HttpMethod.POST, "/v2.0/networks",
				"{\"network\": {\"name\": \"second\"}}");
		assertError(refused, 409, "OverQuota");
		assertThat(message(refused)).isEqualTo("Quota exceeded for resources: ['network'].");
		assertThat(ApiCalls.list(this.api.get(this.project, "/v2.0/networks?project_id=" + this.project), "networks")).hasSize(1);
	}

	@Test
	void aBulkCreateBeyondTheQuotaCreatesNothing() {
		setLimits("{\"quota\": {\"network\": 2}}");
		this.api.network(this.project, "\"name\": \"first\"");
		ResponseEntity<Map<String, Object>> refused = this.api.call(this.project, HttpMethod.POST, "/v2.0/networks",
				"{\"networks\": [{\"name\": \"a\"}, {\"name\": \"b\"}]}");
		assertError(refused, 409, "OverQuota");
		assertThat(message(refused)).isEqualTo("Quota exceeded for resources: ['network'].");
		assertThat(ApiCalls.list(this.api.get(this.project, "/v2.0/networks?project_id=" + this.project), "networks"))
			.extracting((network) -> network.get("name"))
			.containsExactly("first");
	}

	@Test
	void theDefaultSecurityGroupCountsTowardsTheProjectsGroups() {
		setLimits("{\"quota\": {\"security_group\": 2}}");
		this.api.create(this.project, "security-groups", "security_group", "\"name\": \"web\"");
		ResponseEntity<Map<String, Object>> refused = this.api.call(this.project, HttpMethod.POST,
				"/v2.0/security-groups", "{\"security_group\": {\"name\": \"db\"}}");
		assertError(refused, 409, "OverQuota");
		assertThat(message(refused)).isEqualTo("Quota exceeded for resources: ['security_group'].");
	}

	@Test
	@SuppressWarnings("unchecked")
	void detailsShowTheLimitWhatIsUsedAndNothingReserved() {
		this.api.network(this.project, "\"name\": \"counted\"");
		Map<String, Object> details = quota(this.api.get(this.project, "/v2.0/quotas/" + this.project + "/details"));
		assertThat((Map<String, Object>) details.get("network")).isEqualTo(Map.of("limit", 100, "used", 1, "reserved", 0));
		assertThat((Map<String, Object>) details.get("port")).containsEntry("used", 0).containsEntry("limit", 500);
		assertThat(details).containsOnlyKeys("network", "subnet", "port", "router", "floatingip", "security_group",
				"security_group_rule");
	}

	@Test
	void deletingAProjectsQuotaGoesBackToTheDefaultsAndASecondDeleteIsNotFound() {
		setLimits("{\"quota\": {\"router\": 3}}");
		assertThat(this.api.call("admin", HttpMethod.DELETE, "/v2.0/quotas/" + this.project, null)
			.getStatusCode()
			.value()).isEqualTo(204);
		assertThat(quota(this.api.get(this.project, "/v2.0/quotas/" + this.project))).containsEntry("router", 10);
		ResponseEntity<Map<String, Object>> again = this.api.call("admin", HttpMethod.DELETE,
				"/v2.0/quotas/" + this.project, null);
		assertError(again, 404, "TenantQuotaNotFound");
		assertThat(message(again)).isEqualTo("Quota for tenant " + this.project + " could not be found.");
	}

	@Test
	void onlyAnAdminChangesQuotasOrReadsAnotherProjects() {
		assertError(this.api.call(this.project, HttpMethod.PUT, "/v2.0/quotas/" + this.project,
				"{\"quota\": {\"network\": 1000}}"), 403, "PolicyNotAuthorized");
		assertError(this.api.call(this.project, HttpMethod.DELETE, "/v2.0/quotas/" + this.project, null), 403,
				"PolicyNotAuthorized");
		assertError(this.api.get(this.project, "/v2.0/quotas"), 403, "PolicyNotAuthorized");
		assertError(this.api.get(this.project, "/v2.0/quotas/admin"), 403, "PolicyNotAuthorized");
		assertError(this.api.get(this.project, "/v2.0/quotas/admin/details"), 403, "PolicyNotAuthorized");
		assertThat(quota(this.api.get(this.project, "/v2.0/quotas/" + this.project))).containsEntry("network", 100);
	}

	@Test
	void badLimitsAreRefusedAndChangeNothing() {
		assertError(setLimits("{\"quota\": {\"network\": \"many\"}}"), 400, "InvalidInput");
		assertError(setLimits("{\"quota\": {\"network\": -2}}"), 400, "InvalidInput");
		assertError(setLimits("{\"quota\": {\"network\": 1, \"volumes\": 1}}"), 400, "HTTPBadRequest");
		assertError(setLimits("{\"network\": 1}"), 400, "HTTPBadRequest");
		assertThat(quota(this.api.get(this.project, "/v2.0/quotas/" + this.project))).containsEntry("network", 100);
		// -1 is unlimited
		assertThat(quota(setLimits("{\"quota\": {\"network\": -1}}"))).containsEntry("network", -1);
	}

	@Test
	void checkLimitRefusesALimitBelowWhatIsUsed() {
		this.api.network(this.project, "\"name\": \"one\"");
		this.api.network(this.project, "\"name\": \"two\"");
		ResponseEntity<Map<String, Object>> refused = setLimits("{\"quota\": {\"network\": 1, \"check_limit\": true}}");
		assertError(refused, 400, "HTTPBadRequest");
		assertThat(message(refused)).isEqualTo("Quota limit 1 for network must be greater than or equal to already used 2");
		assertThat(quota(setLimits("{\"quota\": {\"network\": 1}}"))).containsEntry("network", 1);
	}

}
