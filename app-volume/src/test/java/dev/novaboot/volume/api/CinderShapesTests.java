package dev.novaboot.volume.api;

import java.util.Arrays;
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
import org.springframework.http.ResponseEntity;

import static dev.novaboot.volume.api.BlockStorageApiTests.assertFault;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The keys of Cinder's volume and snapshot views (cinder/api/v3/views/volumes.py,
 * cinder/api/views/snapshots.py and the extensions that add to show and detail) and its
 * status codes for what a list and a snapshot create get wrong, at 3.0 and at the newest
 * microversion served: a client that validates Cinder's schemas finds no key too many or
 * too few.
 */
@VolumeAppTest
class CinderShapesTests {

	static final String[] VOLUME_KEYS = { "id", "status", "size", "availability_zone", "created_at", "updated_at",
			"name", "description", "volume_type", "snapshot_id", "source_volid", "metadata", "links", "user_id",
			"bootable", "encrypted", "replication_status", "consistencygroup_id", "multiattach", "attachments" };

	static final String[] SNAPSHOT_KEYS = { "id", "created_at", "updated_at", "name", "description", "volume_id",
			"status", "size", "metadata" };

	@Autowired
	TestRestTemplate http;

	BlockStorageClient member;

	BlockStorageClient admin;

	@BeforeEach
	void clients() {
		String project = "project-" + UUID.randomUUID();
		this.member = new BlockStorageClient(this.http, project, "dora", "member");
		this.admin = new BlockStorageClient(this.http, "admin", "admin", "admin");
	}

	@ParameterizedTest
	@ValueSource(strings = { "3.0", "latest" })
	@SuppressWarnings("unchecked")
	void aVolumeHasCindersKeysAndNoStatusReason(String version) {
		BlockStorageClient member = this.member.atVersion(version);
		BlockStorageClient admin = this.admin.atVersion(version);
		Map<String, Object> created = (Map<String, Object>) member
			.post("/volumes", Map.of("volume", Map.of("size", 1, "name", "shape")))
			.getBody()
			.get("volume");
		String id = (String) created.get("id");

		assertThat(created).containsOnlyKeys(VOLUME_KEYS)
			.containsEntry("replication_status", "disabled")
			.containsEntry("volume_type", "__DEFAULT__")
			.containsEntry("source_volid", null)
			.containsEntry("multiattach", false);
		assertThat(member.volume(id)).containsOnlyKeys(with(VOLUME_KEYS, "os-vol-tenant-attr:tenant_id"))
			.containsEntry("os-vol-tenant-attr:tenant_id", member.project());
		assertThat(member.list("/volumes/detail", "volumes")).singleElement()
			.satisfies((volume) -> assertThat(volume).containsOnlyKeys(with(VOLUME_KEYS, "os-vol-tenant-attr:tenant_id")));
		assertThat(member.list("/volumes", "volumes")).singleElement()
			.satisfies((volume) -> assertThat(volume).containsOnlyKeys("id", "name", "links"));

		Map<String, Object> asAdmin = (Map<String, Object>) admin.get("/volumes/" + id).getBody().get("volume");
		assertThat(asAdmin).containsOnlyKeys(with(VOLUME_KEYS, "os-vol-tenant-attr:tenant_id", "migration_status",
				"os-vol-host-attr:host", "os-vol-mig-status-attr:migstat", "os-vol-mig-status-attr:name_id"))
			.containsEntry("os-vol-host-attr:host", "volume-test-host@fake#fake")
			.containsEntry("migration_status", null);
	}

	@ParameterizedTest
	@ValueSource(strings = { "3.0", "latest" })
	@SuppressWarnings("unchecked")
	void anAttachmentIsNamedByTheVolumeIdAndItsHostIsForAdminsOnly(String version) {
		BlockStorageClient member = this.member.atVersion(version);
		String id = (String) member.createVolume(1).get("id");
		String server = UUID.randomUUID().toString();
		String action = "/volumes/" + id + "/action";
		member.post(action, Map.of("os-reserve", Map.of()));
		member.post(action, Map.of("os-attach", Map.of("instance_uuid", server, "mountpoint", "/dev/vdb",
				"host_name", "compute-1")));

		Map<String, Object> attachment = ((List<Map<String, Object>>) member.volume(id).get("attachments")).get(0);
		assertThat(attachment).containsOnlyKeys("id", "attachment_id", "volume_id", "server_id", "host_name", "device",
				"attached_at")
			.containsEntry("id", id)
			.containsEntry("volume_id", id)
			.containsEntry("server_id", server)
			.containsEntry("device", "/dev/vdb")
			.containsEntry("host_name", null);
		assertThat(attachment.get("attachment_id")).isNotNull().isNotEqualTo(id);
		Map<String, Object> asAdmin = ((List<Map<String, Object>>) ((Map<String, Object>) this.admin
			.get("/volumes/" + id)
			.getBody()
			.get("volume")).get("attachments")).get(0);
		assertThat(asAdmin).containsEntry("host_name", "compute-1").containsEntry("id", id);
	}

	@ParameterizedTest
	@ValueSource(strings = { "3.0", "latest" })
	@SuppressWarnings("unchecked")
	void snapshotsCarryTheExtendedAttributesOnShowAndDetailOnly(String version) {
		BlockStorageClient member = this.member.atVersion(version);
		String volumeId = (String) member.createVolume(1).get("id");
		Map<String, Object> created = (Map<String, Object>) member
			.post("/snapshots", Map.of("snapshot", Map.of("volume_id", volumeId)))
			.getBody()
			.get("snapshot");
		String id = (String) created.get("id");

		assertThat(created).containsOnlyKeys(SNAPSHOT_KEYS);
		assertThat(member.list("/snapshots", "snapshots")).singleElement()
			.satisfies((snapshot) -> assertThat(snapshot).containsOnlyKeys(SNAPSHOT_KEYS));
		String[] extended = with(SNAPSHOT_KEYS, "os-extended-snapshot-attributes:project_id",
				"os-extended-snapshot-attributes:progress");
		assertThat(member.list("/snapshots/detail", "snapshots")).singleElement()
			.satisfies((snapshot) -> assertThat(snapshot).containsOnlyKeys(extended));
		assertThat((Map<String, Object>) member.get("/snapshots/" + id).getBody().get("snapshot"))
			.containsOnlyKeys(extended)
			.containsEntry("os-extended-snapshot-attributes:project_id", member.project())
			.containsEntry("os-extended-snapshot-attributes:progress", "100%");
	}

	@ParameterizedTest
	@ValueSource(strings = { "3.0", "latest" })
	void aSnapshotWithoutVolumeIdIsABadRequestAndANullOneNamesNoVolume(String version) {
		BlockStorageClient member = this.member.atVersion(version);
		Map<String, Object> nullVolume = new HashMap<>();
		nullVolume.put("volume_id", null);

		assertFault(member.post("/snapshots", Map.of("snapshot", Map.of("name", "x"))), 400, "badRequest",
				"'volume_id' is a required property");
		assertFault(member.post("/snapshots", Map.of("snapshot", nullVolume)), 404, "itemNotFound",
				"Volume None could not be found.");
		assertThat(member.list("/snapshots", "snapshots")).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "3.0", "latest" })
	void createBodiesHoldOnlyWhatCindersSchemasTake(String version) {
		BlockStorageClient member = this.member.atVersion(version);
		String volumeId = (String) member.createVolume(1).get("id");

		assertFault(member.post("/snapshots", Map.of("snapshot", Map.of("volume_id", volumeId, "size", 5))), 400,
				"badRequest", "'size' was unexpected");
		assertFault(member.post("/snapshots", Map.of("snapshot", Map.of("volume_id", volumeId), "extra", 1)), 400,
				"badRequest", "'extra' was unexpected");
		assertFault(member.post("/volumes", Map.of("volume", Map.of("size", 1), "extra", 1)), 400, "badRequest",
				"'extra' was unexpected");
		assertThat(member.list("/snapshots", "snapshots")).isEmpty();
		assertThat(member.list("/volumes", "volumes")).hasSize(1);
	}

	@ParameterizedTest
	@ValueSource(strings = { "3.0", "latest" })
	void listsSortByCindersKeysInTheDatabaseAndPageInThatOrder(String version) {
		BlockStorageClient member = this.member.atVersion(version);
		String b = id(member.post("/volumes", Map.of("volume", Map.of("size", 3, "name", "b"))));
		String a = id(member.post("/volumes", Map.of("volume", Map.of("size", 1, "name", "a"))));
		String c = id(member.post("/volumes", Map.of("volume", Map.of("size", 2, "name", "c"))));

		assertThat(ids(member, "/volumes/detail?sort=size:asc")).containsExactly(a, c, b);
		assertThat(ids(member, "/volumes?sort=size:desc")).containsExactly(b, c, a);
		assertThat(ids(member, "/volumes?sort=name:asc")).containsExactly(a, b, c);
		assertThat(ids(member, "/volumes?sort=display_name")).containsExactly(c, b, a);
		assertThat(ids(member, "/volumes?sort_key=size&sort_dir=asc")).containsExactly(a, c, b);
		assertThat(ids(member, "/volumes")).containsExactly(c, a, b);
		assertThat(ids(member, "/volumes?sort=size:asc&limit=1&marker=" + a)).containsExactly(c);
		assertThat(ids(member, "/volumes?sort=size:asc&limit=5&marker=" + c)).containsExactly(b);
	}

	@ParameterizedTest
	@ValueSource(strings = { "sort=invalid", "sort=size:up", "sort=", "sort=metadata", "sort=size&sort_key=size",
			"sort_dir=sideways", "sort=status_reason" })
	void aSortThatCinderCannotDoIsABadRequest(String query) {
		this.member.createVolume(1);
		ResponseEntity<Map<String, Object>> answer = this.member.get("/volumes?" + query);
		assertFault(answer, 400, "badRequest", "");
		assertFault(this.member.get("/volumes/detail?" + query), 400, "badRequest", "");
	}

	@ParameterizedTest
	@ValueSource(strings = { "/volumes?sort=invalid", "/snapshots?sort=name", "/snapshots/detail?sort=bootable" })
	void anUnknownSortKeyIsCindersInvalidSortKey(String path) {
		assertFault(this.member.get(path), 400, "badRequest", "Invalid input received: Invalid sort key");
	}

	@ParameterizedTest
	@ValueSource(strings = { "3.0", "latest" })
	void snapshotsSortByTheirOwnColumns(String version) {
		BlockStorageClient member = this.member.atVersion(version);
		String small = (String) member.createVolume(1).get("id");
		String large = (String) member.createVolume(4).get("id");
		String ofLarge = id(member.post("/snapshots", Map.of("snapshot", Map.of("volume_id", large))));
		String ofSmall = id(member.post("/snapshots", Map.of("snapshot", Map.of("volume_id", small))));

		assertThat(ids(member, "/snapshots?sort=volume_size:asc", "snapshots")).containsExactly(ofSmall, ofLarge);
		assertThat(ids(member, "/snapshots/detail?sort=volume_size:desc", "snapshots")).containsExactly(ofLarge, ofSmall);
		assertFault(member.get("/snapshots?sort=volume_size:sideways"), 400, "badRequest",
				"Unknown sort direction, must be 'desc' or 'asc'.");
	}

	@ParameterizedTest
	@ValueSource(strings = { "true", "True", "1", "yes", "false", "0" })
	void fromThreeTwoTheBootableFilterTakesTrueAndFalseWords(String word) {
		this.member.createVolume(1);
		boolean wantsBootable = List.of("true", "True", "1", "yes").contains(word);

		assertThat(this.member.atVersion("3.2").list("/volumes?bootable=" + word, "volumes"))
			.hasSize(wantsBootable ? 0 : 1);
	}

	@Test
	void theBootableFilterIsStrictFromThreeTwoAndLenientBefore() {
		this.member.createVolume(1);

		assertFault(this.member.atVersion("3.2").get("/volumes?bootable=maybe"), 400, "badRequest",
				"Invalid input received: 'bootable = maybe'");
		assertFault(this.member.atVersion("latest").get("/volumes/detail?bootable=maybe"), 400, "badRequest",
				"'bootable = maybe'");
		// before 3.2 anything but False is true: no volume here is bootable
		assertThat(this.member.atVersion("3.1").list("/volumes?bootable=maybe", "volumes")).isEmpty();
		assertThat(this.member.list("/volumes?bootable=1", "volumes")).isEmpty();
		assertThat(this.member.list("/volumes?bootable=0", "volumes")).isEmpty();
		assertThat(this.member.list("/volumes?bootable=False", "volumes")).hasSize(1);
	}

	@SuppressWarnings("unchecked")
	private static String id(ResponseEntity<Map<String, Object>> created) {
		assertThat(created.getStatusCode().value()).isEqualTo(202);
		Map<String, Object> body = created.getBody();
		Map<String, Object> item = (Map<String, Object>) (body.containsKey("volume") ? body.get("volume")
				: body.get("snapshot"));
		return (String) item.get("id");
	}

	private static List<String> ids(BlockStorageClient client, String path) {
		return ids(client, path, "volumes");
	}

	private static List<String> ids(BlockStorageClient client, String path, String key) {
		ResponseEntity<Map<String, Object>> answer = client.get(path);
		assertThat(answer.getStatusCode().value()).as("%s: %s", path, answer.getBody()).isEqualTo(200);
		return client.list(path, key).stream().map((item) -> (String) item.get("id")).toList();
	}

	static String[] with(String[] keys, String... more) {
		String[] all = Arrays.copyOf(keys, keys.length + more.length);
		System.arraycopy(more, 0, all, keys.length, more.length);
		return all;
	}

}
