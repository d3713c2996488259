package dev.novaboot.it;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import dev.novaboot.it.SuiteClient.Response;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The multi-host suite on the {@code http} RPC transport: besides the spread of servers,
 * a compute host that loses its power (every process killed), whose server is evacuated
 * meanwhile, and a PostgreSQL outage that every host lives through.
 */
class MultiHostHttpTests extends MultiHostScenarios {

	@Override
	String transport() {
		return "http";
	}

	@Test
	@Order(2)
	void aKilledComputeHostGoesDownItsBuildFailsOthersGoElsewhereAndItRecoversWhenItComesBack() throws Exception {
		String survivor = otherComputeHost(SLOW_HOST);
		// a server building on the slow host when it dies
		setEnabled(survivor, false);
		String building = boot(api(), "dies-building", null);
		await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() -> {
			Response shown = server(building);
			return SLOW_HOST.equals(shown.read("$.server['OS-EXT-SRV-ATTR:host']"))
					&& "spawning".equals(shown.read("$.server['OS-EXT-STS:task_state']"));
		});
		setEnabled(survivor, true);
		List<String> activeThere = new ArrayList<>(this.admin.get(api(), "/v2.1/servers/detail")
			.expect(200)
			.<List<String>>read("$.servers[?(@.status == 'ACTIVE' && @['OS-EXT-SRV-ATTR:host'] == '" + SLOW_HOST + "')].id"));
		assertThat(activeThere).isNotEmpty();
		// one of them, with a volume of its own, is evacuated while the host is down
		String evacuated = activeThere.remove(0);
		String volumeId = attachNewVolume(evacuated);
		Object addresses = server(evacuated).read("$.server.addresses");

		this.suite.kill(SLOW_HOST);

		// down within down-time (plus one heartbeat and the poll), as every host's API shows
		awaitServiceState(api(), SLOW_HOST, "down", DOWN_TIME.plusSeconds(15));
		// the build on the dead host goes to ERROR, by the surviving host's periodic check
		awaitValue(() -> server(building).read("$.server.status"), "ERROR");
		assertThat(server(building).<String>read("$.server.fault.message"))
			.contains("compute host " + SLOW_HOST + " went down while the instance was building");
		// an admin evacuates a server of the dead host: rebuilt on the survivor with its
		// addresses, its volume and its port
		timed("evacuate from " + SLOW_HOST + " to " + survivor + " until ACTIVE", () -> {
			action(evacuated, "{\"evacuate\": {}}").expect(200);
			awaitStatus(evacuated, "ACTIVE");
		});
		assertThat(hostOf(evacuated)).isEqualTo(survivor);
		assertThat(server(evacuated).<Integer>read("$.server['OS-EXT-STS:power_state']")).isEqualTo(1);
		assertMovedWith(evacuated, volumeId, survivor, addresses);
		assertThat(migrationOf(api(), evacuated, "evacuation")).containsEntry("status", "done")
			.containsEntry("source_compute", SLOW_HOST)
			.containsEntry("dest_compute", survivor);
		// the scheduler sends every new server to the survivor
		List<String> later = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			later.add(boot(api(), "while-down-" + i, null));
		}
		for (String server : later) {
			awaitActive(server);
			assertThat(hostOf(server)).isEqualTo(survivor);
		}

		// the host comes back by itself: up, its instances reconciled, chosen again
		this.suite.restart(SLOW_HOST);
		awaitServiceState(api(), SLOW_HOST, "up", Duration.ofSeconds(30));
		assertThat(server(building).<String>read("$.server.status")).isEqualTo("ERROR");
		// it does not take the evacuated server back (Nova's _destroy_evacuated_instances):
		// the evacuation is completed, the server stays on the survivor with its volume and port
		awaitValue(() -> migrationOf(api(), evacuated, "evacuation").get("status"), "completed");
		assertThat(hostOf(evacuated)).isEqualTo(survivor);
		assertThat(server(evacuated).<String>read("$.server.status")).isEqualTo("ACTIVE");
		assertThat(server(evacuated).<Integer>read("$.server['OS-EXT-STS:power_state']")).isEqualTo(1);
		assertMovedWith(evacuated, volumeId, survivor, addresses);
		for (String server : activeThere) {
			Response shown = server(server);
			assertThat(shown.<String>read("$.server.status")).isEqualTo("ACTIVE");
			assertThat(shown.<Object>read("$.server['OS-EXT-STS:task_state']")).isNull();
			// the fake driver's guests lived in the killed process: the host says so (NOSTATE)
			assertThat(shown.<Integer>read("$.server['OS-EXT-STS:power_state']")).isZero();
		}
		setEnabled(survivor, false);
		try {
			String again = boot(api(), "back-again", null);
			awaitActive(again);
			assertThat(hostOf(again)).isEqualTo(SLOW_HOST);
			assertThat(server(again).<Integer>read("$.server['OS-EXT-STS:power_state']")).isEqualTo(1);
		}
		finally {
			setEnabled(survivor, true);
		}
	}

	@Test
	@Order(3)
	void everyHostLivesThroughAPostgresqlOutage() throws Exception {
		List<String> hosts = new ArrayList<>(this.suite.computeHosts());
		this.suite.databaseOutage(DOWN_TIME.plusSeconds(2));
		// every host resumes its heartbeats by itself: all services up again, seen from every compute host
		for (String host : hosts) {
			for (String compute : hosts) {
				awaitServiceState(this.suite.compute(host), compute, "up", Duration.ofSeconds(60));
			}
			// the controller's services (network, volume) resume on their own clock, not the compute hosts'
			SuiteProcess api = this.suite.compute(host);
			await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
				List<String> controller = this.admin.get(api, "/v2.1/os-services?host=controller")
					.expect(200)
					.read("$.services[*].state");
				assertThat(controller).containsOnly("up").hasSize(2);
			});
		}
		long before = this.suite.database()
			.queryForObject("SELECT min(report_count) FROM services WHERE deleted = 0", Long.class);
		await().atMost(Duration.ofSeconds(20))
			.until(() -> this.suite.database()
				.queryForObject("SELECT min(report_count) FROM services WHERE deleted = 0", Long.class) > before);
		// and work goes on across hosts: a boot reaches a compute host, the network and the volume service
		String server = boot(api(), "after-outage", null);
		awaitActive(server);
	}

}
