package dev.novaboot.compute.api;

import java.io.IOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.novaboot.compute.driver.PowerState;
import dev.novaboot.compute.manager.ComputeImages;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Nova's live migration between two real compute hosts (two apps in this JVM, one
 * database, RPC on loopback, the fake driver, whose moves can be held half-way so that
 * one under way can be seen): {@code os-migrateLive} moves a running server to the other
 * host with its ports and volumes, {@code MIGRATING} meanwhile, and
 * {@code /servers/{id}/migrations} shows the move under way; an abort or a failed move
 * leaves the server running on its source; force-complete finishes a held move. And the
 * refusals, by microversion: not an admin, the wrong state, a bad body, an unknown host,
 * the source as destination, a destination that is down, no host left.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LiveMigrationApiTests {

	TwoComputeHosts hosts;

	ComputeApiClient admin;

	ComputeApiClient member;

	String image;

	@BeforeAll
	void start() {
		this.hosts = new TwoComputeHosts("nova-compute-live-migration-test");
		this.admin = new ComputeApiClient(this.hosts.http(), "project-live", "admin,member").at("2.53");
		this.member = new ComputeApiClient(this.hosts.http(), "project-live", "member").at("2.53");
		this.image = ComputeImages.idOf("cirros-0.6.2-x86_64-disk");
	}

	@AfterEach
	void release() {
		this.hosts.driver(TwoComputeHosts.FIRST).releaseLiveMigrations();
		this.hosts.driver(TwoComputeHosts.SECOND).releaseLiveMigrations();
	}

	@AfterAll
	void stop() {
		this.hosts.close();
	}

	@Test
	void liveMigrateMovesTheRunningServerWithItsPortsAndVolumesAndShowsTheMoveUnderWay() throws IOException {
		String volume = TwoComputeHosts.volumeFile();
		String id = this.admin.boot("live", "1", this.image, Map.of("networks", "auto"));
		Map<String, Object> booted = this.admin.awaitStatus(id, "ACTIVE");
		String source = (String) booted.get("OS-EXT-SRV-ATTR:host");
		String destination = TwoComputeHosts.other(source);
		List<String> addresses = ComputeApiClient.addresses(booted);
		assertThat(this.admin.post("/v2.1/servers/" + id + "/os-volume_attachments",
				Map.of("volumeAttachment", Map.of("volumeId", volume))).getStatusCode().value()).isEqualTo(200);
		this.hosts.driver(source).holdLiveMigrations();

		ResponseEntity<Map<String, Object>> accepted = this.admin.action(id, liveMigrate(null));
		assertThat(accepted.getStatusCode().value()).isEqualTo(202);
		assertThat(accepted.getBody()).isNull();
		Map<String, Object> running = awaitRunning(id);
		assertThat(running).containsEntry("source_compute", source)
			.containsEntry("dest_compute", destination)
			.containsEntry("source_node", source)
			.containsEntry("dest_node", destination)
			.containsEntry("server_uuid", id)
			.containsEntry("memory_total_bytes", null)
			.containsKeys("id", "created_at", "updated_at", "dest_host", "disk_processed_bytes")
			.doesNotContainKey("uuid");
		Map<String, Object> server = this.admin.server(id);
		assertThat(server).containsEntry("status", "MIGRATING")
			.containsEntry("OS-EXT-STS:task_state", "migrating")
			.containsEntry("OS-EXT-SRV-ATTR:host", source);
		// the list's status filter as Nova's: MIGRATING admits it, and so does ACTIVE (a vm
		// state's default status filters on the vm state alone); REBOOT and SHUTOFF do not
		assertThat(ServerFieldsApiTests.serverIds(this.admin.get("/v2.1/servers?status=MIGRATING"))).containsExactly(id);
		assertThat(ServerFieldsApiTests.serverIds(this.admin.get("/v2.1/servers?status=ACTIVE"))).contains(id);
		assertThat(ServerFieldsApiTests.serverIds(this.admin.get("/v2.1/servers?status=REBOOT"))).doesNotContain(id);
		assertThat(ServerFieldsApiTests.serverIds(this.admin.get("/v2.1/servers?status=SHUTOFF&status=migrating")))
			.contains(id);
		// the guest runs on the source while the destination's waits for its state
		assertThat(this.hosts.driver(source).getInfo(id)).isEqualTo(PowerState.RUNNING);
		assertThat(this.hosts.driver(destination).getInfo(id)).isEqualTo(PowerState.PAUSED);
		assertThat(this.hosts.volumes().connectedHost(volume)).isEqualTo(destination);
		Object migrationId = running.get("id");
		assertThat(this.admin.get("/v2.1/servers/" + id + "/migrations/" + migrationId).getBody())
			.isEqualTo(Map.of("migration", running));
		assertThat(this.member.get("/v2.1/servers/" + id + "/migrations").getStatusCode().value()).isEqualTo(403);
		assertThat(this.admin.at("2.22").get("/v2.1/servers/" + id + "/migrations").getStatusCode().value())
			.isEqualTo(404);
		this.admin.assertActionRefused(409, id, liveMigrate(null),
				"Cannot 'os-migrateLive' instance " + id + " while it is in task_state migrating");

		this.hosts.driver(source).releaseLiveMigrations();
		awaitMigrationStatus(id, "completed");
		Map<String, Object> moved = awaitSettled(id, destination);
		assertThat(moved).containsEntry("status", "ACTIVE").containsEntry("OS-EXT-STS:power_state", 1);
		assertThat(ComputeApiClient.addresses(moved)).isEqualTo(addresses);
		assertThat(this.hosts.driver(destination).getInfo(id)).isEqualTo(PowerState.RUNNING);
		assertThat(this.hosts.driver(destination).attachedVolumes(id)).containsExactly(volume);
		assertThat(this.hosts.driver(source).getInfo(id)).isEqualTo(PowerState.NOSTATE);
		assertThat(this.hosts.network().bindingHost(id)).isEqualTo(destination);
		assertThat(this.hosts.volumes().connectedHost(volume)).isEqualTo(destination);
		assertThat(migrationOf(id)).containsEntry("migration_type", "live-migration")
			.containsEntry("source_compute", source)
			.containsEntry("dest_compute", destination);
		assertThat(inProgress(id)).isEmpty();
		ResponseEntity<Map<String, Object>> over = this.admin.get("/v2.1/servers/" + id + "/migrations/" + migrationId);
		assertThat(over.getStatusCode().value()).isEqualTo(404);
		assertThat(over.getBody().toString())
			.contains("Live migration " + migrationId + " for server " + id + " is not in progress.");
		assertThat(actionEvents(id, "live-migration")).contains("conductor_live_migrate_instance",
				"compute_live_migration", "compute_pre_live_migration", "compute_post_live_migration_at_destination");

		// and back, to the host asked for, with the server still usable there
		assertThat(this.admin.action(id, liveMigrate(source)).getStatusCode().value()).isEqualTo(202);
		awaitMigrationStatus(id, "completed");
		awaitSettled(id, source);
		assertThat(this.hosts.driver(source).getInfo(id)).isEqualTo(PowerState.RUNNING);
		assertThat(this.hosts.network().bindingHost(id)).isEqualTo(source);
		this.admin.action(id, Map.of("os-stop", Map.of()));
		this.admin.awaitStatus(id, "SHUTOFF");
		delete(id);
		assertThat(this.hosts.volumes().attachedTo(volume)).isNull();
	}

	@Test
	void anAbortOrAFailedMoveLeavesTheServerRunningOnItsSourceAndForceCompleteFinishesAHeldOne() {
		String id = this.admin.boot("aborted", "1", this.image, Map.of("networks", "auto"));
		String source = (String) this.admin.awaitStatus(id, "ACTIVE").get("OS-EXT-SRV-ATTR:host");
		String destination = TwoComputeHosts.other(source);
		this.hosts.driver(source).holdLiveMigrations();

		this.admin.action(id, liveMigrate(null));
		Object migrationId = awaitRunning(id).get("id");
		String path = "/v2.1/servers/" + id + "/migrations/" + migrationId;
		assertThat(this.admin.at("2.23").delete(path).getStatusCode().value()).isEqualTo(404);
		assertThat(this.member.delete(path).getStatusCode().value()).isEqualTo(403);
		assertThat(this.admin.delete("/v2.1/servers/" + id + "/migrations/999999").getStatusCode().value())
			.isEqualTo(404);
		assertThat(this.admin.delete(path).getStatusCode().value()).isEqualTo(202);
		awaitMigrationStatus(id, "cancelled");
		assertThat(awaitSettled(id, source)).containsEntry("status", "ACTIVE");
		assertThat(this.hosts.driver(source).getInfo(id)).isEqualTo(PowerState.RUNNING);
		assertThat(this.hosts.driver(destination).getInfo(id)).isEqualTo(PowerState.NOSTATE);
		assertThat(this.hosts.network().bindingHost(id)).isEqualTo(source);
		ResponseEntity<Map<String, Object>> noTask = this.admin.delete(path);
		assertThat(noTask.getStatusCode().value()).isEqualTo(409);

		this.hosts.driver(source).failNextLiveMigration();
		this.hosts.driver(source).releaseLiveMigrations();
		this.admin.action(id, liveMigrate(null));
		awaitMigrationStatus(id, "failed");
		assertThat(awaitSettled(id, source)).containsEntry("status", "ACTIVE");
		assertThat(this.hosts.driver(source).getInfo(id)).isEqualTo(PowerState.RUNNING);
		assertThat(this.hosts.driver(destination).getInfo(id)).isEqualTo(PowerState.NOSTATE);

		this.hosts.driver(source).holdLiveMigrations();
		this.admin.action(id, liveMigrate(null));
		String forced = "/v2.1/servers/" + id + "/migrations/" + awaitRunning(id).get("id") + "/action";
		Map<String, Object> forceComplete = new HashMap<>();
		forceComplete.put("force_complete", null);
		assertThat(this.admin.at("2.21").post(forced, forceComplete).getStatusCode().value()).isEqualTo(404);
		ResponseEntity<Map<String, Object>> bad = this.admin.post(forced, Map.of("force_complete", 1));
		assertThat(bad.getStatusCode().value()).isEqualTo(400);
		assertThat(bad.getBody()).containsKey("badRequest");
		assertThat(this.admin.post(forced, Map.of("force_complete", Map.of(), "x", 1)).getStatusCode().value())
			.isEqualTo(400);
		assertThat(this.admin.post(forced, forceComplete).getStatusCode().value()).isEqualTo(202);
		assertThat(awaitSettled(id, destination)).containsEntry("status", "ACTIVE");
		assertThat(this.hosts.driver(destination).getInfo(id)).isEqualTo(PowerState.RUNNING);
		awaitMigrationStatus(id, "completed");
		ResponseEntity<Map<String, Object>> done = this.admin.post(forced, forceComplete);
		assertThat(done.getStatusCode().value()).isEqualTo(409);
		assertThat(done.getBody().toString()).contains("Cannot 'force_complete' instance " + id);
		delete(id);
	}

	@Test
	void aPausedServerMovesPaused() {
		String id = this.admin.boot("paused", "1", this.image, Map.of("networks", "none"));
		String source = (String) this.admin.awaitStatus(id, "ACTIVE").get("OS-EXT-SRV-ATTR:host");
		String destination = TwoComputeHosts.other(source);
		this.admin.action(id, Map.of("pause", Map.of()));
		this.admin.awaitStatus(id, "PAUSED");

		assertThat(this.admin.action(id, liveMigrate(destination)).getStatusCode().value()).isEqualTo(202);
		awaitMigrationStatus(id, "completed");
		assertThat(awaitSettled(id, destination)).containsEntry("status", "PAUSED")
			.containsEntry("OS-EXT-STS:power_state", 3);
		assertThat(this.hosts.driver(destination).getInfo(id)).isEqualTo(PowerState.PAUSED);
		delete(id);
	}

	@Test
	void liveMigrateIsRefusedAsNovaRefusesItAndNothingChanges() {
		String id = this.admin.boot("refused", "1", this.image, Map.of("networks", "none"));
		String source = (String) this.admin.awaitStatus(id, "ACTIVE").get("OS-EXT-SRV-ATTR:host");
		String destination = TwoComputeHosts.other(source);
		ComputeApiClient v21 = this.admin.at("2.1");

		ResponseEntity<Map<String, Object>> forbidden = this.member.action(id, liveMigrate(destination));
		assertThat(forbidden.getStatusCode().value()).isEqualTo(403);
		assertThat(forbidden.getBody().toString()).contains("os_compute_api:os-migrate-server:migrate_live:host");
		assertThat(this.admin.action("00000000-0000-0000-0000-000000000000", liveMigrate(null)).getStatusCode().value())
			.isEqualTo(404);
		this.admin.assertActionRefused(400, id, liveMigrate("nowhere"), "Compute host nowhere could not be found.");
		this.admin.assertActionRefused(400, id, Map.of("os-migrateLive", Map.of("block_migration", "auto", "host", "x",
				"disk_over_commit", false)), "('disk_over_commit' was unexpected)");
		this.admin.assertActionRefused(400, id, Map.of("os-migrateLive", Map.of("block_migration", "auto")),
				"'host' is a required property");
		Map<String, Object> forceWithoutHost = new HashMap<>(Map.of("block_migration", "auto", "force", true));
		forceWithoutHost.put("host", null);
		this.admin.assertActionRefused(400, id, Map.of("os-migrateLive", forceWithoutHost), "Can't force to a non-provided destination");
		// before 2.34 the conductor's checks answer; from 2.34 the migration records them
		v21.assertActionRefused(400, id, Map.of("os-migrateLive", Map.of("block_migration", false, "disk_over_commit", false,
				"host", source)), "Unable to migrate instance (" + id + ") to current host (" + source + ").");
		assertThat(this.admin.action(id, liveMigrate(source)).getStatusCode().value()).isEqualTo(202);
		assertThat(migrationOf(id)).containsEntry("status", "error").containsEntry("migration_type", "live-migration");
		forceDown(destination, true);
		try {
			v21.assertActionRefused(400, id, Map.of("os-migrateLive", Map.of("block_migration", false, "disk_over_commit", false,
					"host", destination)), "Compute service of " + destination + " is unavailable at this time.");
			Map<String, Object> anyHost = new HashMap<>(Map.of("block_migration", "auto"));
			anyHost.put("host", null);
			this.admin.at("2.33").assertActionRefused(400, id, Map.of("os-migrateLive", anyHost), "No valid host was found.");
		}
		finally {
			forceDown(destination, false);
		}
		assertThat(this.admin.server(id)).containsEntry("status", "ACTIVE")
			.containsEntry("OS-EXT-STS:task_state", null)
			.containsEntry("OS-EXT-SRV-ATTR:host", source);
		assertThat(this.hosts.driver(source).getInfo(id)).isEqualTo(PowerState.RUNNING);
		assertThat(list("?instance_uuid=" + id)).extracting((migration) -> migration.get("status"))
			.containsOnly("error");

		this.admin.action(id, Map.of("os-stop", Map.of()));
		this.admin.awaitStatus(id, "SHUTOFF");
		this.admin.assertActionRefused(409, id, liveMigrate(null),
				"Cannot 'os-migrateLive' instance " + id + " while it is in vm_state stopped");
		delete(id);
	}

	private Map<String, Object> awaitRunning(String id) {
		long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
		while (true) {
			List<Map<String, Object>> migrations = inProgress(id);
			if (!migrations.isEmpty() && "running".equals(migrations.get(0).get("status"))) {
				assertThat(migrations).hasSize(1);
				return migrations.get(0);
			}
			assertThat(System.nanoTime()).as("a running live migration of " + id).isLessThan(deadline);
			pause();
		}
	}

	private void awaitMigrationStatus(String id, String status) {
		long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
		while (!status.equals(migrationOf(id).get("status"))) {
			assertThat(System.nanoTime()).as("migration of " + id + " " + status).isLessThan(deadline);
			pause();
		}
	}

	private Map<String, Object> awaitSettled(String id, String host) {
		return this.admin.await(id, (server) -> host.equals(server.get("OS-EXT-SRV-ATTR:host"))
				&& server.get("OS-EXT-STS:task_state") == null, Duration.ofSeconds(30));
	}

	@SuppressWarnings("unchecked")
	private List<Map<String, Object>> inProgress(String id) {
		ResponseEntity<Map<String, Object>> response = this.admin.get("/v2.1/servers/" + id + "/migrations");
		assertThat(response.getStatusCode().value()).isEqualTo(200);
		return (List<Map<String, Object>>) response.getBody().get("migrations");
	}

	private static void pause() {
		try {
			Thread.sleep(50);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static Map<String, Object> liveMigrate(String host) {
		Map<String, Object> body = new HashMap<>(Map.of("block_migration", "auto"));
		body.put("host", host);
		return Map.of("os-migrateLive", body);
	}

	private void forceDown(String host, boolean down) {
		ResponseEntity<Map<String, Object>> response = this.admin.at("2.11").put("/v2.1/os-services/force-down",
				Map.of("host", host, "binary", "nova-compute", "forced_down", down));
		assertThat(response.getStatusCode().value()).isEqualTo(200);
	}

	private List<Map<String, Object>> list(String query) {
		ResponseEntity<Map<String, Object>> response = this.admin.get("/v2.1/os-migrations" + query);
		assertThat(response.getStatusCode().value()).isEqualTo(200);
		@SuppressWarnings("unchecked")
		List<Map<String, Object>> migrations = (List<Map<String, Object>>) response.getBody().get("migrations");
		return migrations;
	}

	private Map<String, Object> migrationOf(String id) {
		List<Map<String, Object>> migrations = list("?instance_uuid=" + id);
		assertThat(migrations).isNotEmpty();
		return migrations.get(0);
	}

	@SuppressWarnings("unchecked")
	private List<String> actionEvents(String id, String action) {
		List<Map<String, Object>> actions = (List<Map<String, Object>>) this.admin
			.get("/v2.1/servers/" + id + "/os-instance-actions")
			.getBody()
			.get("instanceActions");
		String requestId = actions.stream()
			.filter((candidate) -> action.equals(candidate.get("action")))
			.map((candidate) -> (String) candidate.get("request_id"))
			.reduce((newer, older) -> older)
			.orElseThrow();
		Map<String, Object> shown = (Map<String, Object>) this.admin
			.get("/v2.1/servers/" + id + "/os-instance-actions/" + requestId)
			.getBody()
			.get("instanceAction");
		return ((List<Map<String, Object>>) shown.get("events")).stream()
			.map((event) -> (String) event.get("event"))
			.toList();
	}

	private void delete(String id) {
		this.admin.delete("/v2.1/servers/" + id);
		this.admin.awaitGone(id);
	}

}
