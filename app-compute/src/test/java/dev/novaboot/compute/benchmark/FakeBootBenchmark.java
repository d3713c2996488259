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
import java.util.concurrent.atomic.LongAdder;
import java.util.Locale;
import java.util.TreeMap;

import dev.novaboot.compute.manager.ComputeImages;
import dev.novaboot.service.rpc.RpcObserver;
import dev.novaboot.service.testsupport.StatementTally;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureTestRestTemplate;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.context.ContextConfiguration;

/**
 * Servers booted per second with the fake driver through the API on one host, no network
 * service (the boots ask for no network, so no RPC: the host's own manager is reached
 * in-process): 8 clients each boot servers and poll them to ACTIVE.
 * Not a test (surefire does not pick up {@code *Benchmark}); run it with
 * {@code ./mvnw -B -ntp -q -pl app-compute -am test -Dtest=FakeBootBenchmark -Dsurefire.failIfNoSpecifiedTests=false};
 * the result goes to {@code app-compute/target/benchmarks.txt}.
 * <p>
 * Besides the rate it counts, per server booted (POST to ACTIVE), the SQL statements and
 * transactions the app sent ({@link StatementTally} around its {@code DataSource}) and the
 * RPC round trips it made ({@code nova.rpc} client-side timers, by topic and method). The
 * benchmark's own status polls are not part of a boot: their cost is measured apart (GETs
 * of one ACTIVE server) and subtracted, as is the background (heartbeats, periodic tasks),
 * measured over an idle interval as long as the boots took.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.datasource.url=jdbc:h2:mem:nova-compute-bench;DB_CLOSE_DELAY=-1", "nova.host=bench-host",
				"nova.compute.fake.vcpus=1000", "nova.compute.local.cidr=10.0.0.0/16", "nova.compute.fake.memory-mb=800000", "nova.compute.fake.local-gb=600000",
				"logging.level.dev.novaboot=warn",
				// 400 servers in one project: far above the default quota (10 instances)
				"nova.quota.instances=-1", "nova.quota.cores=-1", "nova.quota.ram=-1",
				// the periodic tasks (every 60 s, each a pass over all ~400 instances) not during the run: a pass
				// falls in the boot window or in the idle one by chance and would blur the counts per boot
				"nova.compute.sync-power-state-interval=1h", "nova.compute.update-resources-interval=1h",
				"nova.compute.dead-host-check-interval=1h" })
@AutoConfigureTestRestTemplate
@ContextConfiguration(initializers = FakeBootBenchmark.Tally.class)
class FakeBootBenchmark {

	static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {
	};

	static final int CLIENTS = 8;

	static final int SERVERS_PER_CLIENT = 50;

	/** GETs of one ACTIVE server to measure what one status poll costs. */
	static final int POLL_SAMPLES = 200;

	@Autowired
	TestRestTemplate http;

	@Autowired
	Tally tally;

	@Autowired
	MeterRegistry meters;

	private final LongAdder polls = new LongAdder();

	@Test
	void serversPerSecond() throws Exception {
		bootAll(2); // warm-up: JIT, connection pool, first queries
		Thread.sleep(1000); // the warm-up's last transactions out of the window
		Counts before = counts();
		long pollsBefore = this.polls.sum();
		long start = System.nanoTime();
		int booted = bootAll(SERVERS_PER_CLIENT);
		double seconds = (System.nanoTime() - start) / 1e9;
		long pollCount = this.polls.sum() - pollsBefore;
		Thread.sleep(1000); // work that follows ACTIVE (instance actions, events) inside the window
		Counts boots = counts().minus(before);
		// the background over an interval as long as the boot window
		Counts idleStart = counts();
		Thread.sleep(boots.millis());
		Counts idle = counts().minus(idleStart);
		Counts pollCost = pollCost();
		Counts perBoot = boots.minus(idle.scaledTo(boots.millis()))
			.minus(pollCost.minus(idle.scaledTo(pollCost.millis())).times(pollCount / (double) POLL_SAMPLES));
		StringBuilder out = new StringBuilder(String.format(Locale.ROOT,
				"fake driver, 1 host, %d clients: %d servers ACTIVE in %.2f s = %.1f servers/s%n", CLIENTS, booted,
				seconds, booted / seconds));
		out.append(String.format(Locale.ROOT,
				"  per boot (POST to ACTIVE; %d status polls = %.1f per boot and the background subtracted): "
						+ "%.1f statements in %.1f transactions, %.2f RPC round trips %s%n",
				pollCount, pollCount / (double) booted, perBoot.statements() / booted,
				perBoot.transactions() / booted, perBoot.rpcTotal() / booted, perBoot.rpcPer(booted)));
		out.append(String.format(Locale.ROOT,
				"  raw window %.1f s: %.0f statements, %.0f transactions, RPC %s; idle %.1f s: %.0f statements, "
						+ "%.0f transactions, RPC %s; one status poll: %.2f statements, %.2f transactions%n",
				boots.millis() / 1e3, boots.statements(), boots.transactions(), boots.rpc(), idle.millis() / 1e3,
				idle.statements(), idle.transactions(), idle.rpc(),
				pollCost.minus(idle.scaledTo(pollCost.millis())).statements() / POLL_SAMPLES,
				pollCost.minus(idle.scaledTo(pollCost.millis())).transactions() / POLL_SAMPLES));
		System.out.print(out);
		Files.writeString(Path.of("target/benchmarks.txt"), out, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
	}

	/** What POLL_SAMPLES GETs of one ACTIVE server cost, background included. */
	@SuppressWarnings("unchecked")
	private Counts pollCost() {
		Map<String, Object> body = Map.of("server", Map.of("name", "poll", "flavorRef", "1", "imageRef",
				ComputeImages.idOf("cirros-0.6.2-x86_64-disk")));
		String id = (String) ((Map<String, Object>) this.http
			.exchange("/v2.1/servers", HttpMethod.POST, new HttpEntity<>(body, headers()), JSON)
			.getBody()
			.get("server")).get("id");
		try {
			awaitActive(id);
			Thread.sleep(1000);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
		Counts start = counts();
		for (int i = 0; i < POLL_SAMPLES; i++) {
			this.http.exchange("/v2.1/servers/" + id, HttpMethod.GET, new HttpEntity<>(headers()), JSON);
		}
		return counts().minus(start);
	}

	private Counts counts() {
		Map<String, Double> rpc = new TreeMap<>();
		for (Timer timer : this.meters.find(RpcObserver.METRIC).tag("side", "client").timers()) {
			rpc.merge(timer.getId().getTag("topic") + "." + timer.getId().getTag("method") + "("
					+ timer.getId().getTag("kind") + ")", (double) timer.count(), Double::sum);
		}
		return new Counts(System.nanoTime() / 1_000_000, this.tally.statements(), this.tally.transactions(), rpc);
	}

	/** Totals at a moment, or the difference of two: statements, transactions, RPCs by topic.method(kind). */
	record Counts(long millis, double statements, double transactions, Map<String, Double> rpcs) {

		Counts minus(Counts earlier) {
			Map<String, Double> rpc = new TreeMap<>(this.rpcs);
			earlier.rpcs.forEach((key, count) -> rpc.merge(key, -count, Double::sum));
			return new Counts(this.millis - earlier.millis, this.statements - earlier.statements,
					this.transactions - earlier.transactions, rpc);
		}

		Counts times(double factor) {
			Map<String, Double> rpc = new TreeMap<>();
			this.rpcs.forEach((key, count) -> rpc.put(key, count * factor));
			return new Counts((long) (this.millis * factor), this.statements * factor, this.transactions * factor,
					rpc);
		}

		/** This interval's counts as if it had lasted {@code otherMillis}. */
		Counts scaledTo(long otherMillis) {
			return times(otherMillis / (double) Math.max(1, this.millis));
		}

		double rpcTotal() {
			return this.rpcs.values().stream().mapToDouble(Double::doubleValue).sum();
		}

		String rpc() {
			StringBuilder out = new StringBuilder("{");
			this.rpcs.forEach((key, count) -> out.append(out.length() > 1 ? ", " : "")
				.append(String.format(Locale.ROOT, "%s %.0f", key, count)));
			return out.append('}').toString();
		}

		String rpcPer(int boots) {
			StringBuilder out = new StringBuilder("{");
			this.rpcs.forEach((key, count) -> out.append(out.length() > 1 ? ", " : "")
				.append(String.format(Locale.ROOT, "%s %.2f", key, count / boots)));
			return out.append('}').toString();
		}

	}

	/** The statement tally, also registered as a bean so that the benchmark can read it. */
	static class Tally extends StatementTally {

		@Override
		public void initialize(ConfigurableApplicationContext context) {
			super.initialize(context);
			context.getBeanFactory().registerSingleton("benchmarkStatementTally", this);
		}

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
			awaitActive(id);
		}
		return ids.size();
	}

	@SuppressWarnings("unchecked")
	private void awaitActive(String id) throws InterruptedException {
		while (true) {
			this.polls.increment();
			Map<String, Object> server = (Map<String, Object>) this.http
				.exchange("/v2.1/servers/" + id, HttpMethod.GET, new HttpEntity<>(headers()), JSON)
				.getBody()
				.get("server");
			if ("ACTIVE".equals(server.get("status"))) {
				return;
			}
			if ("ERROR".equals(server.get("status"))) {
				throw new IllegalStateException("Server went to ERROR: " + server.get("fault"));
			}
			Thread.sleep(20);
		}
	}

	private static HttpHeaders headers() {
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.APPLICATION_JSON);
		headers.set("X-Project-Id", "bench");
		headers.set("X-Roles", "member");
		return headers;
	}

}
