package dev.novaboot.volume.api;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.novaboot.service.api.OpenStackFaults;
import dev.novaboot.volume.VolumeAppTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Block Storage API v3 subset as Cinder's API reference describes it: shapes, status
 * codes, project isolation, and bad input answered with a 4xx in Cinder's fault shape.
 */
@VolumeAppTest
class BlockStorageApiTests {

	@Autowired
	TestRestTemplate http;

	BlockStorageClient alice;

	BlockStorageClient bob;

	BlockStorageClient admin;

	@BeforeEach
	void clients() {
		this.alice = new BlockStorageClient(this.http, "project-alice", "alice", "member");
		this.bob = new BlockStorageClient(this.http, "project-bob", "bob", "member");
		this.admin = new BlockStorageClient(this.http, "admin", "admin", "admin");
	}

	@Test
	@SuppressWarnings("unchecked")
	void createShowListAndDeleteAVolume() {
		ResponseEntity<Map<String, Object>> created = this.alice.post("/volumes",
				Map.of("volume", Map.of("size", 2, "name", "data", "description", "for tests")));

		assertThat(created.getStatusCode().value()).isEqualTo(202);
		assertThat(created.getHeaders().getFirst("OpenStack-API-Version")).isEqualTo("volume 3.0");
		Map<String, Object> volume = (Map<String, Object>) created.getBody().get("volume");
		String id = (String) volume.get("id");
		assertThat(volume).containsEntry("size", 2)
			.containsEntry("name", "data")
			.containsEntry("description", "for tests")
			.containsEntry("status", "available")
			.containsEntry("availability_zone", "nova")
			.containsEntry("user_id", "alice")
			.containsEntry("bootable", "false")
			.containsEntry("encrypted", false)
			.containsEntry("attachments", List.of())
			.containsKeys("created_at", "updated_at", "links", "volume_type", "snapshot_id", "metadata")
			.doesNotContainKey("os-vol-host-attr:host");

		assertThat(this.alice.volume(id)).containsEntry("status", "available").containsEntry("id", id);
		List<Map<String, Object>> summaries = this.alice.list("/volumes", "volumes");
		assertThat(summaries).anySatisfy((summary) -> assertThat(summary).containsOnlyKeys("id", "name", "links")
			.containsEntry("id", id));
		assertThat(this.alice.list("/volumes/detail", "volumes"))
			.anySatisfy((detail) -> assertThat(detail).containsEntry("id", id).containsEntry("size", 2));

		assertThat(this.alice.delete("/volumes/" + id).getStatusCode().value()).isEqualTo(202);
		assertThat(this.alice.get("/volumes/" + id).getStatusCode().value()).isEqualTo(404);
		assertThat(this.alice.list("/volumes", "volumes")).noneSatisfy((v) -> assertThat(v).containsEntry("id", id));
	}

	@Test
	void aProjectSeesOnlyItsOwnVolumesAndAdminsSeeAllWithAllTenants() {
		String id = (String) this.alice.createVolume(1).get("id");

		assertThat(this.bob.get("/volumes/" + id).getStatusCode().value()).isEqualTo(404);
		assertFault(this.bob.delete("/volumes/" + id), 404, "itemNotFound", "could not be found");
		assertFault(this.bob.post("/volumes/" + id + "/action", Map.of("os-extend", Map.of("new_size", 5))), 404,
				"itemNotFound", "could not be found");
		assertThat(this.bob.list("/volumes/detail", "volumes")).noneSatisfy((v) -> assertThat(v).containsEntry("id", id));
		assertThat(this.alice.volume(id)).containsEntry("size", 1).containsEntry("status", "available");

		assertThat(this.admin.list("/volumes/detail", "volumes"))
			.noneSatisfy((v) -> assertThat(v).containsEntry("id", id));
		assertThat(this.admin.list("/volumes/detail?all_tenants=1", "volumes"))
			.anySatisfy((v) -> assertThat(v).containsEntry("id", id)
				.containsEntry("os-vol-tenant-attr:tenant_id", "project-alice")
				.containsEntry("os-vol-host-attr:host", "volume-test-host@fake#fake"));
	}

	@Test
	void anotherProjectInTheUrlIsRefused() {
		String id = (String) this.alice.createVolume(1).get("id");

		assertFault(this.bob.get("/v3/project-alice/volumes/" + id), 400, "badRequest", "Malformed request url");
		assertFault(this.bob.get("/v3/project-alice/volumes"), 400, "badRequest", "project-bob");
		assertFault(this.bob.exchange(org.springframework.http.HttpMethod.DELETE, "/v3/project-alice/volumes/" + id,
				null), 400, "badRequest", "Malformed request url");
		assertThat(this.alice.volume(id)).containsEntry("status", "available");
	}

	@Test
	void readersCannotChangeAnything() {
		BlockStorageClient reader = new BlockStorageClient(this.http, "project-alice", "carol", "reader");
		String id = (String) this.alice.createVolume(1).get("id");

		assertFault(reader.post("/volumes", Map.of("volume", Map.of("size", 1))), 403, "forbidden", "volume:create");
		assertFault(reader.delete("/volumes/" + id), 403, "forbidden", "volume:delete");
		assertThat(reader.get("/volumes/" + id).getStatusCode().value()).isEqualTo(200);
	}

	@Test
	void missingSizeIsABadRequest() {
		assertFault(this.alice.post("/volumes", Map.of("volume", Map.of("name", "no size"))), 400, "badRequest",
				"'size' is required");
	}

	@ParameterizedTest
	@ValueSource(strings = { "-1", "0", "\"abc\"", "1.5", "true", "\"-3\"", "99999999999" })
	void aSizeThatIsNotAPositiveWholeNumberIsABadRequest(String size) {
		assertFault(this.alice.postRaw("/volumes", "{\"volume\": {\"size\": " + size + "}}", MediaType.APPLICATION_JSON),
				400, "badRequest", "'size' must be an integer greater than 0");
	}

	@Test
	void aSizeGivenAsDigitsIsAccepted() {
		ResponseEntity<Map<String, Object>> created = this.alice.postRaw("/volumes", "{\"volume\": {\"size\": \"3\"}}",
				MediaType.APPLICATION_JSON);
		assertThat(created.getStatusCode().value()).isEqualTo(202);
	}

	@ParameterizedTest
	@ValueSource(strings = { "{\"volume\": {\"size\": 1}", "not json", "[1, 2]", "{\"volume\": 3}", "{}", "" })
	void malformedBodiesAreBadRequests(String body) {
		ResponseEntity<Map<String, Object>> response = this.alice.postRaw("/volumes", body, MediaType.APPLICATION_JSON);
		assertThat(response.getStatusCode().value()).isEqualTo(400);
		assertThat(fault(response, "badRequest")).containsKey("message").containsEntry("code", 400);
	}

	@Test
	void aBodyThatIsNotJsonIsAnUnsupportedMediaType() {
		assertFault(this.alice.postRaw("/volumes", "size=1", MediaType.APPLICATION_FORM_URLENCODED), 415, "badMediaType",
				"application/json");
	}

	@Test
	void unsupportedCreationSourcesAreRefusedRatherThanIgnored() {
		assertFault(this.alice.post("/volumes", Map.of("volume", Map.of("size", 1, "imageRef", "no-such-image"))), 400,
				"badRequest", "Invalid image identifier or unable to access requested image.");
		assertFault(this.alice.post("/volumes", Map.of("volume", Map.of("size", 1, "backup_id", "x"))), 400,
				"badRequest", "Restoring a backup");
		assertFault(this.alice.post("/volumes", Map.of("volume", Map.of("size", 1, "name", "x".repeat(256)))), 400,
				"badRequest", "name has 256 characters, more than 255.");
		assertFault(this.alice.post("/volumes", Map.of("volume", Map.of("size", 1, "availability_zone", "mars"))), 400,
				"badRequest", "Availability zone 'mars' is invalid");
	}

	@Test
	void unknownIdsAreNotFound() {
		String unknown = UUID.randomUUID().toString();
		assertFault(this.alice.get("/volumes/" + unknown), 404, "itemNotFound", "Volume " + unknown + " could not be found");
		assertFault(this.alice.delete("/volumes/" + unknown), 404, "itemNotFound", "could not be found");
		assertFault(this.alice.post("/volumes/" + unknown + "/action", Map.of("os-extend", Map.of("new_size", 2))), 404,
				"itemNotFound", "could not be found");
		assertFault(this.alice.get("/snapshots/" + unknown), 404, "itemNotFound", "Snapshot " + unknown);
		assertFault(this.alice.get("/volumes/not-even-a-uuid"), 404, "itemNotFound", "could not be found");
	}

	@Test
	void extendThroughTheActionApi() {
		String id = (String) this.alice.createVolume(1).get("id");

		assertThat(this.alice.post("/volumes/" + id + "/action", Map.of("os-extend", Map.of("new_size", 3)))
			.getStatusCode()
			.value()).isEqualTo(202);
		assertThat(this.alice.volume(id)).containsEntry("size", 3).containsEntry("status", "available");

		assertFault(this.alice.post("/volumes/" + id + "/action", Map.of("os-extend", Map.of("new_size", 2))), 400,
				"badRequest", "New size for extend must be greater than current size");
		assertFault(this.alice.post("/volumes/" + id + "/action", Map.of("os-extend", Map.of())), 400, "badRequest",
				"new_size");
		assertFault(this.alice.post("/volumes/" + id + "/action", Map.of("os-extend", Map.of("new_size", "big"))), 400,
				"badRequest", "'new_size' must be an integer");
		assertThat(this.alice.volume(id)).containsEntry("size", 3);
	}

	@Test
	void unknownOrAmbiguousActionsAreBadRequests() {
		String id = (String) this.alice.createVolume(1).get("id");

		assertFault(this.alice.post("/volumes/" + id + "/action", Map.of("os-frobnicate", Map.of())), 400, "badRequest",
				"There is no such action: os-frobnicate");
		assertFault(this.alice.post("/volumes/" + id + "/action",
				Map.of("os-reserve", Map.of(), "os-unreserve", Map.of())), 400, "badRequest", "exactly one action");
		assertFault(this.alice.postRaw("/volumes/" + id + "/action", "{\"os-extend\":", MediaType.APPLICATION_JSON), 400,
				"badRequest", "Malformed request body");
	}

	@Test
	@SuppressWarnings("unchecked")
	void attachBookkeepingRefusesIllegalTransitionsWithA400() {
		String id = (String) this.alice.createVolume(1).get("id");
		String action = "/volumes/" + id + "/action";
		String server = UUID.randomUUID().toString();

		assertThat(this.alice.post(action, Map.of("os-reserve", Map.of())).getStatusCode().value()).isEqualTo(202);
		ResponseEntity<Map<String, Object>> connection = this.alice.post(action,
				Map.of("os-initialize_connection", Map.of("connector", Map.of("host", "compute-1"))));
		assertThat(connection.getStatusCode().value()).isEqualTo(200);
		assertThat((Map<String, Object>) connection.getBody().get("connection_info"))
			.containsEntry("driver_volume_type", "fake");
		assertThat(this.alice
			.post(action, Map.of("os-attach", Map.of("instance_uuid", server, "mountpoint", "/dev/vdb")))
			.getStatusCode()
			.value()).isEqualTo(202);
		Map<String, Object> volume = this.alice.volume(id);
		assertThat(volume).containsEntry("status", "in-use");
		assertThat((List<Map<String, Object>>) volume.get("attachments")).singleElement()
			.satisfies((attachment) -> assertThat(attachment).containsEntry("server_id", server)
				.containsEntry("device", "/dev/vdb")
				.containsEntry("volume_id", id));

		assertFault(this.alice.post(action, Map.of("os-attach", Map.of("instance_uuid", server, "mountpoint", "/dev/vdc"))),
				400, "badRequest", "cannot attach volume " + id + " in status 'in-use'");
		assertFault(this.alice.delete("/volumes/" + id), 400, "badRequest", "cannot delete volume " + id + " in status 'in-use'");
		assertFault(this.alice.post(action, Map.of("os-extend", Map.of("new_size", 4))), 400, "badRequest",
				"cannot extend");
		assertThat(this.alice.volume(id)).containsEntry("status", "in-use").containsEntry("size", 1);

		assertThat(this.alice.post(action, Map.of("os-begin_detaching", Map.of())).getStatusCode().value()).isEqualTo(202);
		assertThat(this.alice.post(action, Map.of("os-detach", Map.of())).getStatusCode().value()).isEqualTo(202);
		assertThat(this.alice.volume(id)).containsEntry("status", "available").containsEntry("attachments", List.of());
	}

	@Test
	@SuppressWarnings("unchecked")
	void snapshotsCreateListShowDeleteAndSeedAVolume() {
		String volumeId = (String) this.alice.createVolume(2).get("id");

		ResponseEntity<Map<String, Object>> created = this.alice.post("/snapshots",
				Map.of("snapshot", Map.of("volume_id", volumeId, "name", "snap-1")));
		assertThat(created.getStatusCode().value()).isEqualTo(202);
		Map<String, Object> snapshot = (Map<String, Object>) created.getBody().get("snapshot");
		String id = (String) snapshot.get("id");
		assertThat(snapshot).containsEntry("status", "available")
			.containsEntry("size", 2)
			.containsEntry("volume_id", volumeId)
			.containsEntry("name", "snap-1")
			.containsKeys("created_at", "description", "metadata");

		assertThat(this.alice.list("/snapshots", "snapshots")).anySatisfy((s) -> assertThat(s).containsEntry("id", id));
		assertThat(this.alice.list("/snapshots/detail", "snapshots"))
			.anySatisfy((s) -> assertThat(s).containsEntry("id", id));
		assertThat(this.bob.list("/snapshots/detail", "snapshots")).noneSatisfy((s) -> assertThat(s).containsEntry("id", id));
		assertThat(this.bob.get("/snapshots/" + id).getStatusCode().value()).isEqualTo(404);
		assertThat(this.alice.get("/snapshots/" + id).getBody()).containsKey("snapshot");

		ResponseEntity<Map<String, Object>> fromSnapshot = this.alice.post("/volumes",
				Map.of("volume", Map.of("snapshot_id", id)));
		assertThat(fromSnapshot.getStatusCode().value()).isEqualTo(202);
		assertThat((Map<String, Object>) fromSnapshot.getBody().get("volume")).containsEntry("size", 2)
			.containsEntry("snapshot_id", id)
			.containsEntry("status", "available");

		assertFault(this.alice.delete("/volumes/" + volumeId), 400, "badRequest", "dependent snapshot");
		assertFault(this.alice.post("/snapshots", Map.of("snapshot", Map.of("name", "x"))), 400, "badRequest",
				"'volume_id' is a required property");
		assertFault(this.bob.post("/snapshots", Map.of("snapshot", Map.of("volume_id", volumeId))), 404, "itemNotFound",
				"could not be found");

		assertThat(this.alice.delete("/snapshots/" + id).getStatusCode().value()).isEqualTo(202);
		assertThat(this.alice.get("/snapshots/" + id).getStatusCode().value()).isEqualTo(404);
		assertThat(this.alice.delete("/volumes/" + volumeId).getStatusCode().value()).isEqualTo(202);
	}

	@Test
	@SuppressWarnings("unchecked")
	void listsArePagedWithLimitAndMarker() {
		BlockStorageClient pager = new BlockStorageClient(this.http, "project-pages", "pat", "member");
		for (int i = 0; i < 5; i++) {
			pager.createVolume(1);
		}
		List<String> all = pager.list("/volumes", "volumes").stream().map((v) -> (String) v.get("id")).toList();
		assertThat(all).hasSize(5);

		ResponseEntity<Map<String, Object>> first = pager.get("/volumes/detail?limit=2");
		assertThat((List<Map<String, Object>>) first.getBody().get("volumes")).extracting((v) -> v.get("id"))
			.containsExactly(all.get(0), all.get(1));
		Map<String, Object> next = ((List<Map<String, Object>>) first.getBody().get("volumes_links")).get(0);
		assertThat(next).containsEntry("rel", "next");
		assertThat((String) next.get("href")).contains("limit=2").contains("marker=" + all.get(1));

		ResponseEntity<Map<String, Object>> last = pager.get("/volumes?limit=2&marker=" + all.get(3));
		assertThat((List<Map<String, Object>>) last.getBody().get("volumes")).extracting((v) -> v.get("id"))
			.containsExactly(all.get(4));
		assertThat(last.getBody()).doesNotContainKey("volumes_links");

		assertFault(pager.get("/volumes?limit=-1"), 400, "badRequest", "limit param must be positive");
		assertFault(pager.get("/volumes?limit=abc"), 400, "badRequest", "limit param must be an integer");
		assertFault(pager.get("/snapshots?limit=1.5"), 400, "badRequest", "limit param must be an integer");
		String unknown = UUID.randomUUID().toString();
		assertFault(pager.get("/volumes?marker=" + unknown), 404, "itemNotFound",
				"Volume " + unknown + " could not be found.");
		assertFault(pager.get("/volumes?marker=not-a-uuid"), 404, "itemNotFound", "Volume not-a-uuid could not be found.");
		assertFault(pager.get("/snapshots/detail?marker=" + unknown), 404, "itemNotFound",
				"Snapshot " + unknown + " could not be found.");
	}

	@Test
	void everyStoredStringIsCheckedAgainstItsColumnNamingTheFieldAndNothingIsStored() {
		BlockStorageClient carol = new BlockStorageClient(this.http, "project-carol", "carol", "member");
		String volumeId = (String) carol.createVolume(1).get("id");
		String tooLong = "x".repeat(256);
		Map<String, Object> volumeFields = Map.of("name", tooLong, "display_name", tooLong, "description", tooLong,
				"display_description", tooLong, "availability_zone", tooLong);
		volumeFields.forEach((field, value) -> assertFault(
				carol.post("/volumes", Map.of("volume", Map.of("size", 1, field, value))), 400, "badRequest",
				field + " has 256 characters, more than 255."));
		assertFault(carol.post("/volumes", Map.of("volume", Map.of("size", 1, "name", 42))), 400, "badRequest",
				"'name' must be a string, not 42.");
		assertFault(carol.post("/volumes", Map.of("volume", Map.of("size", 1, "availability_zone", ""))), 400,
				"badRequest", "availability_zone has 0 characters, less than 1.");
		assertFault(carol.post("/volumes", Map.of("volume", Map.of("size", 1, "snapshot_id", "snap-1"))), 400,
				"badRequest", "Invalid input for field/attribute snapshot_id. Value: snap-1. 'snap-1' is not a 'uuid'");

		Map<String, Object> snapshotFields = Map.of("name", tooLong, "display_name", tooLong, "description", tooLong,
				"display_description", tooLong);
		snapshotFields.forEach((field, value) -> assertFault(
				carol.post("/snapshots", Map.of("snapshot", Map.of("volume_id", volumeId, field, value))), 400,
				"badRequest", field + " has 256 characters, more than 255."));
		assertFault(carol.post("/snapshots", Map.of("snapshot", Map.of("volume_id", "v".repeat(100_000)))), 400,
				"badRequest", "Invalid input for field/attribute volume_id.");
		assertFault(carol.post("/snapshots", Map.of("snapshot", Map.of("volume_id", 7))), 400, "badRequest",
				"field/attribute volume_id");

		String action = "/volumes/" + volumeId + "/action";
		String server = UUID.randomUUID().toString();
		assertFault(carol.post(action, Map.of("os-attach", Map.of("instance_uuid", "server-1", "mountpoint", "/dev/vdb"))),
				400, "badRequest", "field/attribute instance_uuid");
		assertFault(carol.post(action, Map.of("os-attach", Map.of("instance_uuid", server, "mountpoint", tooLong))), 400,
				"badRequest", "mountpoint has 256 characters, more than 255.");
		assertFault(carol.post(action,
				Map.of("os-attach", Map.of("instance_uuid", server, "mountpoint", "/dev/vdb", "host_name", tooLong))),
				400, "badRequest", "host_name has 256 characters, more than 255.");

		assertThat(carol.list("/volumes", "volumes")).singleElement()
			.satisfies((volume) -> assertThat(volume).containsEntry("id", volumeId));
		assertThat(carol.volume(volumeId)).containsEntry("status", "available").containsEntry("attachments", List.of());
		assertThat(carol.list("/snapshots", "snapshots")).isEmpty();
	}

	@Test
	void malformedIdsInPathsAreNotFoundWithoutALookup() {
		String huge = "v".repeat(2000);
		assertFault(this.alice.get("/volumes/" + huge), 404, "itemNotFound", "characters) could not be found.");
		assertFault(this.alice.delete("/volumes/volume-1"), 404, "itemNotFound", "Volume volume-1 could not be found.");
		assertFault(this.alice.post("/volumes/volume-1/action", Map.of("os-extend", Map.of("new_size", 2))), 404,
				"itemNotFound", "Volume volume-1 could not be found.");
		assertFault(this.alice.get("/snapshots/snap-1"), 404, "itemNotFound", "Snapshot snap-1 could not be found.");
		assertFault(this.alice.delete("/snapshots/snap-1"), 404, "itemNotFound", "Snapshot snap-1 could not be found.");
	}

	@Test
	void aValueTheDatabaseStillRefusesIsABadRequestNotAServerError() {
		ResponseEntity<Map<String, OpenStackFaults.Fault>> answer = new VolumeApiFaults()
			.refusedByDatabase(new DataIntegrityViolationException("value too long for type character varying(255)"));
		assertThat(answer.getStatusCode().value()).isEqualTo(400);
		assertThat(answer.getBody().get("badRequest").message()).startsWith("Invalid input received:")
			.doesNotContain("varying");
	}

	@Test
	@SuppressWarnings("unchecked")
	void versionDocumentsAtTheRootAndAtV3() {
		ResponseEntity<Map<String, Object>> root = this.alice.get("/");
		assertThat(root.getStatusCode().value()).isEqualTo(300);
		ResponseEntity<Map<String, Object>> v3 = this.alice.get("/v3");
		assertThat(v3.getStatusCode().value()).isEqualTo(200);
		Map<String, Object> version = ((List<Map<String, Object>>) v3.getBody().get("versions")).get(0);
		assertThat(version).containsEntry("id", "v3.0")
			.containsEntry("status", "CURRENT")
			.containsEntry("version", "3.3")
			.containsEntry("min_version", "3.0")
			.containsKeys("links", "media-types", "updated");
	}

	static void assertFault(ResponseEntity<Map<String, Object>> response, int status, String name, String message) {
		assertThat(response.getStatusCode().value()).as("status of %s", response.getBody()).isEqualTo(status);
		assertThat(fault(response, name)).containsEntry("code", status);
		assertThat((String) fault(response, name).get("message")).contains(message);
	}

	@SuppressWarnings("unchecked")
	static Map<String, Object> fault(ResponseEntity<Map<String, Object>> response, String name) {
		assertThat(response.getBody()).as("fault body").containsOnlyKeys(name);
		return (Map<String, Object>) response.getBody().get(name);
	}

}
