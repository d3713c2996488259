package dev.novaboot.compute.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import dev.novaboot.compute.manager.ComputeImages;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureTestRestTemplate;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;

/**
 * Servers booted per second with the fake driver through the API on one host, network
 * allocation (in-process) included: 8 clients each boot servers and poll them to ACTIVE.
 * Not a test (surefire does not pick up {@code *Benchmark}); run it with
 * {@code ./mvnw -B -ntp -q -pl app-compute -am test -Dtest=FakeBootBenchmark -Dsurefire.failIfNoSpecifiedTests=false};
 * the result goes to {@code app-compute/target/benchmarks.txt}.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.datasource.url=jdbc:h2:mem:nova-compute-bench;DB_CLOSE_DELAY=-1", "nova.host=bench-host",
				"nova.compute.fake.vcpus=1000", "nova.compute.local.cidr=10.0.0.0/16", "nova.compute.fake.memory-mb=800000", "nova.compute.fake.local-gb=600000",
				"logging.level.dev.novaboot=warn",
				// 400 servers in one project: far above the default quota (10 instances)
				"nova.quota.instances=-1", "nova.quota.cores=-1", "nova.quota.ram=-1" })
@AutoConfigureTestRestTemplate
class FakeBootBenchmark {

	static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {
	};

	static final int CLIENTS = 8;

	static final int SERVERS_PER_CLIENT = 50;

	@Autowired
	TestRestTemplate http;

	@Test
	void serversPerSecond() throws Exception {
		bootAll(2); // warm-up: JIT, connection pool, first queries
		long start = System.nanoTime();
		int booted = bootAll(SERVERS_PER_CLIENT);
		double seconds = (System.nanoTime() - start) / 1e9;
		String line = String.format("fake driver, 1 host, %d clients: %d servers ACTIVE in %.2f s = %.1f servers/s%n",
				CLIENTS, booted, seconds, booted / seconds);
		System.out.print(line);
		Files.writeString(Path.of("target/benchmarks.txt"), line, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
	}

	private int bootAll(int perClient) throws Exception {
		ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
		try {
			List<Future<Integer>> results = new ArrayList<>();
			for (int c = 0; c < CLIENTS; c++) {
				results.add(clients.submit(() -> boot(perClient)));
			}
			int total = 0;
			for (Future<Integer> result : results) {
				total += result.get();
			}
			return total;
		}
		finally {
			clients.shutdown();
		}
	}

	@SuppressWarnings("unchecked")
	private int boot(int count) throws InterruptedException {
		List<String> ids = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			Map<String, Object> body = Map.of("server", Map.of("name", "bench", "flavorRef", "1", "imageRef",
					ComputeImages.idOf("cirros-0.6.2-x86_64-disk")));
			Map<String, Object> created = this.http
				.exchange("/v2.1/servers", HttpMethod.POST, new HttpEntity<>(body, headers()), JSON)
				.getBody();
			if (!created.containsKey("server")) {
				throw new IllegalStateException("Boot refused: " + created);
			}
			ids.add((String) ((Map<String, Object>) created.get("server")).get("id"));
		}
		for (String id : ids) {
			while (true) {
				Map<String, Object> server = (Map<String, Object>) this.http
					.exchange("/v2.1/servers/" + id, HttpMethod.GET, new HttpEntity<>(headers()), JSON)
					.getBody()
					.get("server");
				if ("ACTIVE".equals(server.get("status"))) {
					break;
				}
				if ("ERROR".equals(server.get("status"))) {
					throw new IllegalStateException("Server went to ERROR: " + server.get("fault"));
				}
				Thread.sleep(20);
			}
		}
		return ids.size();
	}

	private static HttpHeaders headers() {
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.APPLICATION_JSON);
		headers.set("X-Project-Id", "bench");
		headers.set("X-Roles", "member");
		return headers;
	}

}
