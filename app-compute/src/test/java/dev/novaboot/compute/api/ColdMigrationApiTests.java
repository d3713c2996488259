package dev.novaboot.compute.api;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import dev.novaboot.compute.driver.PowerState;
import dev.novaboot.compute.manager.ComputeImages;
import dev.novaboot.compute.manager.ComputeManager;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Nova's cold migration between two real compute hosts (two apps in this JVM, one
 * database, RPC on loopback, the fake driver): {@code migrate} to the host the scheduler
 * picks (never the server's own), the server {@code VERIFY_RESIZE} on the destination with its
 * ports bound and its volumes connected there while the source keeps its guest powered
 * off; {@code confirmResize} drops the source's guest, {@code revertResize} takes the
 * server back; {@code os-migrations} lists each move. And the refusals: not an admin, an
 * unknown server, the wrong state.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ColdMigrationApiTests {

	TwoComputeHosts hosts;

	ComputeApiClient admin;

	ComputeApiClient member;

	String image;

	@BeforeAll
	void start() {
		this.hosts = new TwoComputeHosts("nova-compute-migration-test");
		this.admin = new ComputeApiClient(this.hosts.http(), "project-mig", "admin,member");
		this.member = new ComputeApiClient(this.hosts.http(), "project-mig", "member");
		this.image = ComputeImages.idOf("cirros-0.6.2-x86_64-disk");
	}

	@AfterAll
	void stop() {
		this.hosts.close();
	}

	@Test
	@SuppressWarnings("unchecked")
	void migrateMovesPortsAndVolumesToTheOtherHostAndConfirmDropsTheSourceGuest() throws IOException {
		ComputeApiClient admin = this.admin.at("2.53");
		String volume = TwoComputeHosts.volumeFile();
		String id = admin.boot("moved", "1", this.image, Map.of("networks", "auto"));
		Map<String, Object> booted = admin.awaitStatus(id, "ACTIVE");
		String source = (String) booted.get("OS-EXT-SRV-ATTR:host");
		String destination = TwoComputeHosts.other(source);
		List<String> addresses = ComputeApiClient.addresses(booted);
		assertThat(admin.post("/v2.1/servers/" + id + "/os-volume_attachments",
				Map.of("volumeAttachment", Map.of("volumeId", volume))).getStatusCode().value()).isEqualTo(200);
		assertThat(this.hosts.network().bindingHost(id)).isEqualTo(source);
		assertThat(this.hosts.volumes().connectedHost(volume)).isEqualTo(source);

		assertThat(admin.action(id, Map.of("migrate", Map.of())).getStatusCode().value()).isEqualTo(202);
		Map<String, Object> resized = admin.awaitStatus(id, "VERIFY_RESIZE");
		assertThat(resized).containsEntry("OS-EXT-SRV-ATTR:host", destination)
			.containsEntry("OS-EXT-STS:vm_state", "resized")
			.containsEntry("OS-EXT-STS:power_state", 1);
		assertThat(ComputeApiClient.addresses(resized)).isEqualTo(addresses);
		assertThat(this.hosts.driver(destination).getInfo(id)).isEqualTo(PowerState.RUNNING);
		assertThat(this.hosts.driver(destination).attachedVolumes(id)).containsExactly(volume);
		// the source keeps its guest, powered off, until the confirm
		assertThat(this.hosts.driver(source).getInfo(id)).isEqualTo(PowerState.SHUTDOWN);
		assertThat(this.hosts.network().bindingHost(id)).isEqualTo(destination);
		assertThat(this.hosts.volumes().connectedHost(volume)).isEqualTo(destination);
		Map<String, Object> migration = migrationOf(admin, id);
		assertThat(migration).containsEntry("status", "finished")
			.containsEntry("source_compute", source)
			.containsEntry("dest_compute", destination)
			.containsEntry("migration_type", "migration")
			.containsEntry("old_instance_type_id", 1)
			.containsEntry("new_instance_type_id", 1)
			.containsKeys("created_at", "updated_at");

		// a member confirms (Nova's confirm is the owner's)
		assertThat(this.member.action(id, Map.of("confirmResize", Map.of())).getStatusCode().value())
			.isEqualTo(204);
		Map<String, Object> confirmed = admin.awaitStatus(id, "ACTIVE");
		assertThat(confirmed).containsEntry("OS-EXT-SRV-ATTR:host", destination);
		awaitGone(source, id);
		assertThat(migrationOf(this.admin, id)).containsEntry("status", "confirmed").doesNotContainKey("migration_type");
		assertThat(actionEvents(admin, id, "migrate")).contains("conductor_migrate_server", "compute_resize_instance",
				"compute_finish_resize");

		// the server lives on: stopped and started on its new host
		admin.action(id, Map.of("os-stop", Map.of()));
		admin.awaitStatus(id, "SHUTOFF");
		assertThat(this.hosts.driver(destination).getInfo(id)).isEqualTo(PowerState.SHUTDOWN);
		delete(admin, id);
		assertThat(this.hosts.volumes().attachedTo(volume)).isNull();
	}

	@Test
	void revertTakesTheServerBackToTheSourceAndAStoppedServerMovesStopped() {
		String id = this.admin.boot("reverted", "1", this.image, Map.of());
		String source = (String) this.admin.awaitStatus(id, "ACTIVE").get("OS-EXT-SRV-ATTR:host");
		String destination = TwoComputeHosts.other(source);
		// before 2.56 the body is not looked at: the scheduler picks the other host
		assertThat(this.admin.action(id, Map.of("migrate", Map.of("host", source))).getStatusCode().value())
			.isEqualTo(202);
		assertThat(this.admin.awaitStatus(id, "VERIFY_RESIZE")).containsEntry("OS-EXT-SRV-ATTR:host", destination);
		this.admin.assertActionRefused(409, id, Map.of("migrate", Map.of()),
				"Cannot 'migrate' instance " + id + " while it is in vm_state resized");
		// a restart of the source keeps the guest a revert needs
		this.hosts.host(source).getBean(ComputeManager.class).initHost();
		assertThat(this.hosts.driver(source).getInfo(id)).isEqualTo(PowerState.SHUTDOWN);

		assertThat(this.admin.action(id, Map.of("revertResize", Map.of())).getStatusCode().value()).isEqualTo(202);
		assertThat(this.admin.awaitStatus(id, "ACTIVE")).containsEntry("OS-EXT-SRV-ATTR:host", source)
			.containsEntry("OS-EXT-STS:power_state", 1);
		assertThat(this.hosts.driver(source).getInfo(id)).isEqualTo(PowerState.RUNNING);
		assertThat(this.hosts.driver(destination).getInfo(id)).isEqualTo(PowerState.NOSTATE);
		assertThat(this.hosts.network().bindingHost(id)).isEqualTo(source);
		assertThat(migrationOf(this.admin, id)).containsEntry("status", "reverted");

		// a stopped server arrives stopped and stays so after the confirm
		this.admin.action(id, Map.of("os-stop", Map.of()));
		this.admin.awaitStatus(id, "SHUTOFF");
		this.admin.action(id, Map.of("migrate", Map.of()));
		assertThat(this.admin.awaitStatus(id, "VERIFY_RESIZE")).containsEntry("OS-EXT-STS:power_state", 4);
		this.admin.action(id, Map.of("confirmResize", Map.of()));
		assertThat(this.admin.awaitStatus(id, "SHUTOFF")).containsEntry("OS-EXT-SRV-ATTR:host", destination);
		delete(this.admin, id);
	}

	@Test
	void migrateIsRefusedAsNovaRefusesItAndNothingChanges() {
		ComputeApiClient admin = this.admin.at("2.53");
		String id = admin.boot("refused", "1", this.image, Map.of("networks", "auto"));
		String source = (String) admin.awaitStatus(id, "ACTIVE").get("OS-EXT-SRV-ATTR:host");

		ResponseEntity<Map<String, Object>> forbidden = this.member.at("2.53").action(id, Map.of("migrate", Map.of()));
		assertThat(forbidden.getStatusCode().value()).isEqualTo(403);
		assertThat(forbidden.getBody().toString()).contains("os_compute_api:os-migrate-server:migrate");
		assertThat(admin.action("00000000-0000-0000-0000-000000000000", Map.of("migrate", Map.of()))
			.getStatusCode()
			.value()).isEqualTo(404);
		admin.action(id, Map.of("pause", Map.of()));
		admin.awaitStatus(id, "PAUSED");
		admin.assertActionRefused(409, id, Map.of("migrate", Map.of()),
				"Cannot 'migrate' instance " + id + " while it is in vm_state paused");
		assertThat(admin.server(id)).containsEntry("OS-EXT-SRV-ATTR:host", source);
		assertThat(this.admin.get("/v2.1/os-migrations?instance_uuid=" + id).getBody())
			.isEqualTo(Map.of("migrations", List.of()));
		delete(admin, id);
	}

	@Test
	@SuppressWarnings("unchecked")
	void osMigrationsIsAnAdminsListFilteredAsNovas() {
		String id = this.admin.boot("listed", "1", this.image, Map.of());
		String source = (String) this.admin.awaitStatus(id, "ACTIVE").get("OS-EXT-SRV-ATTR:host");
		this.admin.action(id, Map.of("migrate", Map.of()));
		this.admin.awaitStatus(id, "VERIFY_RESIZE");

		assertThat(this.member.get("/v2.1/os-migrations").getStatusCode().value()).isEqualTo(403);
		Map<String, Object> at21 = migrationOf(this.admin, id);
		assertThat(at21.keySet()).containsExactlyInAnyOrder("id", "source_node", "dest_node", "source_compute",
				"dest_compute", "dest_host", "status", "instance_uuid", "old_instance_type_id", "new_instance_type_id",
				"created_at", "updated_at");
		assertThat(migrationOf(this.admin.at("2.23"), id)).containsEntry("migration_type", "migration")
			.doesNotContainKey("uuid");
		assertThat(list(this.admin, "?instance_uuid=" + id + "&status=finished")).hasSize(1);
		assertThat(list(this.admin, "?instance_uuid=" + id + "&status=confirmed")).isEmpty();
		assertThat(list(this.admin, "?instance_uuid=" + id + "&host=" + source)).hasSize(1);
		assertThat(list(this.admin, "?instance_uuid=" + id + "&host=elsewhere")).isEmpty();
		assertThat(list(this.admin, "?instance_uuid=" + id + "&migration_type=evacuation")).isEmpty();
		delete(this.admin, id);
	}

	@Test
	void evacuateRebuildsTheServerOfADownHostElsewhereWithItsAddressesAndVolumes() throws IOException {
		ComputeApiClient admin = this.admin.at("2.53");
		String volume = TwoComputeHosts.volumeFile();
		String id = admin.boot("evacuated", "1", this.image, Map.of("networks", "auto"));
		Map<String, Object> booted = admin.awaitStatus(id, "ACTIVE");
		String source = (String) booted.get("OS-EXT-SRV-ATTR:host");
		String destination = TwoComputeHosts.other(source);
		List<String> addresses = ComputeApiClient.addresses(booted);
		admin.post("/v2.1/servers/" + id + "/os-volume_attachments", Map.of("volumeAttachment", Map.of("volumeId", volume)));

		// Nova refuses while the server's host is up, and checks the body and the target first
		admin.assertActionRefused(400, id, Map.of("evacuate", Map.of()), "Compute service of " + source + " is still in use.");
		admin.assertActionRefused(400, id, Map.of("evacuate", Map.of("host", source)), "The target host can't be the same one.");
		admin.assertActionRefused(400, id, Map.of("evacuate", Map.of("force", true)), "Can't force to a non-provided destination");
		admin.assertActionRefused(400, id, Map.of("evacuate", Map.of("onSharedStorage", true)), "('onSharedStorage' was unexpected)");
		admin.at("2.28").assertActionRefused(400, id, Map.of("evacuate", Map.of("force", true)), "('force' was unexpected)");
		this.admin.assertActionRefused(400, id, Map.of("evacuate", Map.of("host", destination)),
				"'onSharedStorage' is a required property");
		this.admin.assertActionRefused(400, id, Map.of("evacuate", Map.of("onSharedStorage", "maybe")),
				"Invalid input for field/attribute onSharedStorage. Value: maybe.");
		ResponseEntity<Map<String, Object>> unknown = admin.action(id, Map.of("evacuate", Map.of("host", "nowhere")));
		assertThat(unknown.getStatusCode().value()).isEqualTo(404);
		assertThat(unknown.getBody().toString()).contains("Compute host nowhere not found.");
		assertThat(this.member.at("2.53").action(id, Map.of("evacuate", Map.of())).getStatusCode().value())
			.isEqualTo(403);

		forceDown(source, true);
		try {
			ResponseEntity<Map<String, Object>> evacuated = admin.action(id, Map.of("evacuate", Map.of()));
			assertThat(evacuated.getStatusCode().value()).isEqualTo(200);
			assertThat(evacuated.getBody()).isNull();
			Map<String, Object> rebuilt = admin.await(id,
					(server) -> destination.equals(server.get("OS-EXT-SRV-ATTR:host")) && "ACTIVE".equals(server.get("status"))
							&& server.get("OS-EXT-STS:task_state") == null,
					java.time.Duration.ofSeconds(30));
			assertThat(ComputeApiClient.addresses(rebuilt)).isEqualTo(addresses);
			assertThat(this.hosts.driver(destination).getInfo(id)).isEqualTo(PowerState.RUNNING);
			assertThat(this.hosts.driver(destination).attachedVolumes(id)).containsExactly(volume);
			assertThat(this.hosts.network().bindingHost(id)).isEqualTo(destination);
			assertThat(this.hosts.volumes().connectedHost(volume)).isEqualTo(destination);
			assertThat(migrationOf(admin, id)).containsEntry("migration_type", "evacuation")
				.containsEntry("status", "done")
				.containsEntry("source_compute", source)
				.containsEntry("dest_compute", destination);
			assertThat(actionEvents(admin, id, "evacuate")).contains("conductor_rebuild_server",
					"compute_rebuild_instance");
		}
		finally {
			forceDown(source, false);
		}
		// the source comes back: the guest it still had goes, the evacuation is completed
		assertThat(this.hosts.driver(source).getInfo(id)).isEqualTo(PowerState.RUNNING);
		this.hosts.host(source).getBean(ComputeManager.class).initHost();
		assertThat(this.hosts.driver(source).getInfo(id)).isEqualTo(PowerState.NOSTATE);
		assertThat(migrationOf(admin, id)).containsEntry("status", "completed");
		assertThat(admin.server(id)).containsEntry("status", "ACTIVE").containsEntry("OS-EXT-SRV-ATTR:host", destination);
		delete(admin, id);
		assertThat(this.hosts.volumes().attachedTo(volume)).isNull();
	}

	private void forceDown(String host, boolean down) {
		ResponseEntity<Map<String, Object>> response = this.admin.at("2.11")
			.put("/v2.1/os-services/force-down",
					Map.of("host", host, "binary", "nova-compute", "forced_down", down));
		assertThat(response.getStatusCode().value()).isEqualTo(200);
	}

	private List<Map<String, Object>> list(ComputeApiClient user, String query) {
		ResponseEntity<Map<String, Object>> response = user.get("/v2.1/os-migrations" + query);
		assertThat(response.getStatusCode().value()).isEqualTo(200);
		@SuppressWarnings("unchecked")
		List<Map<String, Object>> migrations = (List<Map<String, Object>>) response.getBody().get("migrations");
		return migrations;
	}

	private Map<String, Object> migrationOf(ComputeApiClient user, String id) {
		List<Map<String, Object>> migrations = list(user, "?instance_uuid=" + id);
		assertThat(migrations).isNotEmpty();
		return migrations.get(0);
	}

	@SuppressWarnings("unchecked")
	private List<String> actionEvents(ComputeApiClient user, String id, String action) {
		List<Map<String, Object>> actions = (List<Map<String, Object>>) user.at("2.51")
			.get("/v2.1/servers/" + id + "/os-instance-actions")
			.getBody()
			.get("instanceActions");
		String requestId = actions.stream()
			.filter((candidate) -> action.equals(candidate.get("action")))
			.map((candidate) -> (String) candidate.get("request_id"))
			.findFirst()
			.orElseThrow();
		Map<String, Object> shown = (Map<String, Object>) user.at("2.51")
			.get("/v2.1/servers/" + id + "/os-instance-actions/" + requestId)
			.getBody()
			.get("instanceAction");
		return ((List<Map<String, Object>>) shown.get("events")).stream()
			.map((event) -> (String) event.get("event"))
			.toList();
	}

	private void awaitGone(String host, String id) {
		long deadline = System.nanoTime() + 10_000_000_000L;
		while (this.hosts.driver(host).getInfo(id) != PowerState.NOSTATE) {
			assertThat(System.nanoTime()).as("the guest left on " + host).isLessThan(deadline);
			Thread.onSpinWait();
		}
	}

	private static void delete(ComputeApiClient user, String id) {
		user.delete("/v2.1/servers/" + id);
		user.awaitGone(id);
	}

}
