package dev.novaboot.volume.api;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.novaboot.volume.VolumeAppTest;
import dev.novaboot.volume.driver.FakeVolumeDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

import static dev.novaboot.volume.api.BlockStorageApiTests.assertFault;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Cinder's user messages (microversion 3.3): a volume that goes to {@code error} (no
 * host, the driver failed), a failed extend, snapshot create or delete leave the project
 * a message with Cinder's event id and text, which it lists, shows and deletes; before
 * 3.3 there is no such API; other projects see none of it.
 */
@VolumeAppTest
class MessagesTests {

	@Autowired
	TestRestTemplate http;

	@Autowired
	FakeVolumeDriver driver;

	BlockStorageClient member;

	BlockStorageClient admin;

	@BeforeEach
	void clients() {
		this.member = new BlockStorageClient(this.http, "project-" + UUID.randomUUID(), "mia", "member")
			.atVersion("3.3");
		this.admin = new BlockStorageClient(this.http, "admin", "admin", "admin").atVersion("3.3");
	}

	@AfterEach
	void heal() {
		this.driver.heal();
		this.admin.exchange(HttpMethod.PUT, "/os-services/enable",
				Map.of("host", "volume-test-host", "binary", "nova-volume"));
	}

	@Test
	@SuppressWarnings("unchecked")
	void aVolumeTheDriverFailedToCreateLeavesCindersMessage() {
		this.driver.fail(FakeVolumeDriver.Operation.CREATE);
		Map<String, Object> volume = this.member.createVolume(1);
		assertThat(volume).containsEntry("status", "error");

		List<Map<String, Object>> messages = this.member.list("/messages", "messages");
		assertThat(messages).hasSize(1);
		Map<String, Object> message = messages.get(0);
		assertThat(message).containsOnlyKeys("id", "event_id", "user_message", "message_level", "created_at",
				"guaranteed_until", "request_id", "links", "resource_type", "resource_uuid")
			.containsEntry("event_id", "VOLUME_VOLUME_008_012")
			.containsEntry("user_message", "create volume from backend storage:Driver failed to create the volume.")
			.containsEntry("message_level", "ERROR")
			.containsEntry("resource_type", "VOLUME")
			.containsEntry("resource_uuid", volume.get("id"));
		assertThat((String) message.get("request_id")).startsWith("req-");
		assertThat((String) message.get("guaranteed_until")).isGreaterThan((String) message.get("created_at"));

		ResponseEntity<Map<String, Object>> shown = this.member.get("/messages/" + message.get("id"));
		assertThat(shown.getBody().get("message")).isEqualTo(message);
		assertThat(shown.getHeaders().getFirst("OpenStack-API-Version")).isEqualTo("volume 3.3");
		assertThat(this.member.delete("/messages/" + message.get("id")).getStatusCode().value()).isEqualTo(204);
		assertFault(this.member.get("/messages/" + message.get("id")), 404, "itemNotFound",
				"Message " + message.get("id") + " could not be found.");
		assertThat(this.member.list("/messages", "messages")).isEmpty();
	}

	@Test
	@SuppressWarnings("unchecked")
	void noHostFailedExtendsAndSnapshotsHaveTheirOwnEvents() {
		String volumeId = (String) this.member.createVolume(1).get("id");
		this.driver.fail(FakeVolumeDriver.Operation.EXTEND);
		this.member.post("/volumes/" + volumeId + "/action", Map.of("os-extend", Map.of("new_size", 2)));
		this.driver.heal();
		this.member.delete("/volumes/" + volumeId);
		String other = (String) this.member.createVolume(1).get("id");
		this.driver.fail(FakeVolumeDriver.Operation.SNAPSHOT);
		this.member.post("/snapshots", Map.of("snapshot", Map.of("volume_id", other)));
		this.driver.heal();
		this.admin.exchange(HttpMethod.PUT, "/os-services/disable",
				Map.of("host", "volume-test-host", "binary", "nova-volume"));
		this.member.createVolume(1);

		assertThat(this.member.list("/messages", "messages")).extracting((m) -> m.get("event_id"))
			.containsExactlyInAnyOrder("VOLUME_VOLUME_007_010", "VOLUME_VOLUME_SNAPSHOT_009_013",
					"VOLUME_VOLUME_001_003");
		assertThat(this.member.list("/messages", "messages")).extracting((m) -> m.get("user_message"))
			.contains("extend volume:Volume Driver failed to extend volume.",
					"create snapshot:Snapshot failed to create.",
					"schedule allocate volume:Could not find any available weighted backend.");
	}

	@Test
	void beforeMicroversion33ThereIsNoMessagesApi() {
		BlockStorageClient old = new BlockStorageClient(this.http, this.member.project(), "mia", "member");
		assertFault(old.get("/messages"), 404, "itemNotFound", "The resource could not be found.");
		assertFault(old.atVersion("3.2").get("/messages/" + UUID.randomUUID()), 404, "itemNotFound",
				"The resource could not be found.");
		assertThat(this.member.get("/messages").getStatusCode().value()).isEqualTo(200);
	}

	@Test
	@SuppressWarnings("unchecked")
	void anotherProjectsMessagesAreNotFoundAndBadIdsAre404() {
		this.driver.fail(FakeVolumeDriver.Operation.CREATE);
		this.member.createVolume(1);
		String id = (String) this.member.list("/messages", "messages").get(0).get("id");
		BlockStorageClient stranger = new BlockStorageClient(this.http, "project-" + UUID.randomUUID(), "sid",
				"member").atVersion("3.3");
		assertFault(stranger.get("/messages/" + id), 404, "itemNotFound", "Message " + id + " could not be found.");
		assertFault(stranger.delete("/messages/" + id), 404, "itemNotFound", "could not be found.");
		assertThat(stranger.list("/messages", "messages")).isEmpty();
		assertFault(this.member.get("/messages/not-a-uuid"), 404, "itemNotFound", "could not be found.");
		assertFault(this.member.get("/v3/" + stranger.project() + "/messages"), 400, "badRequest",
				"Malformed request url");
		BlockStorageClient reader = new BlockStorageClient(this.http, this.member.project(), "rory", "reader")
			.atVersion("3.3");
		assertFault(reader.delete("/messages/" + id), 403, "forbidden", "message:delete");
		assertThat(this.member.get("/messages/" + id).getStatusCode().value()).isEqualTo(200);
	}

}
