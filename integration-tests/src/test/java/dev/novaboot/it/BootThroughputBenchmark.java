package dev.novaboot.it;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import dev.novaboot.it.SuiteClient.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Servers booted per second end to end (API, scheduler, compute host, network allocation
 * over RPC, fake driver) with one and then two compute hosts. A benchmark, not a test:
 * failsafe runs it only when named:
 * <pre>
 * ./mvnw -B -ntp -q verify -pl integration-tests -am -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=BootThroughputBenchmark
 * </pre>
 * Results go to {@code target/boot-throughput.txt} and into BENCHMARKS.md by hand.
 */
class BootThroughputBenchmark {

	private static final int SERVERS = Integer.getInteger("boot.servers", 60);

	private static final int CLIENTS = Integer.getInteger("boot.clients", 8);

	@Test
	void serversBootedPerSecondWithOneAndTwoComputeHosts(@TempDir Path workDir) throws Exception {
		StringBuilder results = new StringBuilder();
		// the project's quota (10 servers by default) would stop the rounds: unlimited, as an operator sets it
		List<String> unlimited = List.of("--nova.quota.instances=-1", "--nova.quota.cores=-1", "--nova.quota.ram=-1");
		try (Suite suite = Suite.start(workDir, Map.of("compute", unlimited))) {
			SuiteClient admin = SuiteClient.login(suite.app("compute"), "admin", Suite.ADMIN_PASSWORD, "admin");
			SuiteProcess network = suite.app("network");
			String networkId = admin.post(network, "/v2.0/networks", "{\"network\": {\"name\": \"bench-net\"}}")
				.expect(201)
				.read("$.network.id");
			admin.post(network, "/v2.0/subnets", """
					{"subnet": {"network_id": "%s", "cidr": "10.30.0.0/22", "ip_version": 4}}""".formatted(networkId))
				.expect(201);

			results.append(round(admin, suite.app("compute"), networkId, "1 compute host")).append('\n');
			suite.startMore("compute", "compute-2", "127.0.0.14", unlimited);
			results.append(round(admin, suite.app("compute"), networkId, "2 compute hosts")).append('\n');
		}
		System.out.println(results);
		java.nio.file.Files.writeString(Path.of("target", "boot-throughput.txt"), results);
	}

	/** Boots SERVERS servers with CLIENTS concurrent users, waits for all ACTIVE, deletes them. */
	private static String round(SuiteClient admin, SuiteProcess compute, String networkId, String label)
			throws Exception {
		String flavor = admin.get(compute, "/v2.1/flavors").expect(200).read("$.flavors[0].id");
		String image = admin.get(compute, "/image/v2/images").expect(200).read("$.images[0].id");
		Set<String> hosts = ConcurrentHashMap.newKeySet();
		Set<String> addresses = ConcurrentHashMap.newKeySet();
		ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
		long started = System.nanoTime();
		List<Future<String>> boots = new ArrayList<>();
		for (int i = 0; i < SERVERS; i++) {
			String name = "bench-" + i;
			boots.add(clients.submit(() -> {
				String id = admin.post(compute, "/v2.1/servers", """
						{"server": {"name": "%s", "flavorRef": "%s", "imageRef": "%s", "networks": [{"uuid": "%s"}]}}"""
					.formatted(name, flavor, image, networkId)).expect(202).read("$.server.id");
				while (true) {
					Response server = admin.get(compute, "/v2.1/servers/" + id).expect(200);
					String status = server.read("$.server.status");
					if ("ACTIVE".equals(status)) {
						hosts.add(server.read("$.server['OS-EXT-SRV-ATTR:host']"));
						List<String> addrs = server.read("$.server.addresses['bench-net'][*].addr");
						addresses.addAll(addrs);
						return id;
					}
					if ("ERROR".equals(status)) {
						throw new AssertionError(server.body());
					}
					Thread.sleep(20);
				}
			}));
		}
		List<String> ids = new ArrayList<>();
		for (Future<String> boot : boots) {
			ids.add(boot.get(5, TimeUnit.MINUTES));
		}
		double seconds = (System.nanoTime() - started) / 1e9;
		for (String id : ids) {
			admin.delete(compute, "/v2.1/servers/" + id).expect(204);
		}
		for (String id : ids) {
			while (admin.get(compute, "/v2.1/servers/" + id).status() != 404) {
				Thread.sleep(50);
			}
		}
		clients.shutdown();
		assertThat(addresses).as("distinct addresses").hasSize(SERVERS);
		return String.format("| %s | %d servers, %d clients | %.1f s | %.1f servers/s | hosts used: %s |", label,
				SERVERS, CLIENTS, seconds, SERVERS / seconds, hosts);
	}

}
