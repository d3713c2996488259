package dev.novaboot.volume.api;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.novaboot.volume.VolumeAppTest;
import org.junit.jupiter.api.AfterEach;
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

/**
 * Cinder's {@code os-services} actions: disabling a volume service (with a reason) takes
 * its host out of scheduling until it is enabled again; freezing a volume host refuses
 * management operations on its volumes and snapshots with Cinder's 400 until it is
 * thawed; bodies and callers Cinder's schemas and policies refuse, at 3.0 and the newest
 * microversion.
 */
@VolumeAppTest
class VolumeServicesTests {

	private static final String HOST = "volume-test-host";

	@Autowired
	TestRestTemplate http;

	BlockStorageClient admin;

	BlockStorageClient member;

	@BeforeEach
	void clients() {
		this.admin = new BlockStorageClient(this.http, "admin", "admin", "admin");
		this.member = new BlockStorageClient(this.http, "project-" + UUID.randomUUID(), "sam", "member");
	}

	@AfterEach
	void enableAndThawTheHostAgain() {
		this.admin.exchange(HttpMethod.PUT, "/os-services/enable", Map.of("host", HOST, "binary", "nova-volume"));
		this.admin.exchange(HttpMethod.PUT, "/os-services/thaw", Map.of("host", HOST));
	}

	@ParameterizedTest
	@ValueSource(strings = { "3.0", "latest" })
	void aDisabledVolumeServiceGetsNoNewVolumesUntilEnabled(String version) {
		BlockStorageClient admin = this.admin.atVersion(version);

		ResponseEntity<Map<String, Object>> disabled = admin.exchange(HttpMethod.PUT, "/os-services/disable-log-reason",
				Map.of("host", HOST, "binary", "nova-volume", "disabled_reason", "maintenance"));
		assertThat(disabled.getStatusCode().value()).isEqualTo(200);
		assertThat(disabled.getBody()).isEqualTo(Map.of("host", HOST, "service", "", "binary", "nova-volume",
				"status", "disabled", "disabled", true, "disabled_reason", "maintenance"));
		assertThat(service(admin)).containsEntry("status", "disabled")
			.containsEntry("disabled_reason", "maintenance")
			.containsEntry("frozen", false);
		assertThat(this.member.atVersion(version).createVolume(1)).containsEntry("status", "error");

		ResponseEntity<Map<String, Object>> enabled = admin.exchange(HttpMethod.PUT, "/os-services/enable",
				Map.of("host", HOST, "binary", "nova-volume"));
		assertThat(enabled.getBody()).isEqualTo(Map.of("host", HOST, "service", "", "binary", "nova-volume",
				"status", "enabled", "disabled", false));
		assertThat(service(admin)).containsEntry("status", "enabled").containsEntry("disabled_reason", null);
		assertThat(this.member.createVolume(1)).containsEntry("status", "available");
	}

	@Test
	void disableTakesTheDeprecatedServiceKeyAndAnswersWithIt() {
		ResponseEntity<Map<String, Object>> disabled = this.admin.exchange(HttpMethod.PUT, "/os-services/disable",
				Map.of("host", HOST, "service", "nova-volume"));
		assertThat(disabled.getBody()).isEqualTo(Map.of("host", HOST, "service", "nova-volume", "binary", "",
				"status", "disabled", "disabled", true));
		assertThat(service(this.admin)).containsEntry("status", "disabled").containsEntry("disabled_reason", null);
	}

	@ParameterizedTest
	@ValueSource(strings = { "3.0", "latest" })
	@SuppressWarnings("unchecked")
	void aFrozenHostRefusesManagementOperationsUntilThawed(String version) {
		BlockStorageClient admin = this.admin.atVersion(version);
		BlockStorageClient member = this.member.atVersion(version);
		String volumeId = (String) member.createVolume(1).get("id");
		String snapshotId = (String) ((Map<String, Object>) member
			.post("/snapshots", Map.of("snapshot", Map.of("volume_id", volumeId)))
			.getBody()
			.get("snapshot")).get("id");

		ResponseEntity<Map<String, Object>> frozen = admin.exchange(HttpMethod.PUT, "/os-services/freeze",
				Map.of("host", HOST));
		assertThat(frozen.getStatusCode().value()).isEqualTo(200);
		assertThat(frozen.getBody()).isNull();
		assertThat(service(admin)).containsEntry("frozen", true).containsEntry("status", "enabled");

		String refused = "Invalid input received: Modification operations are not allowed on frozen storage backends.";
		assertFault(member.delete("/volumes/" + volumeId), 400, "badRequest", refused);
		assertFault(member.post("/volumes/" + volumeId + "/action", Map.of("os-extend", Map.of("new_size", 2))), 400,
				"badRequest", refused);
		assertFault(member.post("/snapshots", Map.of("snapshot", Map.of("volume_id", volumeId))), 400, "badRequest",
				refused);
		assertFault(member.delete("/snapshots/" + snapshotId), 400, "badRequest", refused);
		assertFault(member.delete("/volumes/" + volumeId + "?cascade=true"), 400, "badRequest", refused);
		// no host takes a new volume, not even from the frozen host's snapshot
		assertThat(member.createVolume(1)).containsEntry("status", "error");
		assertThat(((Map<String, Object>) member.post("/volumes", Map.of("volume", Map.of("snapshot_id", snapshotId)))
			.getBody()
			.get("volume"))).containsEntry("status", "error");
		// reading and changing records still works
		assertThat(member.volume(volumeId)).containsEntry("status", "available").containsEntry("size", 1);
		assertThat(member.exchange(HttpMethod.PUT, "/volumes/" + volumeId, Map.of("volume", Map.of("name", "n")))
			.getStatusCode()
			.value()).isEqualTo(200);
		assertFault(admin.exchange(HttpMethod.PUT, "/os-services/freeze", Map.of("host", HOST)), 400, "badRequest",
				"Invalid input received: No service could be changed: frozen in ['" + HOST
						+ "'] must be False to failover.");

		assertThat(admin.exchange(HttpMethod.PUT, "/os-services/thaw", Map.of("host", HOST + "@fake")).getStatusCode()
			.value()).isEqualTo(200);
		assertThat(service(admin)).containsEntry("frozen", false);
		assertFault(admin.exchange(HttpMethod.PUT, "/os-services/thaw", Map.of("host", HOST)), 400, "badRequest",
				"must be True to failover.");
		assertThat(member.delete("/snapshots/" + snapshotId).getStatusCode().value()).isEqualTo(202);
		assertThat(member.delete("/volumes/" + volumeId).getStatusCode().value()).isEqualTo(202);
	}

	@Test
	void badBodiesUnknownServicesAndActionsAreRefusedAsCinderRefusesThem() {
		assertFault(this.admin.exchange(HttpMethod.PUT, "/os-services/disable", Map.of("binary", "nova-volume")), 400,
				"badRequest", "Invalid input received: Host field is missing.");
		assertFault(this.admin.exchange(HttpMethod.PUT, "/os-services/disable", Map.of("host", HOST)), 400,
				"badRequest", "is not valid under any of the given schemas");
		assertFault(this.admin.exchange(HttpMethod.PUT, "/os-services/enable",
				Map.of("host", HOST, "binary", "nova-volume", "disabled_reason", "x")), 400, "badRequest",
				"Additional properties are not allowed ('disabled_reason' was unexpected)");
		assertFault(this.admin.exchange(HttpMethod.PUT, "/os-services/disable-log-reason",
				Map.of("host", HOST, "binary", "nova-volume", "disabled_reason", "x".repeat(256))), 400, "badRequest",
				"Invalid input for field/attribute disabled_reason.");
		assertFault(this.admin.exchange(HttpMethod.PUT, "/os-services/disable-log-reason",
				Map.of("host", HOST, "binary", "nova-volume", "disabled_reason", "   ")), 400, "badRequest",
				"is not a 'disabled_reason'");
		assertFault(this.admin.exchange(HttpMethod.PUT, "/os-services/disable", Map.of("host", "bad host!",
				"binary", "nova-volume")), 400, "badRequest", "Invalid input for field/attribute host.");
		assertFault(this.admin.exchange(HttpMethod.PUT, "/os-services/disable",
				Map.of("host", "nowhere", "binary", "nova-volume")), 404, "itemNotFound",
				"Service nova-volume could not be found on host nowhere.");
		assertFault(this.admin.exchange(HttpMethod.PUT, "/os-services/freeze", Map.of("host", "nowhere")), 400,
				"badRequest", "Invalid input received: No service found with host=nowhere");
		assertFault(this.admin.exchange(HttpMethod.PUT, "/os-services/freeze", Map.of()), 400, "badRequest",
				"Host field is missing.");
		Map<String, Object> withCluster = new HashMap<>(Map.of("host", HOST));
		withCluster.put("backend_id", "x");
		assertFault(this.admin.exchange(HttpMethod.PUT, "/os-services/thaw", withCluster), 400, "badRequest",
				"('backend_id' was unexpected)");
		assertThat(this.admin.exchange(HttpMethod.PUT, "/os-services/reboot", Map.of("host", HOST)).getStatusCode()
			.value()).isEqualTo(404);
		assertThat(service(this.admin)).containsEntry("status", "enabled").containsEntry("frozen", false);
	}

	@Test
	void membersMayNeitherListNorChangeServices() {
		String forbidden = "Policy doesn't allow volume_extension:services:update to be performed.";
		assertFault(this.member.exchange(HttpMethod.PUT, "/os-services/disable",
				Map.of("host", HOST, "binary", "nova-volume")), 403, "forbidden", forbidden);
		assertFault(this.member.exchange(HttpMethod.PUT, "/os-services/freeze", Map.of("host", HOST)), 403,
				"forbidden", "Policy doesn't allow volume:freeze_host to be performed.");
		assertFault(this.member.get("/os-services"), 403, "forbidden", "volume_extension:services:index");
		assertFault(this.admin.exchange(HttpMethod.PUT, "/v3/" + this.member.project() + "/os-services/disable",
				Map.of("host", HOST, "binary", "nova-volume")), 400, "badRequest", "Malformed request url");
		assertThat(service(this.admin)).containsEntry("status", "enabled");
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> service(BlockStorageClient admin) {
		List<Map<String, Object>> services = admin.list("/os-services?binary=nova-volume&host=" + HOST, "services");
		assertThat(services).hasSize(1);
		return services.get(0);
	}

}
