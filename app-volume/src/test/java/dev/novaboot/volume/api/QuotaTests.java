package dev.novaboot.volume.api;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.novaboot.volume.VolumeAppTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

import static dev.novaboot.volume.api.BlockStorageApiTests.assertFault;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.InstanceOfAssertFactories.MAP;

/**
 * Cinder's quotas ({@code os-quota-sets}) and {@code /limits}: a project's limits with
 * their defaults and per volume type, what it uses, admins setting and deleting limits,
 * and creates, snapshots and extends over a limit refused with Cinder's 413, at 3.0 and
 * the newest microversion. (The test properties raise the defaults far above what the
 * other tests create; each test here sets its project's limits.)
 */
@VolumeAppTest
class QuotaTests {

	@Autowired
	TestRestTemplate http;

	BlockStorageClient admin;

	BlockStorageClient member;

	String project;

	@BeforeEach
	void clients() {
		this.admin = new BlockStorageClient(this.http, "admin", "admin", "admin");
		this.project = "project-" + UUID.randomUUID();
		this.member = new BlockStorageClient(this.http, this.project, "quinn", "member");
	}

	@ParameterizedTest
	@ValueSource(strings = { "3.0", "latest" })
	@SuppressWarnings("unchecked")
	void aProjectSeesItsLimitsDefaultsAndUsagePerResourceAndType(String version) {
		BlockStorageClient member = this.member.atVersion(version);
		member.createVolume(2);
		String volumeId = (String) member.createVolume(3).get("id");
		member.post("/snapshots", Map.of("snapshot", Map.of("volume_id", volumeId)));

		Map<String, Object> set = (Map<String, Object>) member.get("/os-quota-sets/" + this.project)
			.getBody()
			.get("quota_set");
		assertThat(set).containsEntry("id", this.project)
			.containsEntry("volumes", 100000)
			.containsEntry("per_volume_gigabytes", -1)
			.containsEntry("backups", 10)
			.containsEntry("backup_gigabytes", 1000)
			.containsEntry("groups", 10)
			.containsEntry("volumes___DEFAULT__", -1)
			.containsEntry("gigabytes___DEFAULT__", -1)
			.containsEntry("snapshots___DEFAULT__", -1)
			.containsKeys("snapshots", "gigabytes");
		Map<String, Object> defaults = (Map<String, Object>) member.get("/os-quota-sets/" + this.project + "/defaults")
			.getBody()
			.get("quota_set");
		assertThat(defaults).isEqualTo(set);

		Map<String, Object> usage = (Map<String, Object>) member.get("/os-quota-sets/" + this.project + "?usage=true")
			.getBody()
			.get("quota_set");
		assertThat(usage.get("volumes")).isEqualTo(Map.of("limit", 100000, "in_use", 2, "reserved", 0));
		// a snapshot's size counts in gigabytes, as in Cinder
		assertThat(usage.get("gigabytes")).asInstanceOf(MAP).containsEntry("in_use", 8);
		assertThat(usage.get("snapshots")).asInstanceOf(MAP).containsEntry("in_use", 1);
		assertThat(usage.get("volumes___DEFAULT__")).isEqualTo(Map.of("limit", -1, "in_use", 2, "reserved", 0));
		assertThat(usage.get("backups")).isEqualTo(Map.of("limit", 10, "in_use", 0, "reserved", 0));
		assertThat(usage).containsEntry("id", this.project);

		Map<String, Object> limits = (Map<String, Object>) member.get("/limits").getBody().get("limits");
		assertThat(limits.get("rate")).isEqualTo(List.of());
		assertThat((Map<String, Object>) limits.get("absolute")).containsOnlyKeys("maxTotalVolumeGigabytes",
				"maxTotalBackupGigabytes", "maxTotalVolumes", "maxTotalSnapshots", "maxTotalBackups",
				"totalVolumesUsed", "totalGigabytesUsed", "totalSnapshotsUsed", "totalBackupsUsed",
				"totalBackupGigabytesUsed")
			.containsEntry("maxTotalVolumes", 100000)
			.containsEntry("totalVolumesUsed", 2)
			.containsEntry("totalGigabytesUsed", 8)
			.containsEntry("totalSnapshotsUsed", 1)
			.containsEntry("maxTotalBackups", 10);
	}

	@ParameterizedTest
	@ValueSource(strings = { "3.0", "latest" })
	@SuppressWarnings("unchecked")
	void overItsQuotaAProjectGetsCinders413AndNothingIsCreated(String version) {
		BlockStorageClient member = this.member.atVersion(version);
		setLimits(Map.of("volumes", 2, "gigabytes", 10, "snapshots", 1));
		String first = (String) member.createVolume(4).get("id");
		member.createVolume(4);

		ResponseEntity<Map<String, Object>> third = member.post("/volumes", Map.of("volume", Map.of("size", 1)));
		assertOverLimit(third, "Maximum number of volumes allowed (2) exceeded for quota 'volumes'.");
		assertThat(member.list("/volumes", "volumes")).hasSize(2);

		setLimits(Map.of("volumes", 3));
		assertOverLimit(member.post("/volumes", Map.of("volume", Map.of("size", 3))),
				"Requested volume or snapshot exceeds allowed gigabytes quota. Requested 3G, quota is 10G and 8G "
						+ "has been consumed.");
		assertOverLimit(member.post("/volumes/" + first + "/action", Map.of("os-extend", Map.of("new_size", 7))),
				"Requested volume or snapshot exceeds allowed gigabytes quota. Requested 3G, quota is 10G and 8G "
						+ "has been consumed.");
		assertThat(member.volume(first)).containsEntry("size", 4).containsEntry("status", "available");
		assertThat(member.post("/volumes/" + first + "/action", Map.of("os-extend", Map.of("new_size", 5)))
			.getStatusCode()
			.value()).isEqualTo(202);
		assertThat(member.volume(first)).containsEntry("size", 5);

		setLimits(Map.of("gigabytes", 100));
		assertThat(member.post("/snapshots", Map.of("snapshot", Map.of("volume_id", first))).getStatusCode().value())
			.isEqualTo(202);
		assertOverLimit(member.post("/snapshots", Map.of("snapshot", Map.of("volume_id", first))),
				"Maximum number of snapshots allowed (1) exceeded");

		setLimits(Map.of("per_volume_gigabytes", 5));
		assertOverLimit(member.post("/volumes", Map.of("volume", Map.of("size", 6))),
				"Requested volume size 6G is larger than maximum allowed limit 5G.");
	}

	@Test
	@SuppressWarnings("unchecked")
	void aPerTypeQuotaLimitsTheVolumesOfThatTypeOnly() {
		String type = "quota-type-" + UUID.randomUUID();
		this.admin.post("/types", Map.of("volume_type", Map.of("name", type)));
		setLimits(Map.of("volumes_" + type, 1));
		this.member.post("/volumes", Map.of("volume", Map.of("size", 1, "volume_type", type)));
		assertOverLimit(this.member.post("/volumes", Map.of("volume", Map.of("size", 1, "volume_type", type))),
				"Maximum number of volumes allowed (1) exceeded for quota 'volumes_" + type + "'.");
		assertThat(this.member.createVolume(1)).containsEntry("status", "available");
	}

	@Test
	@SuppressWarnings("unchecked")
	void adminsUpdateAndDeleteLimitsButNotBelowWhatIsUsed() {
		this.member.createVolume(1);
		this.member.createVolume(1);
		ResponseEntity<Map<String, Object>> updated = this.admin.exchange(HttpMethod.PUT,
				"/os-quota-sets/" + this.project,
				Map.of("quota_set", Map.of("volumes", "5", "snapshots___DEFAULT__", 3, "tenant_id", "ignored")));
		assertThat(updated.getStatusCode().value()).isEqualTo(200);
		assertThat((Map<String, Object>) updated.getBody().get("quota_set")).containsEntry("volumes", 5)
			.containsEntry("snapshots___DEFAULT__", 3)
			.doesNotContainKey("id");

		assertFault(this.admin.exchange(HttpMethod.PUT, "/os-quota-sets/" + this.project,
				Map.of("quota_set", Map.of("volumes", 1))), 400, "badRequest",
				"Quota volumes limit must be equal or greater than existing resources. Current usage is 2 and the "
						+ "requested limit is 1.");
		assertThat(this.admin.exchange(HttpMethod.DELETE, "/os-quota-sets/" + this.project, null)
			.getStatusCode()
			.value()).isEqualTo(200);
		assertThat((Map<String, Object>) this.member.get("/os-quota-sets/" + this.project).getBody().get("quota_set"))
			.containsEntry("volumes", 100000)
			.containsEntry("snapshots___DEFAULT__", -1);
	}

	@ParameterizedTest
	@ValueSource(strings = { "3.0", "latest" })
	void badQuotaSetsAreRefusedAndChangeNothing(String version) {
		BlockStorageClient admin = this.admin.atVersion(version);
		String path = "/os-quota-sets/" + this.project;
		assertFault(admin.exchange(HttpMethod.PUT, path, Map.of("quota_set", Map.of("volumes", 5, "apples", 1))), 400,
				"badRequest", "Invalid input received: Bad key(s) in quota set: apples");
		assertFault(admin.exchange(HttpMethod.PUT, path, Map.of("quota_set", Map.of("volumes", "many"))), 400,
				"badRequest", "volumes must be an integer.");
		assertFault(admin.exchange(HttpMethod.PUT, path, Map.of("quota_set", Map.of("volumes", -2))), 400,
				"badRequest", "volumes must be >= -1");
		assertFault(admin.exchange(HttpMethod.PUT, path, Map.of("quota_set", Map.of("volumes", 2147483648L))), 400,
				"badRequest", "volumes must be <= 2147483647");
		assertFault(admin.exchange(HttpMethod.PUT, path, Map.of("quota_set", Map.of())), 400, "badRequest",
				"does not have enough properties");
		assertFault(admin.exchange(HttpMethod.PUT, path, Map.of("volumes", 5)), 400, "badRequest",
				"'quota_set' is a required property");
		Map<String, Object> extra = new HashMap<>(Map.of("quota_set", Map.of("volumes", 5)));
		extra.put("other", 1);
		assertFault(admin.exchange(HttpMethod.PUT, path, extra), 400, "badRequest",
				"Additional properties are not allowed ('other' was unexpected)");
		assertFault(this.member.get(path + "?usage=maybe"), 400, "badRequest",
				"Value 'maybe' for 'usage' is not a boolean.");
		assertThat(this.member.get(path).getBody().get("quota_set")).asInstanceOf(MAP).containsEntry("volumes", 100000);
	}

	@Test
	void membersSeeOnlyTheirOwnQuotasAndChangeNone() {
		String other = "project-" + UUID.randomUUID();
		assertFault(this.member.get("/os-quota-sets/" + other), 403, "forbidden",
				"Policy doesn't allow volume_extension:quotas:show to be performed.");
		assertFault(this.member.get("/os-quota-sets/" + other + "/defaults"), 403, "forbidden",
				"volume_extension:quotas:show");
		assertFault(this.member.exchange(HttpMethod.PUT, "/os-quota-sets/" + this.project,
				Map.of("quota_set", Map.of("volumes", 100))), 403, "forbidden",
				"Policy doesn't allow volume_extension:quotas:update to be performed.");
		assertFault(this.member.exchange(HttpMethod.DELETE, "/os-quota-sets/" + this.project, null), 403, "forbidden",
				"Policy doesn't allow volume_extension:quotas:delete to be performed.");
		assertFault(this.member.get("/v3/" + other + "/limits"), 400, "badRequest", "Malformed request url");
		assertThat(this.admin.get("/os-quota-sets/" + other).getStatusCode().value()).isEqualTo(200);
	}

	private void setLimits(Map<String, Object> limits) {
		ResponseEntity<Map<String, Object>> response = this.admin.exchange(HttpMethod.PUT,
				"/os-quota-sets/" + this.project, Map.of("quota_set", limits));
		assertThat(response.getStatusCode().value()).as("%s", response.getBody()).isEqualTo(200);
	}

	private static void assertOverLimit(ResponseEntity<Map<String, Object>> response, String message) {
		assertThat(response.getStatusCode().value()).as("%s", response.getBody()).isEqualTo(413);
		assertThat(response.getHeaders().getFirst("Retry-After")).isEqualTo("0");
		assertThat(response.getBody()).containsOnlyKeys("overLimit");
		assertThat(response.getBody().get("overLimit"))
			.isEqualTo(Map.of("code", 413, "message", message, "retryAfter", "0"));
	}

}
