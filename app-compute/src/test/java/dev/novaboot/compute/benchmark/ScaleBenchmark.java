package dev.novaboot.compute.benchmark;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import jakarta.persistence.EntityManager;

import com.sun.management.OperatingSystemMXBean;

import dev.novaboot.compute.manager.ComputeImages;
import dev.novaboot.compute.manager.InstanceStates;
import dev.novaboot.compute.manager.Scheduler;
import dev.novaboot.compute.store.ComputeNode;
import dev.novaboot.compute.store.ComputeNodeRepository;
import dev.novaboot.service.ServiceIdentity;
import dev.novaboot.service.ServiceProperties;
import dev.novaboot.service.group.ServiceGroup;
import dev.novaboot.service.record.DatabaseClock;
import dev.novaboot.service.record.Heartbeat;
import dev.novaboot.service.record.ServiceRecord;
import dev.novaboot.service.record.ServiceRecordRepository;
import dev.novaboot.service.record.ServiceRegistrar;
import dev.novaboot.service.testsupport.StatementCounter;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureTestRestTemplate;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.context.annotation.Import;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The scale harness of issue 17: N simulated services (each its own row in
 * {@code services}, registered by the project's {@link ServiceRegistrar} and reporting
 * through the project's {@link Heartbeat} every {@code nova.service.report-interval}, with
 * jitter) heartbeat into one real PostgreSQL while the real nova-compute of this JVM
 * serves {@code os-services} and boots servers (fake driver). It reports heartbeat write
 * latency, the database's transactions per second, false "down" verdicts (a simulated
 * service that the service group's SQL judges down while it heartbeats), os-services and
 * boot latency, the scheduler's statements, and this JVM's CPU; and, side by side, the
 * scheduler and os-services of the code before issue 17 (reimplemented below from
 * {@code main} at {@code f60051a}) at 1,000 and 10,000 hosts.
 * <p>
 * Not a test (surefire does not pick up {@code *Benchmark}). Run it through
 * {@code benchmarks/scale.sh} (creates the scratch database), or:
 * {@code ./mvnw -B -ntp -q -pl app-compute -am test -Dtest=ScaleBenchmark -Dsurefire.failIfNoSpecifiedTests=false
 * -Dscale.services=10000 -Dscale.duration=180s}; the report goes to stdout and to
 * {@code app-compute/target/scale-benchmark.md}.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.datasource.url=${scale.jdbc-url:jdbc:postgresql://127.0.0.1:5432/nova_scale}",
				"spring.datasource.username=postgres", "spring.datasource.password=",
				"spring.datasource.hikari.maximum-pool-size=${scale.pool:24}", "nova.host=scale-host",
				"nova.compute.fake.vcpus=100000", "nova.compute.fake.memory-mb=8000000",
				"nova.compute.fake.local-gb=6000000", "logging.level.dev.novaboot=warn",
				"logging.level.org.hibernate=warn" })
@AutoConfigureTestRestTemplate
@Import(StatementCounter.Configuration.class)
class ScaleBenchmark {

	static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {
	};

	@Value("${scale.services:10000}")
	int services;

	@Value("${scale.duration:180s}")
	Duration duration;

	/** The old scheduler reads every node with a query each: measured up to this many hosts only. */
	@Value("${scale.legacy-max:10000}")
	int legacyMax;

	@Value("${scale.heartbeat-threads:16}")
	int heartbeatThreads;

	Duration reportInterval;

	Duration downTime;

	@Autowired
	void intervals(ServiceProperties properties) {
		// the project's own heartbeat interval and down-time, as configured
		this.reportInterval = properties.reportInterval();
		this.downTime = properties.downTime();
	}

	@Autowired
	TestRestTemplate http;

	@Autowired
	ServiceRecordRepository repository;

	@Autowired
	ServiceRegistrar registrar;

	@Autowired
	ServiceGroup serviceGroup;

	@Autowired
	DatabaseClock clock;

	@Autowired
	Scheduler scheduler;

	@Autowired
	InstanceStates states;

	@Autowired
	ComputeNodeRepository nodes;

	@Autowired
	EntityManager entityManager;

	@Autowired
	TransactionTemplate transaction;

	@Autowired
	StatementCounter counter;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void heartbeatsAndRequestsAtScale() throws Exception {
		line("# scale run: %,d simulated services, %s of heartbeats every %s (down-time %s), %s", this.services,
				this.duration, this.reportInterval, this.downTime, load());
		line("boot to ACTIVE with 1 compute host: %.0f ms (median of 3)", median(3, this::bootMillis));

		// registration through the project's registrar, each stage heartbeating at once (a service
		// heartbeats from its start); the old and new code side by side at 1,000 and 10,000
		Run run = new Run();
		int registered = 0;
		for (int stage : new int[] { 1000, 10000, this.services }) {
			if (stage > this.services || stage <= registered) {
				continue;
			}
			long start = System.nanoTime();
			run.add(register(registered, stage));
			line("registered simulated services %,d..%,d in %.1f s, heartbeating from then on (%s)", registered + 1,
					stage, (System.nanoTime() - start) / 1e9, load());
			registered = stage;
			compare(stage);
		}

		// what autovacuum's analyze does some time after a bulk insert, done at once: without
		// fresh statistics the planner picks a poor plan for the candidate query
		long analyzeStart = System.nanoTime();
		this.jdbc.execute("ANALYZE");
		line("ANALYZE after registration: %.1f s", (System.nanoTime() - analyzeStart) / 1e9);

		// one report interval for the last ones to report once, then the measured time
		Thread.sleep(this.reportInterval.toMillis());
		run.begin();
		long end = System.nanoTime() + this.duration.toNanos();
		List<Double> servicesList = new ArrayList<>();
		List<Double> servicesByHost = new ArrayList<>();
		List<Double> boots = new ArrayList<>();
		List<Integer> decisions = new ArrayList<>();
		while (System.nanoTime() < end) {
			Thread.sleep(Math.min(10_000, Math.max(0, (end - System.nanoTime()) / 1_000_000)));
			servicesList.add(millis(() -> get("/v2.1/os-services")));
			servicesByHost.add(millis(() -> get("/v2.1/os-services?host=sim-" + (this.services / 2))));
			boots.add(bootMillis());
			decisions.add(this.counter.statements(() -> scheduleOne()));
		}
		run.stop();
		run.report();
		line("GET /v2.1/os-services (%,d rows) during the run: median %.0f ms, max %.0f ms (%d requests)",
				this.services + 1, median(servicesList), max(servicesList), servicesList.size());
		line("GET /v2.1/os-services?host= during the run: median %.1f ms, max %.1f ms", median(servicesByHost),
				max(servicesByHost));
		line("boot to ACTIVE with %,d compute hosts during the run: median %.0f ms, max %.0f ms (%d boots)",
				this.services + 1, median(boots), max(boots), boots.size());
		line("statements per scheduling decision during the run: %s", decisions);
		write();
	}

	// the old and the new code at the same host count: scheduler candidates and os-services
	private void compare(int hosts) {
		line("");
		line("## at %,d registered compute hosts (%s)", hosts + 1, load());
		if (hosts <= this.legacyMax) {
			// once: at 10,000 hosts one run takes minutes (the JIT is warm from the smaller stage before)
			long oldStart = System.nanoTime();
			StatementCounter.Counted<Integer> old = this.counter.counted(() -> this.legacyCandidates(1, 512, 1));
			line("scheduler, before (main f60051a): %,d statements, %.0f ms to find the candidates (%,d with room)",
					old.statements(), (System.nanoTime() - oldStart) / 1e6, old.result());
		}
		scheduleOne(); // warm-up
		long newStart = System.nanoTime();
		int newCount = this.counter.statements(this::scheduleOne);
		line("scheduler, after: %d statements, %.1f ms for the whole decision (lock and placement included)",
				newCount, (System.nanoTime() - newStart) / 1e6);
		double oldList = median(3, () -> millisOf(() -> this.legacyServicesByHost("sim-1")));
		double newList = median(3, () -> millisOf(() -> this.serviceGroup.states(null, "sim-1")));
		line("os-services?host=, before: %.1f ms (every row read, filtered in Java); after: %.1f ms (filtered in SQL)",
				oldList, newList);
		line("GET /v2.1/os-services (all rows): %.0f ms (median of 3)", median(3, () -> millis(() -> get("/v2.1/os-services"))));
	}

	// registers simulated services number from+1..to with the project's registrar, 16 at a time
	private List<Heartbeat> register(int from, int to) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(16);
		try {
			List<Future<Heartbeat>> started = new ArrayList<>();
			for (int i = from + 1; i <= to; i++) {
				String host = "sim-" + i;
				started.add(pool.submit(() -> {
					Heartbeat heartbeat = new Heartbeat(this.repository, this.registrar,
							new ServiceIdentity(host, "nova-compute", "compute", "nova"));
					heartbeat.start("http://127.0.0.1:9");
					return heartbeat;
				}));
			}
			List<Heartbeat> heartbeats = new ArrayList<>();
			for (Future<Heartbeat> heartbeat : started) {
				heartbeats.add(heartbeat.get());
			}
			addNodes(from, to);
			return heartbeats;
		}
		finally {
			pool.shutdown();
		}
	}

	// their compute nodes: room for instances, less free RAM than this host's, so that boots land here
	private void addNodes(int from, int to) {
		List<Object[]> rows = new ArrayList<>();
		Timestamp now = Timestamp.from(this.clock.now());
		for (int i = from + 1; i <= to; i++) {
			int memoryMb = 16384 + (i % 1000);
			rows.add(new Object[] { UUID.randomUUID().toString(), "sim-" + i, memoryMb, memoryMb * 1.5, now, now });
		}
		this.jdbc.batchUpdate("INSERT INTO compute_nodes (uuid, host, hypervisor_type, hypervisor_version, vcpus, "
				+ "memory_mb, local_gb, vcpus_used, memory_mb_used, local_gb_used, running_vms, cpu_allocation_ratio, "
				+ "ram_allocation_ratio, disk_allocation_ratio, free_ram_mb, created_at, updated_at) "
				+ "VALUES (?, ?, 'fake', '1.0', 8, ?, 100, 0, 0, 0, 0, 16.0, 1.5, 1.0, ?, ?, ?)", rows);
	}

	/*
	 * The scheduler's candidate search before issue 17 (main at f60051a), read only: every
	 * up, enabled compute service (all compute rows read, up decided in Java), their nodes
	 * by an IN list of every host, and one usage query per node.
	 */
	private int legacyCandidates(int vcpus, int memoryMb, int localGb) {
		return this.transaction.execute((status) -> {
			java.time.Instant now = this.clock.now();
			List<String> hosts = this.repository.findLiveByTopic("compute")
				.stream()
				.filter((service) -> !service.isDisabled() && this.serviceGroup.isUp(service, now))
				.map(ServiceRecord::getHost)
				.distinct()
				.toList();
			int fit = 0;
			for (ComputeNode node : nodesOf(hosts)) {
				if (node.fits(this.nodes.usage(node.getHost()), vcpus, memoryMb, localGb)) {
					fit++;
				}
			}
			return fit;
		});
	}

	// findByHostIn, which issue 17 removed; PostgreSQL takes at most 32,767 parameters a statement
	private List<ComputeNode> nodesOf(Collection<String> hosts) {
		List<ComputeNode> found = new ArrayList<>();
		List<String> all = new ArrayList<>(hosts);
		for (int i = 0; i < all.size(); i += 30000) {
			found.addAll(this.entityManager
				.createQuery("select n from ComputeNode n where n.host in :hosts", ComputeNode.class)
				.setParameter("hosts", all.subList(i, Math.min(all.size(), i + 30000)))
				.getResultList());
		}
		return found;
	}

	// os-services?host= before issue 17: every row read, the state of each decided, filtered in Java
	private List<ServiceGroup.ServiceState> legacyServicesByHost(String host) {
		return this.transaction.execute((status) -> this.serviceGroup.states()
			.stream()
			.filter((state) -> host.equals(state.service().getHost()))
			.toList());
	}

	// one decision of the new scheduler, rolled back so that nothing fills up
	private void scheduleOne() {
		this.transaction.execute((status) -> {
			this.scheduler.schedule(this.states.create("probe", "scale", "user", "1", 1, 512, 1, "image"));
			status.setRollbackOnly();
			return null;
		});
	}

	private double bootMillis() {
		long start = System.nanoTime();
		Map<String, Object> body = Map.of("server", Map.of("name", "scale", "flavorRef", "1", "imageRef",
				ComputeImages.idOf("cirros-0.6.2-x86_64-disk"), "networks", "none"));
		ResponseEntity<Map<String, Object>> created = this.http.exchange("/v2.1/servers", HttpMethod.POST,
				new HttpEntity<>(body, headers()), JSON);
		if (created.getStatusCode().value() != 202) {
			throw new IllegalStateException("POST /v2.1/servers: " + created.getStatusCode() + " " + created.getBody());
		}
		@SuppressWarnings("unchecked")
		String id = (String) ((Map<String, Object>) created.getBody().get("server")).get("id");
		while (true) {
			@SuppressWarnings("unchecked")
			Map<String, Object> server = (Map<String, Object>) get("/v2.1/servers/" + id).getBody().get("server");
			if ("ACTIVE".equals(server.get("status"))) {
				break;
			}
			if ("ERROR".equals(server.get("status"))) {
				throw new IllegalStateException("Server went to ERROR: " + server.get("fault"));
			}
			sleep(20);
		}
		double ms = (System.nanoTime() - start) / 1e6;
		this.http.exchange("/v2.1/servers/" + id, HttpMethod.DELETE, new HttpEntity<>(headers()), JSON);
		return ms;
	}

	private ResponseEntity<Map<String, Object>> get(String path) {
		ResponseEntity<Map<String, Object>> response = this.http.exchange(path, HttpMethod.GET,
				new HttpEntity<>(headers()), JSON);
		if (!response.getStatusCode().is2xxSuccessful()) {
			throw new IllegalStateException("GET " + path + ": " + response.getStatusCode());
		}
		return response;
	}

	private static HttpHeaders headers() {
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.APPLICATION_JSON);
		headers.set("X-Project-Id", "scale");
		headers.set("X-Roles", "admin,member");
		// "networks": "none" is of microversion 2.37
		headers.set("OpenStack-API-Version", "compute 2.37");
		return headers;
	}

	/** The heartbeats of the simulated services and what was seen of them meanwhile. */
	final class Run {

		final List<Heartbeat> heartbeats = new ArrayList<>();

		final ScheduledExecutorService executor;

		final long[] latencyMicros;

		final AtomicInteger samples = new AtomicInteger();

		final AtomicLong failures = new AtomicLong();

		final AtomicLong late = new AtomicLong();

		final Set<String> judgedDown = ConcurrentHashMap.newKeySet();

		final List<Integer> downCounts = new ArrayList<>();

		final ScheduledExecutorService monitor = Executors.newSingleThreadScheduledExecutor();

		volatile boolean running = true;

		boolean measuring;

		long startNanos;

		long endNanos;

		long commitsBefore;

		long commitsAfter;

		long cpuBefore;

		long cpuAfter;

		Run() {
			this.executor = Executors.newScheduledThreadPool(ScaleBenchmark.this.heartbeatThreads);
			long perService = ScaleBenchmark.this.duration.toMillis() / ScaleBenchmark.this.reportInterval.toMillis() + 3;
			this.latencyMicros = new long[(int) Math.min(Integer.MAX_VALUE - 8,
					(long) ScaleBenchmark.this.services * perService)];
			// every 2 s: the simulated services the service group's SQL judges down now
			this.monitor.scheduleWithFixedDelay(this::judge, 2, 2, TimeUnit.SECONDS);
		}

		/** Starts heartbeats of {@code started}: the first somewhere in the first interval, as services started apart. */
		void add(List<Heartbeat> started) {
			long interval = ScaleBenchmark.this.reportInterval.toMillis();
			for (Heartbeat heartbeat : started) {
				this.heartbeats.add(heartbeat);
				schedule(heartbeat, ThreadLocalRandom.current().nextLong(interval));
			}
		}

		/** Measures from now on: what came before (registration, warm-up) does not count. */
		void begin() {
			this.commitsBefore = commits();
			this.cpuBefore = cpuNanos();
			this.samples.set(0);
			this.failures.set(0);
			this.late.set(0);
			synchronized (this.downCounts) {
				this.downCounts.clear();
				this.judgedDown.clear();
				this.measuring = true;
			}
			this.startNanos = System.nanoTime();
		}

		// Heartbeat runs at a fixed delay (HeartbeatSchedule); here with up to ±5 % jitter
		private void schedule(Heartbeat heartbeat, long delayMillis) {
			long due = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(delayMillis);
			this.executor.schedule(() -> {
				if (!this.running) {
					return;
				}
				long start = System.nanoTime();
				if (start - due > TimeUnit.SECONDS.toNanos(1)) {
					this.late.incrementAndGet();
				}
				heartbeat.reportState();
				long micros = (System.nanoTime() - start) / 1000;
				if (!heartbeat.status().healthy()) {
					this.failures.incrementAndGet();
				}
				int i = this.samples.getAndIncrement();
				if (i < this.latencyMicros.length) {
					this.latencyMicros[i] = micros;
				}
				long interval = ScaleBenchmark.this.reportInterval.toMillis();
				long jitter = ThreadLocalRandom.current().nextLong(-interval / 20, interval / 20 + 1);
				schedule(heartbeat, interval + jitter);
			}, delayMillis, TimeUnit.MILLISECONDS);
		}

		private void judge() {
			try {
				List<String> down = ScaleBenchmark.this.jdbc.queryForList("SELECT s.host FROM services s "
						+ "WHERE s.deleted = 0 AND s.host LIKE 'sim-%' AND NOT (" + ServiceRecordRepository.UP
							.replace(":downMillis", String.valueOf(ScaleBenchmark.this.downTime.toMillis()))
						+ ")", String.class);
				synchronized (this.downCounts) {
					if (this.measuring) {
						this.downCounts.add(down.size());
						this.judgedDown.addAll(down);
					}
				}
			}
			catch (RuntimeException ex) {
				System.err.println("judging failed: " + ex);
			}
		}

		void stop() throws InterruptedException {
			this.running = false;
			this.endNanos = System.nanoTime();
			this.commitsAfter = commits();
			this.cpuAfter = cpuNanos();
			this.monitor.shutdownNow();
			this.executor.shutdownNow();
			this.executor.awaitTermination(30, TimeUnit.SECONDS);
		}

		void report() {
			double seconds = (this.endNanos - this.startNanos) / 1e9;
			int n = Math.min(this.samples.get(), this.latencyMicros.length);
			long[] sorted = Arrays.copyOf(this.latencyMicros, n);
			Arrays.sort(sorted);
			line("");
			line("## %,d services heartbeating for %.0f s (%s)", this.heartbeats.size(), seconds, load());
			line("heartbeats: %,d written, %.0f/s (expected %.0f/s); failed %,d; started over 1 s late %,d", n,
					n / seconds, this.heartbeats.size() / (ScaleBenchmark.this.reportInterval.toMillis() / 1000.0),
					this.failures.get(), this.late.get());
			if (n > 0) {
				line("heartbeat write latency: p50 %.1f ms, p99 %.1f ms, max %.1f ms", sorted[n / 2] / 1000.0,
						sorted[Math.min(n - 1, (int) (n * 0.99))] / 1000.0, sorted[n - 1] / 1000.0);
			}
			line("database: %.0f transactions committed per second (pg_stat_database.xact_commit)",
					(this.commitsAfter - this.commitsBefore) / seconds);
			synchronized (this.downCounts) {
				line("false \"down\" verdicts: %d distinct simulated services judged down at least once; "
						+ "most at one time %d (%d checks, every 2 s)", this.judgedDown.size(),
						this.downCounts.stream().mapToInt(Integer::intValue).max().orElse(0), this.downCounts.size());
			}
			line("this JVM's CPU (simulated services, API, scheduler): %.2f cores on average",
					(this.cpuAfter - this.cpuBefore) / 1e9 / seconds);
		}

		private long commits() {
			Long commits = ScaleBenchmark.this.jdbc.queryForObject(
					"SELECT xact_commit FROM pg_stat_database WHERE datname = current_database()", Long.class);
			return (commits != null) ? commits : 0;
		}

	}

	private static long cpuNanos() {
		return ((OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
	}

	private static String load() {
		try {
			String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
			return "load average " + parts[0] + " " + parts[1] + " " + parts[2];
		}
		catch (IOException ex) {
			return "load average unknown";
		}
	}

	private static double millis(Runnable work) {
		return millisOf(work);
	}

	private static double millisOf(Runnable work) {
		long start = System.nanoTime();
		work.run();
		return (System.nanoTime() - start) / 1e6;
	}

	private static double median(int times, Supplier<Double> measurement) {
		List<Double> values = new ArrayList<>();
		for (int i = 0; i < times; i++) {
			values.add(measurement.get());
		}
		return median(values);
	}

	private static double median(List<Double> values) {
		if (values.isEmpty()) {
			return Double.NaN;
		}
		List<Double> sorted = new ArrayList<>(values);
		sorted.sort(null);
		return sorted.get(sorted.size() / 2);
	}

	private static double max(List<Double> values) {
		return values.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	// each line at once, so that a run cut short still leaves what it measured
	private void line(String format, Object... args) {
		String line = String.format(Locale.ROOT, format, args);
		System.out.println(line);
		try {
			Files.writeString(Path.of("target/scale-benchmark.md"), line + "\n", StandardOpenOption.CREATE,
					StandardOpenOption.APPEND);
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

	private void write() {
		line("");
	}

}
