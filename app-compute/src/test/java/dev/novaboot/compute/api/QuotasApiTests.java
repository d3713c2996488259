package dev.novaboot.compute.api;

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
 * A project's compute quotas and limits as Nova gives them: the defaults, an admin's
 * limits, what is in use, and creates refused with Nova's 403 once a limit is reached.
 * Each test resets the quotas it set.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@AutoConfigureTestRestTemplate
class QuotasApiTests {

	private static final String PROJECT = "project-quotas";

	@Autowired
	TestRestTemplate http;

	ComputeApiClient member;

	ComputeApiClient admin;

	@BeforeEach
	void clients() {
		this.member = new ComputeApiClient(this.http, PROJECT, "member");
		this.admin = new ComputeApiClient(this.http, "project-quotas-admin", "admin");
	}

	@AfterEach
	void resetQuotas() {
		this.admin.delete("/v2.1/os-quota-sets/" + PROJECT);
	}

	@Test
	@SuppressWarnings("unchecked")
	void aProjectHasNovasDefaultQuotasWithTheNetworkOnesOnlyBefore236() {
		Map<String, Object> at21 = (Map<String, Object>) this.member.get("/v2.1/os-quota-sets/" + PROJECT)
			.getBody()
			.get("quota_set");
		assertThat(at21).containsEntry("id", PROJECT)
			.containsEntry("instances", 10)
			.containsEntry("cores", 20)
			.containsEntry("ram", 51200)
			.containsEntry("key_pairs", 100)
			.containsEntry("metadata_items", 128)
			.containsEntry("injected_files", 5)
			.containsEntry("injected_file_content_bytes", 10240)
			.containsEntry("injected_file_path_bytes", 255)
			.containsEntry("server_groups", 10)
			.containsEntry("server_group_members", 10)
			.containsEntry("fixed_ips", -1)
			.containsEntry("floating_ips", -1)
			.containsEntry("security_groups", -1)
			.containsEntry("security_group_rules", -1)
			.hasSize(15);
		Map<String, Object> at236 = (Map<String, Object>) this.member.at("2.36")
			.get("/v2.1/os-quota-sets/" + PROJECT + "/defaults")
			.getBody()
			.get("quota_set");
		assertThat(at236).doesNotContainKeys("fixed_ips", "floating_ips", "security_groups", "security_group_rules")
			.containsEntry("instances", 10)
			.hasSize(11);
	}

	@Test
	@SuppressWarnings("unchecked")
	void anAdminSetsAProjectsQuotasWhichLimitItsBootsWithNovasMessage() {
		ResponseEntity<Map<String, Object>> updated = this.admin.put("/v2.1/os-quota-sets/" + PROJECT,
				Map.of("quota_set", Map.of("instances", 1, "cores", "4")));
		assertThat(updated.getStatusCode().value()).isEqualTo(200);
		assertThat((Map<String, Object>) updated.getBody().get("quota_set")).doesNotContainKey("id")
			.containsEntry("instances", 1)
			.containsEntry("cores", 4);

		String first = this.member.at("2.37").boot("quota-1", "1", image(), Map.of("networks", "none"));
		try {
			ResponseEntity<Map<String, Object>> refused = this.member.at("2.37")
				.post("/v2.1/servers", Map.of("server", Map.of("name", "quota-2", "flavorRef", "1", "imageRef", image(),
						"networks", "none")));
			assertFault(refused, 403, "Quota exceeded for instances: Requested 1, but already used 1 of 1 instances");

			Map<String, Object> detail = (Map<String, Object>) this.member
				.get("/v2.1/os-quota-sets/" + PROJECT + "/detail")
				.getBody()
				.get("quota_set");
			assertThat(detail).containsEntry("instances", Map.of("in_use", 1, "limit", 1, "reserved", 0))
				.containsEntry("cores", Map.of("in_use", 1, "limit", 4, "reserved", 0))
				.containsEntry("ram", Map.of("in_use", 512, "limit", 51200, "reserved", 0));

			// lowering a limit below the usage needs force
			assertFault(this.admin.put("/v2.1/os-quota-sets/" + PROJECT, Map.of("quota_set", Map.of("instances", 0))),
					400, "Quota limit 0 for instances must be greater than or equal to already used and reserved 1.");
			assertThat(this.admin
				.put("/v2.1/os-quota-sets/" + PROJECT, Map.of("quota_set", Map.of("instances", 0, "force", true)))
				.getStatusCode()
				.value()).isEqualTo(200);

			Map<String, Object> absolute = absolute(this.member.get("/v2.1/limits"));
			assertThat(absolute).containsEntry("maxTotalInstances", 0)
				.containsEntry("totalInstancesUsed", 1)
				.containsEntry("maxTotalCores", 4)
				.containsEntry("totalCoresUsed", 1)
				.containsEntry("totalRAMUsed", 512);
		}
		finally {
			this.member.delete("/v2.1/servers/" + first);
			this.member.awaitGone(first);
		}
		this.admin.delete("/v2.1/os-quota-sets/" + PROJECT);
		assertThat(absolute(this.member.get("/v2.1/limits"))).containsEntry("maxTotalInstances", 10)
			.containsEntry("totalInstancesUsed", 0);
	}

	@Test
	void aUserCannotHaveMoreKeyPairsThanTheQuota() {
		this.admin.put("/v2.1/os-quota-sets/" + PROJECT, Map.of("quota_set", Map.of("key_pairs", 1)));
		assertThat(this.member.post("/v2.1/os-keypairs", Map.of("keypair", Map.of("name", "quota-key-1")))
			.getStatusCode()
			.value()).isEqualTo(200);
		try {
			assertFault(this.member.post("/v2.1/os-keypairs", Map.of("keypair", Map.of("name", "quota-key-2"))), 403,
					"Quota exceeded, too many key pairs.");
		}
		finally {
			this.member.delete("/v2.1/os-keypairs/quota-key-1");
		}
	}

	@Test
	void limitsNameEachQuotaAsNovaDoesAtEachMicroversion() {
		assertThat(absolute(this.member.get("/v2.1/limits"))).containsOnlyKeys("maxTotalRAMSize", "maxTotalInstances",
				"maxTotalCores", "maxTotalKeypairs", "maxTotalFloatingIps", "maxServerMeta", "maxImageMeta",
				"maxPersonality", "maxPersonalitySize", "maxSecurityGroups", "maxSecurityGroupRules", "maxServerGroups",
				"maxServerGroupMembers", "totalRAMUsed", "totalCoresUsed", "totalInstancesUsed", "totalFloatingIpsUsed",
				"totalSecurityGroupsUsed", "totalServerGroupsUsed");
		assertThat(absolute(this.member.at("2.36").get("/v2.1/limits"))).doesNotContainKeys("maxTotalFloatingIps",
				"maxSecurityGroups", "maxSecurityGroupRules", "totalFloatingIpsUsed", "totalSecurityGroupsUsed")
			.containsKey("maxImageMeta");
		assertThat(absolute(this.member.at("2.39").get("/v2.1/limits"))).doesNotContainKey("maxImageMeta")
			.containsEntry("maxServerMeta", 128);
		assertThat(this.member.get("/v2.1/limits").getBody().get("limits"))
			.asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
			.containsEntry("rate", List.of());
	}

	@Test
	void quotasAreAdminsToSetAndAProjectsOwnToRead() {
		ComputeApiClient stranger = new ComputeApiClient(this.http, "project-quotas-other", "member");
		assertFault(stranger.get("/v2.1/os-quota-sets/" + PROJECT), 403,
				"Policy doesn't allow os_compute_api:os-quota-sets:show to be performed.");
		assertFault(stranger.get("/v2.1/os-quota-sets/" + PROJECT + "/detail"), 403, "os-quota-sets:detail");
		assertFault(this.member.put("/v2.1/os-quota-sets/" + PROJECT, Map.of("quota_set", Map.of("instances", 50))),
				403, "os-quota-sets:update");
		assertFault(this.member.delete("/v2.1/os-quota-sets/" + PROJECT), 403, "os-quota-sets:delete");
		assertFault(stranger.get("/v2.1/limits?tenant_id=" + PROJECT), 403, "os_compute_api:limits:other_project");
		assertThat(absolute(this.admin.get("/v2.1/limits?tenant_id=" + PROJECT))).containsEntry("maxTotalInstances", 10);
		assertThat(this.admin.get("/v2.1/os-quota-sets/" + PROJECT).getStatusCode().value()).isEqualTo(200);
	}

	@Test
	void badLimitsAre400AndChangeNothing() {
		String path = "/v2.1/os-quota-sets/" + PROJECT;
		assertFault(this.admin.put(path, Map.of("quota_set", Map.of("instances", "many"))), 400,
				"'many' does not match '^-?[0-9]+$'");
		assertFault(this.admin.put(path, Map.of("quota_set", Map.of("instances", -2))), 400,
				"-2 is less than the minimum of -1");
		assertFault(this.admin.put(path, Map.of("quota_set", Map.of("instances", 2147483648L))), 400,
				"is greater than the maximum of 2147483647");
		assertFault(this.admin.put(path, Map.of("quota_set", Map.of("widgets", 1))), 400, "('widgets' was unexpected)");
		assertFault(this.admin.at("2.36").put(path, Map.of("quota_set", Map.of("floating_ips", 1))), 400,
				"('floating_ips' was unexpected)");
		assertFault(this.admin.put(path, Map.of("quota_set", Map.of("instances", 5, "force", "perhaps"))), 400,
				"force");
		assertFault(this.admin.put(path + "?user_id=someone", Map.of("quota_set", Map.of("instances", 5))), 400,
				"Quotas per user are not supported");
		assertThat(this.admin.get(path).getBody().get("quota_set"))
			.asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
			.containsEntry("instances", 10);
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> absolute(ResponseEntity<Map<String, Object>> response) {
		assertThat(response.getStatusCode().value()).as("%s", response.getBody()).isEqualTo(200);
		return (Map<String, Object>) ((Map<String, Object>) response.getBody().get("limits")).get("absolute");
	}

	@SuppressWarnings("unchecked")
	private String image() {
		return (String) ((List<Map<String, Object>>) this.member.get("/image/v2/images").getBody().get("images")).get(0)
			.get("id");
	}

	@SuppressWarnings("unchecked")
	private static void assertFault(ResponseEntity<Map<String, Object>> response, int status, String message) {
		assertThat(response.getStatusCode().value()).as("%s", response.getBody()).isEqualTo(status);
		Map<String, Object> fault = (Map<String, Object>) response.getBody().values().iterator().next();
		assertThat(fault).containsEntry("code", status);
		assertThat((String) fault.get("message")).contains(message);
	}

}
