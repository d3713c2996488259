package dev.novaboot.volume.api;

import java.util.HashMap;
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
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import static dev.novaboot.volume.api.BlockStorageApiTests.assertFault;
import static dev.novaboot.volume.api.CinderShapesTests.SNAPSHOT_KEYS;
import static dev.novaboot.volume.api.CinderShapesTests.VOLUME_KEYS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.InstanceOfAssertFactories.MAP;

/**
 * What a user changes of a volume or snapshot besides its storage, as Cinder's API does
 * it: metadata at create and through {@code /metadata} (its schemas' limits), the update
 * of name, description and metadata, clones ({@code source_volid}), the bootable and
 * read-only flags, a cascading delete and an unknown volume type, with Cinder's status
 * codes for bad input and for other projects and readers, at 3.0 and at the newest
 * microversion.
 */
@VolumeAppTest
class VolumeChangesTests {

	@Autowired
	TestRestTemplate http;

	BlockStorageClient member;

	BlockStorageClient stranger;

	BlockStorageClient reader;

	@BeforeEach
	void clients() {
		String project = "project-" + UUID.randomUUID();
		this.member = new BlockStorageClient(this.http, project, "max", "member");
		this.reader = new BlockStorageClient(this.http, project, "rita", "reader");
		this.stranger = new BlockStorageClient(this.http, "project-" + UUID.randomUUID(), "sid", "member");
	}

	@ParameterizedTest
	@ValueSource(strings = { "3.0", "latest" })
	void metadataGivenAtCreateIsShownAndServedByTheMetadataApi(String version) {
		BlockStorageClient member = this.member.atVersion(version);
		Map<String, Object> volume = created(member.post("/volumes",
				Map.of("volume", Map.of("size", 1, "metadata", Map.of("tier", "gold", "owner/team", "db")))));
		String id = (String) volume.get("id");

		assertThat(volume).containsEntry("metadata", Map.of("tier", "gold", "owner/team", "db"));
		assertThat(member.get("/volumes/" + id + "/metadata").getBody())
			.isEqualTo(Map.of("metadata", Map.of("tier", "gold", "owner/team", "db")));
		assertThat(member.get("/volumes/" + id + "/metadata/tier").getBody()).isEqualTo(Map.of("meta", Map.of("tier", "gold")));
	}

	@ParameterizedTest
	@ValueSource(strings = { "{\"bad key!\": \"x\"}", "{\"\": \"x\"}", "{\"k\": 1}", "{\"k\": null}", "{\"k\": [\"x\"]}",
			"[\"k\"]", "\"k=v\"", "{\"k\": \"256\"}" })
	void metadataThatCindersSchemaRefusesIsABadRequestAndCreatesNothing(String metadata) {
		String body = "{\"volume\": {\"size\": 1, \"metadata\": " + metadata.replace("\"256\"", "\"" + "x".repeat(256) + "\"")
				+ "}}";

		assertFault(this.member.postRaw("/volumes", body, MediaType.APPLICATION_JSON), 400,
				"badRequest", "Invalid input for field/attribute");
		assertThat(this.member.list("/volumes", "volumes")).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "3.0", "latest" })
	@SuppressWarnings("unchecked")
	void theMetadataApiMergesReplacesSetsAndDeletesKeys(String version) {
		BlockStorageClient member = this.member.atVersion(version);
		String id = (String) member.createVolume(1).get("id");
		String metadata = "/volumes/" + id + "/metadata";

		ResponseEntity<Map<String, Object>> merged = member.post(metadata, Map.of("metadata", Map.of("a", "1", "b", "2")));
		assertThat(merged.getStatusCode().value()).isEqualTo(200);
		assertThat(merged.getBody()).isEqualTo(Map.of("metadata", Map.of("a", "1", "b", "2")));
		assertThat(member.post(metadata, Map.of("metadata", Map.of("b", "3", "c", "4"))).getBody())
			.isEqualTo(Map.of("metadata", Map.of("a", "1", "b", "3", "c", "4")));

		ResponseEntity<Map<String, Object>> replaced = member.exchange(HttpMethod.PUT, metadata,
				Map.of("metadata", Map.of("z", "9")));
		assertThat(replaced.getStatusCode().value()).isEqualTo(200);
		assertThat(replaced.getBody()).isEqualTo(Map.of("metadata", Map.of("z", "9")));

		ResponseEntity<Map<String, Object>> one = member.exchange(HttpMethod.PUT, metadata + "/y", Map.of("meta", Map.of("y", "8")));
		assertThat(one.getStatusCode().value()).isEqualTo(200);
		assertThat(one.getBody()).isEqualTo(Map.of("meta", Map.of("y", "8")));
		assertThat(member.volume(id).get("metadata")).isEqualTo(Map.of("y", "8", "z", "9"));

		assertThat(member.delete(metadata + "/z").getStatusCode().value()).isEqualTo(200);
		assertThat((Map<String, Object>) member.get(metadata).getBody().get("metadata")).isEqualTo(Map.of("y", "8"));
		assertFault(member.delete(metadata + "/z"), 404, "itemNotFound", "Volume " + id + " has no metadata with key z.");
		assertFault(member.get(metadata + "/z"), 404, "itemNotFound", "has no metadata with key z.");
	}

	@Test
	void theMetadataApiRefusesWhatCindersSchemaRefuses() {
		String id = (String) this.member.createVolume(1).get("id");
		String metadata = "/volumes/" + id + "/metadata";
		this.member.post(metadata, Map.of("metadata", Map.of("keep", "me")));

		assertFault(this.member.exchange(HttpMethod.PUT, metadata + "/a", Map.of("meta", Map.of("b", "1"))), 400,
				"badRequest", "Request body and URI mismatch");
		assertFault(this.member.exchange(HttpMethod.PUT, metadata + "/a", Map.of("meta", Map.of("a", "1", "b", "2"))),
				400, "badRequest", "has too many properties");
		assertFault(this.member.exchange(HttpMethod.PUT, metadata + "/a", Map.of("meta", Map.of())), 400, "badRequest",
				"does not have enough properties");
		assertFault(this.member.exchange(HttpMethod.PUT, metadata + "/a", Map.of("metadata", Map.of("a", "1"))), 400,
				"badRequest", "'meta' is a required property");
		assertFault(this.member.post(metadata, Map.of("meta", Map.of("a", "1"))), 400, "badRequest",
				"'metadata' is a required property");
		assertFault(this.member.post(metadata, Map.of("metadata", Map.of("a", "1"), "extra", 1)), 400, "badRequest",
				"'extra' was unexpected");
		assertFault(this.member.exchange(HttpMethod.PUT, metadata, Map.of("metadata", Map.of("a", "x".repeat(256)))), 400,
				"badRequest", "is too long");
		assertThat(this.member.volume(id).get("metadata")).isEqualTo(Map.of("keep", "me"));
	}

	@Test
	void anotherProjectsVolumeMetadataIsNotFoundAndReadersCannotChangeIt() {
		String id = (String) this.member.createVolume(1).get("id");
		String metadata = "/volumes/" + id + "/metadata";
		this.member.post(metadata, Map.of("metadata", Map.of("keep", "me")));

		assertFault(this.stranger.get("/v3/" + this.stranger.project() + metadata), 404, "itemNotFound",
				"could not be found");
		assertFault(this.stranger.post(metadata, Map.of("metadata", Map.of("a", "1"))), 404, "itemNotFound",
				"could not be found");
		assertFault(this.stranger.delete(metadata + "/keep"), 404, "itemNotFound", "could not be found");
		assertFault(this.reader.post(metadata, Map.of("metadata", Map.of("a", "1"))), 403, "forbidden",
				"volume:create_volume_metadata");
		assertFault(this.reader.delete(metadata + "/keep"), 403, "forbidden", "volume:delete_volume_metadata");
		assertThat(this.reader.get(metadata).getBody()).isEqualTo(Map.of("metadata", Map.of("keep", "me")));
		assertThat(this.member.volume(id).get("metadata")).isEqualTo(Map.of("keep", "me"));
	}

	@ParameterizedTest
	@ValueSource(strings = { "3.0", "latest" })
	@SuppressWarnings("unchecked")
	void anUpdateChangesNameDescriptionAndMetadata(String version) {
		BlockStorageClient member = this.member.atVersion(version);
		String id = (String) created(member.post("/volumes", Map.of("volume",
				Map.of("size", 1, "name", "old", "description", "d", "metadata", Map.of("a", "1"))))).get("id");

		ResponseEntity<Map<String, Object>> updated = member.exchange(HttpMethod.PUT, "/volumes/" + id,
				Map.of("volume", Map.of("name", "new", "metadata", Map.of("b", "2"))));
		assertThat(updated.getStatusCode().value()).isEqualTo(200);
		assertThat((Map<String, Object>) updated.getBody().get("volume")).containsOnlyKeys(VOLUME_KEYS)
			.containsEntry("name", "new")
			.containsEntry("description", "d")
			.containsEntry("metadata", Map.of("b", "2"));

		Map<String, Object> cleared = new HashMap<>();
		cleared.put("display_description", null);
		member.exchange(HttpMethod.PUT, "/volumes/" + id, Map.of("volume", cleared));
		assertThat(member.volume(id)).containsEntry("name", "new").containsEntry("description", null);
	}

	@Test
	void anUpdateRefusesOtherFieldsAndOtherProjectsAndReaders() {
		String id = (String) this.member.createVolume(1).get("id");

		assertFault(this.member.exchange(HttpMethod.PUT, "/volumes/" + id, Map.of("volume", Map.of("size", 5))), 400,
				"badRequest", "'size' was unexpected");
		assertFault(this.member.exchange(HttpMethod.PUT, "/volumes/" + id, Map.of("volume", Map.of("name", 5))), 400,
				"badRequest", "'name' must be a string");
		assertFault(this.member.exchange(HttpMethod.PUT, "/volumes/" + id, Map.of("name", "x")), 400, "badRequest",
				"'name' was unexpected");
		assertFault(this.stranger.exchange(HttpMethod.PUT, "/volumes/" + id, Map.of("volume", Map.of("name", "x"))), 404,
				"itemNotFound", "could not be found");
		assertFault(this.reader.exchange(HttpMethod.PUT, "/volumes/" + id, Map.of("volume", Map.of("name", "x"))), 403,
				"forbidden", "volume:update");
		assertThat(this.member.volume(id)).containsEntry("size", 1).containsEntry("name", null);
	}

	@ParameterizedTest
	@ValueSource(strings = { "3.0", "latest" })
	void aVolumeIsClonedFromAnotherOfAtLeastItsSize(String version) {
		BlockStorageClient member = this.member.atVersion(version);
		String source = (String) member.createVolume(2).get("id");

		Map<String, Object> clone = created(member.post("/volumes", Map.of("volume", Map.of("source_volid", source))));
		assertThat(clone).containsEntry("source_volid", source)
			.containsEntry("size", 2)
			.containsEntry("status", "available")
			.containsEntry("snapshot_id", null);

		assertFault(member.post("/volumes", Map.of("volume", Map.of("source_volid", source, "size", 1))), 400,
				"badRequest", "smaller than the source volume's 2 GiB");
		assertFault(member.post("/volumes", Map.of("volume", Map.of("source_volid", "vol-1"))), 400, "badRequest",
				"'vol-1' is not a 'uuid'");
		assertFault(this.stranger.post("/volumes", Map.of("volume", Map.of("source_volid", source, "size", 2))), 404,
				"itemNotFound", "Volume " + source + " could not be found.");
		String snapshot = (String) created(member.post("/snapshots", Map.of("snapshot", Map.of("volume_id", source))))
			.get("id");
		assertFault(member.post("/volumes", Map.of("volume", Map.of("source_volid", source, "snapshot_id", snapshot))),
				400, "badRequest", "at most one source");
		assertThat(member.list("/volumes", "volumes")).hasSize(2);
	}

	@ParameterizedTest
	@ValueSource(strings = { "3.0", "latest" })
	void osSetBootableMarksTheVolumeAndTheFilterFindsIt(String version) {
		BlockStorageClient member = this.member.atVersion(version);
		String id = (String) member.createVolume(1).get("id");
		String action = "/volumes/" + id + "/action";

		assertThat(member.post(action, Map.of("os-set_bootable", Map.of("bootable", true))).getStatusCode().value())
			.isEqualTo(200);
		assertThat(member.volume(id)).containsEntry("bootable", "true");
		assertThat(member.list("/volumes?bootable=true", "volumes")).extracting((v) -> v.get("id")).containsExactly(id);
		assertThat(member.post(action, Map.of("os-set_bootable", Map.of("bootable", "False"))).getStatusCode().value())
			.isEqualTo(200);
		assertThat(member.volume(id)).containsEntry("bootable", "false");

		assertFault(member.post(action, Map.of("os-set_bootable", Map.of("bootable", "maybe"))), 400, "badRequest",
				"is not one of");
		assertFault(member.post(action, Map.of("os-set_bootable", Map.of())), 400, "badRequest",
				"'bootable' is a required property");
		assertFault(member.post(action, Map.of("os-set_bootable", Map.of("bootable", true, "x", 1))), 400, "badRequest",
				"'x' was unexpected");
		assertFault(this.stranger.post(action, Map.of("os-set_bootable", Map.of("bootable", true))), 404,
				"itemNotFound", "could not be found");
		assertFault(this.reader.post(action, Map.of("os-set_bootable", Map.of("bootable", true))), 403, "forbidden",
				"volume:os-set_bootable");
		assertThat(member.volume(id)).containsEntry("bootable", "false");
	}

	@ParameterizedTest
	@ValueSource(strings = { "3.0", "latest" })
	void osUpdateReadonlyFlagShowsInTheMetadataOfAnAvailableVolume(String version) {
		BlockStorageClient member = this.member.atVersion(version);
		String id = (String) member.createVolume(1).get("id");
		String action = "/volumes/" + id + "/action";

		assertThat(member.post(action, Map.of("os-update_readonly_flag", Map.of("readonly", true))).getStatusCode().value())
			.isEqualTo(202);
		assertThat(member.volume(id)).containsEntry("metadata", Map.of("readonly", "True"));
		assertThat(member.get("/volumes/" + id + "/metadata").getBody()).isEqualTo(Map.of("metadata", Map.of()));
		member.post(action, Map.of("os-update_readonly_flag", Map.of("readonly", "0")));
		assertThat(member.volume(id)).containsEntry("metadata", Map.of("readonly", "False"));

		member.post(action, Map.of("os-reserve", Map.of()));
		assertFault(member.post(action, Map.of("os-update_readonly_flag", Map.of("readonly", true))), 400, "badRequest",
				"status must be available to update readonly flag, but current status is: attaching.");
		assertFault(member.post(action, Map.of("os-update_readonly_flag", Map.of("readonly", 3))), 400, "badRequest",
				"is not one of");
		assertThat(member.volume(id)).containsEntry("metadata", Map.of("readonly", "False"));
	}

	@ParameterizedTest
	@ValueSource(strings = { "3.0", "latest" })
	void aCascadingDeleteRemovesTheSnapshotsFirst(String version) {
		BlockStorageClient member = this.member.atVersion(version);
		String id = (String) member.createVolume(1).get("id");
		member.post("/snapshots", Map.of("snapshot", Map.of("volume_id", id)));
		member.post("/snapshots", Map.of("snapshot", Map.of("volume_id", id)));

		assertFault(member.delete("/volumes/" + id), 400, "badRequest", "dependent snapshot");
		assertFault(member.delete("/volumes/" + id + "?cascade=maybe"), 400, "badRequest",
				"Value 'maybe' for 'cascade' is not a boolean.");
		assertFault(this.stranger.delete("/volumes/" + id + "?cascade=true"), 404, "itemNotFound", "could not be found");
		assertThat(member.list("/snapshots", "snapshots")).hasSize(2);

		assertThat(member.delete("/volumes/" + id + "?cascade=true").getStatusCode().value()).isEqualTo(202);
		assertThat(member.list("/snapshots", "snapshots")).isEmpty();
		assertThat(member.get("/volumes/" + id).getStatusCode().value()).isEqualTo(404);
	}

	@Test
	void aCascadingDeleteOfAVolumeInUseDeletesNothing() {
		String id = (String) this.member.createVolume(1).get("id");
		this.member.post("/snapshots", Map.of("snapshot", Map.of("volume_id", id)));
		this.member.post("/volumes/" + id + "/action", Map.of("os-reserve", Map.of()));

		assertFault(this.member.delete("/volumes/" + id + "?cascade=true"), 400, "badRequest",
				"cannot delete volume " + id + " in status 'attaching'");
		assertThat(this.member.list("/snapshots", "snapshots")).hasSize(1);
	}

	@ParameterizedTest
	@ValueSource(strings = { "3.0", "latest" })
	void anUnknownVolumeTypeIsNotFoundAndNothingIsCreated(String version) {
		BlockStorageClient member = this.member.atVersion(version);

		assertThat(created(member.post("/volumes", Map.of("volume", Map.of("size", 1, "volume_type", "__DEFAULT__")))))
			.containsEntry("volume_type", "__DEFAULT__");
		assertFault(member.post("/volumes", Map.of("volume", Map.of("size", 1, "volume_type", "gold"))), 404,
				"itemNotFound", "Volume type with name gold could not be found.");
		String unknown = UUID.randomUUID().toString();
		assertFault(member.post("/volumes", Map.of("volume", Map.of("size", 1, "volume_type", unknown))), 404,
				"itemNotFound", "Volume type " + unknown + " could not be found.");
		assertThat(member.list("/volumes", "volumes")).hasSize(1);
	}

	@ParameterizedTest
	@ValueSource(strings = { "3.0", "latest" })
	@SuppressWarnings("unchecked")
	void snapshotsHaveMetadataAndAnUpdate(String version) {
		BlockStorageClient member = this.member.atVersion(version);
		String volumeId = (String) member.createVolume(1).get("id");
		Map<String, Object> snapshot = created(member.post("/snapshots",
				Map.of("snapshot", Map.of("volume_id", volumeId, "metadata", Map.of("why", "backup")))));
		String id = (String) snapshot.get("id");
		assertThat(snapshot).containsOnlyKeys(SNAPSHOT_KEYS).containsEntry("metadata", Map.of("why", "backup"));

		ResponseEntity<Map<String, Object>> updated = member.exchange(HttpMethod.PUT, "/snapshots/" + id,
				Map.of("snapshot", Map.of("name", "nightly", "display_description", "before upgrade")));
		assertThat(updated.getStatusCode().value()).isEqualTo(200);
		assertThat((Map<String, Object>) updated.getBody().get("snapshot")).containsOnlyKeys(SNAPSHOT_KEYS)
			.containsEntry("name", "nightly")
			.containsEntry("description", "before upgrade")
			.containsEntry("metadata", Map.of("why", "backup"));

		String metadata = "/snapshots/" + id + "/metadata";
		assertThat(member.post(metadata, Map.of("metadata", Map.of("keep", "7"))).getBody())
			.isEqualTo(Map.of("metadata", Map.of("why", "backup", "keep", "7")));
		assertThat(member.exchange(HttpMethod.PUT, metadata + "/keep", Map.of("meta", Map.of("keep", "8"))).getBody())
			.isEqualTo(Map.of("meta", Map.of("keep", "8")));
		assertThat(member.delete(metadata + "/why").getStatusCode().value()).isEqualTo(200);
		assertThat(member.get(metadata + "/keep").getBody()).isEqualTo(Map.of("meta", Map.of("keep", "8")));
		assertThat(member.exchange(HttpMethod.PUT, metadata, Map.of("metadata", Map.of())).getBody())
			.isEqualTo(Map.of("metadata", Map.of()));
		assertFault(member.get(metadata + "/why"), 404, "itemNotFound", "Snapshot " + id + " has no metadata with key why.");
	}

	@Test
	void aSnapshotUpdateAndItsMetadataRefuseWhatCindersSchemasRefuse() {
		String volumeId = (String) this.member.createVolume(1).get("id");
		String id = (String) created(this.member.post("/snapshots", Map.of("snapshot", Map.of("volume_id", volumeId))))
			.get("id");

		assertFault(this.member.exchange(HttpMethod.PUT, "/snapshots/" + id, Map.of("snapshot", Map.of())), 400,
				"badRequest", "is not valid under any of the given schemas");
		assertFault(this.member.exchange(HttpMethod.PUT, "/snapshots/" + id, Map.of("snapshot", Map.of("size", 3))), 400,
				"badRequest", "'size' was unexpected");
		assertFault(this.member.post("/snapshots/" + id + "/metadata", Map.of("metadata", Map.of("a/b", "1"))), 400,
				"badRequest", "'a/b' was unexpected");
		assertFault(this.stranger.exchange(HttpMethod.PUT, "/snapshots/" + id, Map.of("snapshot", Map.of("name", "x"))),
				404, "itemNotFound", "could not be found");
		assertFault(this.stranger.get("/snapshots/" + id + "/metadata"), 404, "itemNotFound", "could not be found");
		assertFault(this.reader.exchange(HttpMethod.PUT, "/snapshots/" + id, Map.of("snapshot", Map.of("name", "x"))),
				403, "forbidden", "volume:update_snapshot");
		assertFault(this.reader.post("/snapshots/" + id + "/metadata", Map.of("metadata", Map.of("a", "1"))), 403,
				"forbidden", "volume:create_snapshot_metadata");
		assertThat(this.member.get("/snapshots/" + id).getBody().get("snapshot")).asInstanceOf(MAP)
			.containsEntry("name", null)
			.containsEntry("metadata", Map.of());
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> created(ResponseEntity<Map<String, Object>> answer) {
		assertThat(answer.getStatusCode().value()).as("%s", answer.getBody()).isEqualTo(202);
		Map<String, Object> body = answer.getBody();
		return (Map<String, Object>) (body.containsKey("volume") ? body.get("volume") : body.get("snapshot"));
	}

}
