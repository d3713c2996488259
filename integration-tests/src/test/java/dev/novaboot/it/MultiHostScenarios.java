package dev.novaboot.it;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;

import dev.novaboot.it.SuiteClient.Response;
import dev.novaboot.service.testsupport.HostTools;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/**
 * What every transport's multi-host run shares: one {@link MultiHostSuite} (controller and
 * two compute hosts in network namespaces, on the machine's PostgreSQL) started once for
 * the class, a user network and the scenario that every run begins with, servers spread
 * over the hosts, and the one that ends it, a server migrated across hosts and back with
 * its volume and port. A subclass names the transport and adds the scenarios that show its
 * failure modes; a new scenario is one more {@code @Test} method using the helpers below
 * ({@link #boot}, {@link #hostOf}, {@link #serviceState}, {@link #setEnabled}, the suite's
 * {@code kill}, {@code restart}, {@code cutLink}, ...). Needs root (namespaces, a bridge).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
abstract class MultiHostScenarios {

	/** Short liveness settings, so that a dead host shows within seconds (defaults: 10 s and 60 s). */
	static final Duration REPORT_INTERVAL = Duration.ofSeconds(1);

	static final Duration DOWN_TIME = Duration.ofSeconds(5);

	/** The slow host: its fake guests take this long to spawn, so that a build can be caught midway. */
	static final String SLOW_HOST = "compute-2";

	static final Duration SLOW_SPAWN = Duration.ofSeconds(10);

	// static: JUnit fills instance fields only after @BeforeAll, even with one instance per class
	@TempDir
	static Path workDir;

	MultiHostSuite suite;

	SuiteClient admin;

	String networkId;

	String flavor;

	String image;

	abstract String transport();

	@BeforeAll
	void startTheHosts() throws Exception {
		HostTools.require("root".equals(System.getProperty("user.name")),
				"the multi-host tests need root (network namespaces, a bridge, veth pairs)");
		this.suite = MultiHostSuite.start(transport(), workDir, 2,
				List.of("--nova.service.report-interval=" + REPORT_INTERVAL.toSeconds() + "s",
						"--nova.service.down-time=" + DOWN_TIME.toSeconds() + "s",
						// a grace long enough for a busy machine's scheduling: a build not yet given
						// a host when the grace ends counts as never scheduled
						"--nova.compute.dead-host-grace=10s", "--nova.compute.dead-host-check-interval=1s"),
				Map.of(SLOW_HOST, List.of("--nova.compute.fake.spawn-delay=" + SLOW_SPAWN.toSeconds() + "s")));
		this.admin = SuiteClient.login(api(), "admin", MultiHostSuite.ADMIN_PASSWORD, "admin");
		this.networkId = this.admin.post(this.suite.network(), "/v2.0/networks", "{\"network\": {\"name\": \"mh-net\"}}")
			.expect(201)
			.read("$.network.id");
		this.admin.post(this.suite.network(), "/v2.0/subnets", """
				{"subnet": {"network_id": "%s", "cidr": "10.30.0.0/24", "ip_version": 4}}""".formatted(this.networkId))
			.expect(201);
		this.flavor = this.admin.get(api(), "/v2.1/flavors").expect(200).read("$.flavors[0].id");
		this.image = this.admin.get(api(), "/image/v2/images").expect(200).read("$.images[0].id");
	}

	@AfterAll
	void stopTheHosts() {
		if (this.suite != null) {
			this.suite.close();
		}
	}

	@Test
	@Order(1)
	void serversSpreadOverTheComputeHostsGetAddressesAndVolumesAndEveryHostShowsTheSame() throws Exception {
		String project = this.admin.projectId();
		String volumeId = this.admin
			.post(this.suite.volume(), "/v3/" + project + "/volumes", "{\"volume\": {\"size\": 1, \"name\": \"mh-vol\"}}")
			.expect(202)
			.read("$.volume.id");
		awaitValue(() -> this.admin.get(this.suite.volume(), "/v3/" + project + "/volumes/" + volumeId)
			.read("$.volume.status"), "available");

		List<String> servers = new ArrayList<>();
		for (int i = 0; i < 4; i++) {
			servers.add(boot(api(), "spread-" + i, (i == 0) ? volumeId : null));
		}
		Set<String> hosts = new HashSet<>();
		Set<String> addresses = new HashSet<>();
		for (String server : servers) {
			awaitActive(server);
			hosts.add(hostOf(server));
			List<String> fixed = this.admin.get(api(), "/v2.1/servers/" + server)
				.expect(200)
				.read("$.server.addresses['mh-net'][*].addr");
			assertThat(fixed).singleElement().asString().startsWith("10.30.0.");
			addresses.add(fixed.get(0));
		}
		assertThat(hosts).containsExactlyInAnyOrderElementsOf(this.suite.computeHosts());
		assertThat(addresses).hasSize(servers.size());
		Response volume = this.admin.get(this.suite.volume(), "/v3/" + project + "/volumes/" + volumeId).expect(200);
		assertThat(volume.<String>read("$.volume.status")).isEqualTo("in-use");
		assertThat(volume.<List<String>>read("$.volume.attachments[*].server_id")).containsExactly(servers.get(0));

		// every compute host's API tells the same story: the services, the hypervisors, the servers
		for (String host : this.suite.computeHosts()) {
			SuiteProcess api = this.suite.compute(host);
			Response services = this.admin.get(api, "/v2.1/os-services").expect(200);
			for (String compute : this.suite.computeHosts()) {
				assertThat(services.<List<String>>read(
						"$.services[?(@.host == '" + compute + "' && @.binary == 'nova-compute')].state"))
					.containsExactly("up");
			}
			assertThat(services.<List<String>>read("$.services[?(@.host == 'controller')].binary"))
				.contains("nova-network", "nova-volume");
			Response hypervisors = this.admin.get(api, "/v2.1/os-hypervisors/detail").expect(200);
			assertThat(hypervisors.<List<String>>read("$.hypervisors[*].hypervisor_hostname"))
				.containsExactlyInAnyOrderElementsOf(this.suite.computeHosts());
			assertThat(hypervisors.<List<String>>read("$.hypervisors[*].state")).containsOnly("up");
			assertThat(hypervisors.<List<Integer>>read("$.hypervisors[*].running_vms").stream()
				.mapToInt(Integer::intValue)
				.sum()).isGreaterThanOrEqualTo(servers.size());
			assertThat(this.admin.get(api, "/v2.1/servers/" + servers.get(0) + "/os-volume_attachments")
				.expect(200)
				.<List<String>>read("$.volumeAttachments[*].volumeId")).containsExactly(volumeId);
		}
		// the advertised addresses are where the other hosts reach each service
		assertThat(this.suite.database()
			.queryForList("SELECT rpc_endpoint FROM services WHERE deleted = 0 AND \"binary\" = 'nova-compute'", String.class))
			.containsExactlyInAnyOrderElementsOf(this.suite.computeHosts()
				.stream()
				.map((host) -> "http://" + this.suite.address(host) + ":8774")
				.toList());
	}

	/**
	 * After every transport's own scenarios, with every host up: a cold migration carries a
	 * server's volume attachment and port binding to the other host and keeps its
	 * addresses; a confirm leaves it there, a revert brings it back.
	 */
	@Test
	@Order(10)
	void aColdMigrationTakesTheServersVolumeAndPortToTheOtherHostAndARevertBringsThemBack() throws Exception {
		String server = runningServerWithAVolume();
		String volumeId = volumesOf(server).get(0);
		String source = hostOf(server);
		String destination = otherComputeHost(source);
		Object addresses = server(server).read("$.server.addresses");

		// a migrate names no host below 2.56 (this suite serves up to 2.53): the scheduler picks
		// one, never the server's own
		timed("migrate from " + source + " to " + destination + " until VERIFY_RESIZE", () -> {
			action(server, "{\"migrate\": null}").expect(202);
			awaitStatus(server, "VERIFY_RESIZE");
		});
		assertThat(hostOf(server)).isEqualTo(destination);
		assertMovedWith(server, volumeId, destination, addresses);
		assertThat(migrationOf(api(), server, "migration")).containsEntry("status", "finished")
			.containsEntry("source_compute", source)
			.containsEntry("dest_compute", destination);

		// Nova answers a confirm with 204; the source drops the guest it kept for a revert
		timed("confirmResize on " + source + " until ACTIVE", () -> {
			action(server, "{\"confirmResize\": null}").expect(204);
			awaitStatus(server, "ACTIVE");
		});
		assertThat(hostOf(server)).isEqualTo(destination);
		assertThat(server(server).<Integer>read("$.server['OS-EXT-STS:power_state']")).isEqualTo(1);
		assertMovedWith(server, volumeId, destination, addresses);
		for (String host : this.suite.computeHosts()) {
			SuiteProcess api = this.suite.compute(host);
			awaitValue(() -> migrationOf(api, server, "migration").get("status"), "confirmed");
			assertThat(migrationOf(api, server, "migration")).containsEntry("source_compute", source)
				.containsEntry("dest_compute", destination);
		}

		// and back, naming a host (not looked at below 2.56), then reverted: where it was
		timed("migrate from " + destination + " to " + source + " until VERIFY_RESIZE", () -> {
			action(server, "{\"migrate\": {\"host\": \"" + source + "\"}}").expect(202);
			awaitStatus(server, "VERIFY_RESIZE");
		});
		assertThat(hostOf(server)).isEqualTo(source);
		assertMovedWith(server, volumeId, source, addresses);
		timed("revertResize to " + destination + " until ACTIVE", () -> {
			action(server, "{\"revertResize\": null}").expect(202);
			awaitStatus(server, "ACTIVE");
		});
		assertThat(hostOf(server)).isEqualTo(destination);
		assertThat(server(server).<Integer>read("$.server['OS-EXT-STS:power_state']")).isEqualTo(1);
		assertMovedWith(server, volumeId, destination, addresses);
		awaitValue(() -> migrationOf(api(), server, "migration").get("status"), "reverted");
		assertThat(migrationOf(api(), server, "migration")).containsEntry("source_compute", destination)
			.containsEntry("dest_compute", source);
	}

	/**
	 * A live migration (the {@code fake} driver's stand-in: the guest is never powered off)
	 * to the host the scheduler picks and back to a named one: the server stays ACTIVE and
	 * running, its volume and port follow it, every host lists the completed moves.
	 */
	@Test
	@Order(11)
	void aLiveMigrationMovesARunningServerWithItsVolumeAndPortAndBackToANamedHost() throws Exception {
		String server = runningServerWithAVolume();
		String volumeId = volumesOf(server).get(0);
		String source = hostOf(server);
		String destination = otherComputeHost(source);
		Object addresses = server(server).read("$.server.addresses");

		timed("live migration from " + source + " to " + destination + " until ACTIVE", () -> {
			action(server, "{\"os-migrateLive\": {\"host\": null, \"block_migration\": \"auto\"}}").expect(202);
			awaitValue(() -> hostOf(server), destination);
			awaitStatus(server, "ACTIVE");
		});
		assertThat(server(server).<Integer>read("$.server['OS-EXT-STS:power_state']")).isEqualTo(1);
		assertMovedWith(server, volumeId, destination, addresses);
		for (String host : this.suite.computeHosts()) {
			SuiteProcess api = this.suite.compute(host);
			awaitValue(() -> migrationOf(api, server, "live-migration").get("status"), "completed");
			assertThat(migrationOf(api, server, "live-migration")).containsEntry("source_compute", source)
				.containsEntry("dest_compute", destination);
		}

		timed("live migration back to the named host " + source + " until ACTIVE", () -> {
			action(server, "{\"os-migrateLive\": {\"host\": \"" + source + "\", \"block_migration\": \"auto\"}}")
				.expect(202);
			awaitValue(() -> hostOf(server), source);
			awaitStatus(server, "ACTIVE");
		});
		assertThat(server(server).<Integer>read("$.server['OS-EXT-STS:power_state']")).isEqualTo(1);
		assertMovedWith(server, volumeId, source, addresses);
		awaitValue(() -> migrationOf(api(), server, "live-migration").get("dest_compute"), source);
		assertThat(migrationOf(api(), server, "live-migration")).containsEntry("status", "completed");
	}

	// ---- helpers for scenarios ---------------------------------------------------------------

	/** The highest microversion the suite serves: {@code migration_type} in os-migrations from 2.23. */
	static final String COMPUTE_VERSION = "2.53";

	/** The Compute API a user uses: the first compute host's. */
	SuiteProcess api() {
		return this.suite.compute("compute-1");
	}

	String otherComputeHost(String host) {
		return this.suite.computeHosts().stream().filter((other) -> !other.equals(host)).findFirst().orElseThrow();
	}

	/** Asks for a server (202) without waiting for it. */
	String boot(SuiteProcess api, String name, String volumeId) throws Exception {
		String volumes = (volumeId == null) ? "" : """
				, "block_device_mapping_v2": [{"uuid": "%s", "source_type": "volume",
				   "destination_type": "volume", "boot_index": -1}]""".formatted(volumeId);
		return this.admin.post(api, "/v2.1/servers", """
				{"server": {"name": "%s", "flavorRef": "%s", "imageRef": "%s",
				            "networks": [{"uuid": "%s"}]%s}}""".formatted(name, this.flavor, this.image,
				this.networkId, volumes))
			.expect(202)
			.read("$.server.id");
	}

	void awaitActive(String server) {
		await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(250)).until(() -> {
			Response shown = this.admin.get(api(), "/v2.1/servers/" + server).expect(200);
			String status = shown.read("$.server.status");
			if ("ERROR".equals(status)) {
				throw new AssertionError("server " + server + " failed: " + shown.body());
			}
			return "ACTIVE".equals(status);
		});
	}

	/** Waits, polling quickly, until the server shows {@code status} with no task. */
	void awaitStatus(String server, String status) {
		await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).until(() -> {
			Response shown = server(server);
			String now = shown.read("$.server.status");
			if ("ERROR".equals(now) && !"ERROR".equals(status)) {
				throw new AssertionError("server " + server + " failed: " + shown.body());
			}
			return status.equals(now) && shown.read("$.server['OS-EXT-STS:task_state']") == null;
		});
	}

	/** A server action as an admin at the highest microversion. */
	Response action(String server, String body) throws Exception {
		return this.admin.atComputeVersion(COMPUTE_VERSION).post(api(), "/v2.1/servers/" + server + "/action", body);
	}

	/** An active server, its guest running, with a volume attached: one the scenarios before left. */
	String runningServerWithAVolume() throws Exception {
		List<Map<String, Object>> running = this.admin.get(api(), "/v2.1/servers/detail")
			.expect(200)
			.read("$.servers[?(@.status == 'ACTIVE' && @['OS-EXT-STS:power_state'] == 1)]");
		return running.stream()
			.filter((server) -> !((List<?>) server.get("os-extended-volumes:volumes_attached")).isEmpty())
			.map((server) -> (String) server.get("id"))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no running server with a volume is left to move"));
	}

	/** A new volume attached to the server; waits until the volume is in use. */
	String attachNewVolume(String server) throws Exception {
		String project = this.admin.projectId();
		String volumeId = this.admin
			.post(this.suite.volume(), "/v3/" + project + "/volumes", "{\"volume\": {\"size\": 1}}")
			.expect(202)
			.read("$.volume.id");
		awaitValue(() -> this.admin.get(this.suite.volume(), "/v3/" + project + "/volumes/" + volumeId)
			.read("$.volume.status"), "available");
		this.admin.post(api(), "/v2.1/servers/" + server + "/os-volume_attachments", """
				{"volumeAttachment": {"volumeId": "%s"}}""".formatted(volumeId)).expect(200);
		awaitValue(() -> this.admin.get(this.suite.volume(), "/v3/" + project + "/volumes/" + volumeId)
			.read("$.volume.status"), "in-use");
		return volumeId;
	}

	List<String> volumesOf(String server) throws Exception {
		return this.admin.get(api(), "/v2.1/servers/" + server + "/os-volume_attachments")
			.expect(200)
			.read("$.volumeAttachments[*].volumeId");
	}

	/**
	 * What a move takes with the server, as every service shows it: its addresses, its
	 * volume (attached to it, on {@code host} as Cinder's attachment says) and its port
	 * (bound to {@code host}).
	 */
	void assertMovedWith(String server, String volumeId, String host, Object addresses) throws Exception {
		assertThat(server(server).<Object>read("$.server.addresses")).isEqualTo(addresses);
		assertThat(volumesOf(server)).contains(volumeId);
		Response volume = this.admin
			.get(this.suite.volume(), "/v3/" + this.admin.projectId() + "/volumes/" + volumeId)
			.expect(200);
		assertThat(volume.<String>read("$.volume.status")).isEqualTo("in-use");
		assertThat(volume.<List<String>>read("$.volume.attachments[*].server_id")).containsExactly(server);
		assertThat(volume.<List<String>>read("$.volume.attachments[*].host_name")).containsExactly(host);
		List<String> bindings = this.admin.get(this.suite.network(), "/v2.0/ports?device_id=" + server)
			.expect(200)
			.read("$.ports[*]['binding:host_id']");
		assertThat(bindings).isNotEmpty().containsOnly(host);
	}

	/** The server's newest migration of {@code type} as {@code api}'s os-migrations lists it. */
	Map<String, Object> migrationOf(SuiteProcess api, String server, String type) throws Exception {
		List<Map<String, Object>> rows = this.admin.atComputeVersion(COMPUTE_VERSION)
			.get(api, "/v2.1/os-migrations?instance_uuid=" + server + "&migration_type=" + type)
			.expect(200)
			.read("$.migrations[*]");
		assertThat(rows).isNotEmpty();
		return rows.get(0);
	}

	/** Runs a case and says in the test's output how long it took (what the report of a run quotes). */
	Duration timed(String what, Step step) throws Exception {
		long start = System.nanoTime();
		step.run();
		Duration took = Duration.ofNanos(System.nanoTime() - start);
		System.out.println(transport() + ": " + what + " took " + took.toMillis() + " ms");
		return took;
	}

	Response server(String server) throws Exception {
		return this.admin.get(api(), "/v2.1/servers/" + server).expect(200);
	}

	String hostOf(String server) throws Exception {
		return server(server).read("$.server['OS-EXT-SRV-ATTR:host']");
	}

	/** {@code up} or {@code down}: the compute service of {@code host} as {@code api} shows it. */
	String serviceState(SuiteProcess api, String host) throws Exception {
		List<String> states = this.admin.get(api, "/v2.1/os-services?host=" + host + "&binary=nova-compute")
			.expect(200)
			.read("$.services[*].state");
		assertThat(states).hasSize(1);
		return states.get(0);
	}

	/** Disables or enables the compute service of {@code host}, as an operator draining it does. */
	void setEnabled(String host, boolean enabled) throws Exception {
		this.admin.put(api(), "/v2.1/os-services/" + (enabled ? "enable" : "disable"), """
				{"host": "%s", "binary": "nova-compute"}""".formatted(host)).expect(200);
	}

	/**
	 * Waits until {@code api} shows the compute service of {@code host} in {@code state},
	 * and says how long that took in the test's output (what the report of a run quotes).
	 */
	Duration awaitServiceState(SuiteProcess api, String host, String state, Duration atMost) {
		long start = System.nanoTime();
		await().atMost(atMost).pollInterval(Duration.ofMillis(200)).until(() -> state.equals(serviceState(api, host)));
		Duration took = Duration.ofNanos(System.nanoTime() - start);
		System.out.println(transport() + ": " + host + " seen " + state + " after " + took.toMillis() + " ms");
		return took;
	}

	/** A case of a scenario, timed by {@link #timed}. */
	@FunctionalInterface
	interface Step {

		void run() throws Exception;

	}

	/** Waits until {@code value} is {@code expected}, which may be {@code null} (a task state that ended). */
	static void awaitValue(Callable<Object> value, Object expected) {
		// a Matcher, not a Predicate: Awaitility wraps a Predicate in a TypeSafeMatcher, which never matches null
		await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).until(value, equalTo(expected));
	}

}
