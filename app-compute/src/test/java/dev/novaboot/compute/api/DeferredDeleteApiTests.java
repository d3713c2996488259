package dev.novaboot.compute.api;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import dev.novaboot.compute.manager.ComputeImages;
import dev.novaboot.compute.driver.FakeComputeDriver;
import dev.novaboot.compute.manager.ComputeManager;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureTestRestTemplate;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Nova's deferred delete with {@code nova.compute.reclaim-instance-interval} set: a
 * delete leaves the server {@code SOFT_DELETED} (guest powered off), {@code restore}
 * brings it back, {@code forceDelete} deletes it now, and the periodic reclaim deletes
 * those soft-deleted longer than the interval. Its own context: the interval is a
 * start-up property (an hour, so that only the test decides what is old enough).
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "nova.compute.reclaim-instance-interval=1h",
				"spring.datasource.url=jdbc:h2:mem:nova-compute-deferred-delete;DB_CLOSE_DELAY=-1" })
@AutoConfigureTestRestTemplate
class DeferredDeleteApiTests {

	@Autowired
	TestRestTemplate http;

	@Autowired
	FakeComputeDriver driver;

	@Autowired
	ComputeManager manager;

	@Autowired
	JdbcTemplate jdbc;

	ComputeApiClient alice;

	String image;

	@BeforeEach
	void clients() {
		this.alice = new ComputeApiClient(this.http, "project-alice", "member");
		this.image = ComputeImages.idOf("cirros-0.6.2-x86_64-disk");
	}

	@Test
	void aDeleteSoftDeletesAndRestoreBringsTheServerBack() {
		for (ComputeApiClient user : List.of(this.alice, this.alice.at("2.53"))) {
			String id = activeServer();
			assertThat(user.delete("/v2.1/servers/" + id).getStatusCode().value()).isEqualTo(204);
			Map<String, Object> softDeleted = user.awaitStatus(id, "SOFT_DELETED");
			assertThat(softDeleted).containsEntry("OS-EXT-STS:vm_state", "soft-delete")
				.containsEntry("OS-EXT-STS:power_state", 4);
			assertThat(this.driver.listInstances()).contains(id);
			conflict(user, id, Map.of("pause", Map.of()),
					"Cannot 'pause' instance " + id + " while it is in vm_state soft-delete");

			assertThat(action(user, id, Map.of("restore", Map.of())).getStatusCode().value()).isEqualTo(202);
			assertThat(user.awaitStatus(id, "ACTIVE")).containsEntry("OS-EXT-STS:power_state", 1);
			conflict(user, id, Map.of("restore", Map.of()),
					"Cannot 'restore' instance " + id + " while it is in vm_state active");

			assertThat(action(user, id, Map.of("forceDelete", Map.of())).getStatusCode().value()).isEqualTo(202);
			user.awaitGone(id);
			assertThat(this.driver.listInstances()).doesNotContain(id);
		}
	}

	@Test
	void forceDeleteAndASecondDeleteEndASoftDeletedServer() {
		String forced = activeServer();
		this.alice.delete("/v2.1/servers/" + forced);
		this.alice.awaitStatus(forced, "SOFT_DELETED");
		assertThat(action(this.alice, forced, Map.of("forceDelete", Map.of())).getStatusCode().value()).isEqualTo(202);
		this.alice.awaitGone(forced);

		String twice = activeServer();
		this.alice.delete("/v2.1/servers/" + twice);
		this.alice.awaitStatus(twice, "SOFT_DELETED");
		assertThat(this.alice.delete("/v2.1/servers/" + twice).getStatusCode().value()).isEqualTo(204);
		this.alice.awaitGone(twice);
	}

	@Test
	void theReclaimDeletesOnlyServersSoftDeletedLongerThanTheInterval() {
		String old = activeServer();
		String recent = activeServer();
		for (String id : List.of(old, recent)) {
			this.alice.delete("/v2.1/servers/" + id);
			this.alice.awaitStatus(id, "SOFT_DELETED");
		}
		this.jdbc.update("update instances set soft_deleted_at = ? where uuid = ?",
				Timestamp.from(Instant.now().minus(2, ChronoUnit.HOURS)), old);

		this.manager.reclaimQueuedDeletes();

		this.alice.awaitGone(old);
		assertThat(this.driver.listInstances()).doesNotContain(old).contains(recent);
		assertThat(this.alice.server(recent)).containsEntry("status", "SOFT_DELETED");
		action(this.alice, recent, Map.of("forceDelete", Map.of()));
		this.alice.awaitGone(recent);
	}

	@Test
	void aServerThatNeverRanIsDeletedAtOnce() {
		// flavor 5 fits no host of the test's small fake hypervisor: the server is in error, never launched
		String id = this.alice.boot("never-ran", "5", this.image, Map.of());
		this.alice.await(id, (server) -> "ERROR".equals(server.get("status")), java.time.Duration.ofSeconds(30));
		assertThat(this.alice.delete("/v2.1/servers/" + id).getStatusCode().value()).isEqualTo(204);
		this.alice.awaitGone(id);
	}

	private String activeServer() {
		String id = this.alice.boot("deferred", "1", this.image, Map.of());
		this.alice.awaitStatus(id, "ACTIVE");
		return id;
	}

	private static ResponseEntity<Map<String, Object>> action(ComputeApiClient user, String id, Map<String, Object> body) {
		return user.post("/v2.1/servers/" + id + "/action", body);
	}

	@SuppressWarnings("unchecked")
	private static void conflict(ComputeApiClient user, String id, Map<String, Object> body, String message) {
		ResponseEntity<Map<String, Object>> answer = action(user, id, body);
		assertThat(answer.getStatusCode().value()).as("%s", body).isEqualTo(409);
		assertThat((Map<String, Object>) answer.getBody().get("conflictingRequest")).containsEntry("message", message);
	}

}
