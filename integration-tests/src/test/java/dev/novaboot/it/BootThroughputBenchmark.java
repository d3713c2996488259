package dev.novaboot.it;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
 * <p>
 * Besides the rate, each round counts per server booted (POST to ACTIVE), on the server
 * side: transactions of the apps' database ({@code pg_stat_database}: commits and
 * rollbacks, all apps together; more than the BEGINs counted below: it also counts what
 * runs without a statement the view keeps, presumably the connection pool's validation of
 * a connection, an empty query), statements by app ({@code pg_stat_statements}, each app
 * logging in as its own role, see {@link Suite#startCounting}) and the RPC round trips each
 * app made (client-side {@code nova.rpc} timer counts from its {@code /actuator/prometheus}).
 * The client's status polls are not part of a boot: what one costs is measured apart (GETs
 * of one ACTIVE server) and subtracted, as is the background (heartbeats every second,
 * periodic tasks), measured over an idle interval as long as the boots took.
 */
class BootThroughputBenchmark {

	/** GETs of one ACTIVE server to measure what one status poll costs. */
	private static final int POLL_SAMPLES = 200;

	/** PostgreSQL flushes a backend's transaction counts at most once a second, and within a second of idling. */
	private static final long STATS_SETTLE_MILLIS = 2000;

	private static final Pattern RPC_LINE = Pattern.compile("^nova_rpc_seconds_count\\{(.*)\\} (\\S+)$");

	private static final Pattern TAG = Pattern.compile("(\\w+)=\"([^\"]*)\"");

	private static final int SERVERS = Integer.getInteger("boot.servers", 60);

	private static final int CLIENTS = Integer.getInteger("boot.clients", 8);

	@Test
	void serversBootedPerSecondWithOneAndTwoComputeHosts(@TempDir Path workDir) throws Exception {
		StringBuilder results = new StringBuilder();
		// the project's quota (10 servers by default) would stop the rounds: unlimited, as an operator sets it
		List<String> unlimited = List.of("--nova.quota.instances=-1", "--nova.quota.cores=-1", "--nova.quota.ram=-1");
		try (Suite suite = Suite.startCounting(workDir, Map.of("compute", unlimited))) {
			SuiteClient admin = SuiteClient.login(suite.app("compute"), "admin", Suite.ADMIN_PASSWORD, "admin");
			SuiteProcess network = suite.app("network");
			String networkId = admin.post(network, "/v2.0/networks", "{\"network\": {\"name\": \"bench-net\"}}")
				.expect(201)
				.read("$.network.id");
			admin.post(network, "/v2.0/subnets", """
					{"subnet": {"network_id": "%s", "cidr": "10.30.0.0/22", "ip_version": 4}}""".formatted(networkId))
				.expect(201);

			results.append(round(suite, admin, networkId, "1 compute host", List.of("volume", "network", "compute")))
				.append('\n');
			suite.startMore("compute", "compute-2", "127.0.0.14", unlimited);
			results.append(round(suite, admin, networkId, "2 compute hosts",
					List.of("volume", "network", "compute", "compute-2")))
				.append('\n');
		}
		System.out.println(results);
		java.nio.file.Files.writeString(Path.of("target", "boot-throughput.txt"), results);
	}

	/** Boots SERVERS servers with CLIENTS concurrent users, waits for all ACTIVE, counts, deletes them. */
	private static String round(Suite suite, SuiteClient admin, String networkId, String label, List<String> apps)
			throws Exception {
		SuiteProcess compute = suite.app("compute");
		LongAdder polls = new LongAdder();
		Thread.sleep(STATS_SETTLE_MILLIS); // the previous round's deletes out of the window
		Counts before = counts(suite, admin, apps);
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
					polls.increment();
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
		Thread.sleep(STATS_SETTLE_MILLIS);
		Counts window = counts(suite, admin, apps).minus(before);
		// the background over an interval as long as the boot window
		Counts idleStart = counts(suite, admin, apps);
		Thread.sleep(window.millis());
		Counts idleEnd = counts(suite, admin, apps);
		Counts idle = idleEnd.minus(idleStart);
		for (int i = 0; i < POLL_SAMPLES; i++) {
			admin.get(compute, "/v2.1/servers/" + ids.get(0)).expect(200);
		}
		Thread.sleep(STATS_SETTLE_MILLIS);
		Counts pollWindow = counts(suite, admin, apps).minus(idleEnd);
		Counts onePoll = pollWindow.minus(idle.scaledTo(pollWindow.millis())).times(1.0 / POLL_SAMPLES);
		Counts perBoot = window.minus(idle.scaledTo(window.millis()))
			.minus(onePoll.times(polls.sum()))
			.times(1.0 / SERVERS);
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
		return String.format(Locale.ROOT, "| %s | %d servers, %d clients | %.1f s | %.1f servers/s | hosts used: %s |",
				label, SERVERS, CLIENTS, seconds, SERVERS / seconds, hosts)
				+ String.format(Locale.ROOT,
						"%n  per boot (POST to ACTIVE; %d status polls = %.1f per boot, and the background, subtracted):%n",
						polls.sum(), polls.sum() / (double) SERVERS)
				+ perBoot.summary("    ", 0.05)
				+ String.format(Locale.ROOT, "  one status poll:%n") + onePoll.summary("    ", 0.05)
				+ String.format(Locale.ROOT, "  background, idle %.1f s (raw):%n", idle.millis() / 1e3)
				+ idle.summary("    ", 0.5)
				+ String.format(Locale.ROOT, "  boot window %.1f s (raw):%n", window.millis() / 1e3)
				+ window.summary("    ", 0.5);
	}

	/**
	 * The server-side totals now: the apps' database's transactions, statements by role and
	 * kind, each statement's calls, and each app's client-side RPCs by topic and method.
	 */
	private static Counts counts(Suite suite, SuiteClient admin, List<String> apps) throws Exception {
		Map<String, Double> values = new TreeMap<>();
		for (String app : apps) {
			String metrics = admin.getText(suite.app(app), "/actuator/prometheus").expect(200).body();
			for (String line : metrics.split("\n")) {
				Matcher matcher = RPC_LINE.matcher(line);
				if (!matcher.matches()) {
					continue;
				}
				Map<String, String> tags = new TreeMap<>();
				Matcher tag = TAG.matcher(matcher.group(1));
				while (tag.find()) {
					tags.put(tag.group(1), tag.group(2));
				}
				if ("client".equals(tags.get("side"))) {
					values.merge("rpc " + app.replace("-2", "") + " -> " + tags.get("topic") + "." + tags.get("method")
							+ " (" + tags.get("kind") + ", " + tags.get("outcome") + ")",
							Double.parseDouble(matcher.group(2)), Double::sum);
				}
			}
		}
		values.put("transactions (pg_stat_database, all apps)", suite.statistics()
			.queryForObject("SELECT (xact_commit + xact_rollback)::float8 FROM pg_stat_database WHERE datname = 'postgres'",
					Double.class));
		suite.statistics()
			.query("SELECT r.rolname, s.query, s.calls::float8 FROM pg_stat_statements s "
					+ "JOIN pg_roles r ON r.oid = s.userid JOIN pg_database d ON d.oid = s.dbid "
					+ "WHERE d.datname = 'postgres' AND r.rolname LIKE 'nova\\_%'", (row) -> {
						String role = row.getString(1);
						String query = row.getString(2).replaceAll("\\s+", " ").trim();
						double calls = row.getDouble(3);
						values.merge("statements " + role + " " + kind(query), calls, Double::sum);
						values.merge("query " + role + ": " + query, calls, Double::sum);
					});
		return new Counts(System.nanoTime() / 1_000_000, values);
	}

	/** BEGIN, COMMIT, ROLLBACK, other utility statements (SET, SHOW), or the SQL that does the work. */
	private static String kind(String query) {
		String first = query.split("[\\s;(]", 2)[0].toUpperCase(Locale.ROOT);
		return switch (first) {
			case "BEGIN", "START" -> "BEGIN";
			case "COMMIT", "END" -> "COMMIT";
			case "ROLLBACK" -> "ROLLBACK";
			case "SELECT", "INSERT", "UPDATE", "DELETE", "WITH", "MERGE", "VALUES" -> "SQL";
			default -> "other (" + first + ")";
		};
	}

	/** Totals at a moment, or the difference of two, by name. */
	record Counts(long millis, Map<String, Double> values) {

		Counts minus(Counts earlier) {
			Map<String, Double> difference = new TreeMap<>(this.values);
			earlier.values.forEach((key, value) -> difference.merge(key, -value, Double::sum));
			return new Counts(this.millis - earlier.millis, difference);
		}

		Counts times(double factor) {
			Map<String, Double> product = new TreeMap<>();
			this.values.forEach((key, value) -> product.put(key, value * factor));
			return new Counts((long) (this.millis * factor), product);
		}

		/** This interval's counts as if it had lasted {@code otherMillis}. */
		Counts scaledTo(long otherMillis) {
			return times(otherMillis / (double) Math.max(1, this.millis));
		}

		/** Lines: the transactions, statements by app and kind, RPCs, then the statements of at least {@code min}, most first. */
		String summary(String indent, double min) {
			StringBuilder out = new StringBuilder();
			double sql = 0;
			double rpc = 0;
			for (Map.Entry<String, Double> entry : this.values.entrySet()) {
				String key = entry.getKey();
				if (key.startsWith("query ") || Math.abs(entry.getValue()) < min) {
					continue;
				}
				sql += key.startsWith("statements ") && key.endsWith(" SQL") ? entry.getValue() : 0;
				rpc += key.startsWith("rpc ") ? entry.getValue() : 0;
				out.append(String.format(Locale.ROOT, "%s%8.2f  %s%n", indent, entry.getValue(), key));
			}
			out.append(String.format(Locale.ROOT, "%s%8.2f  statements, all apps, SQL (without BEGIN, COMMIT, ...)%n",
					indent, sql));
			// pg_stat_statements sees few of the driver's COMMITs; each explicit transaction has one BEGIN
			out.append(String.format(Locale.ROOT, "%s%8.2f  transactions begun (BEGIN), all apps%n", indent,
					this.values.entrySet()
						.stream()
						.filter((entry) -> entry.getKey().startsWith("statements ") && entry.getKey().endsWith(" BEGIN"))
						.mapToDouble(Map.Entry::getValue)
						.sum()));
			out.append(String.format(Locale.ROOT, "%s%8.2f  RPC round trips, all apps%n", indent, rpc));
			this.values.entrySet()
				.stream()
				.filter((entry) -> entry.getKey().startsWith("query ") && Math.abs(entry.getValue()) >= min)
				.sorted(Map.Entry.<String, Double>comparingByValue().reversed())
				.limit(40)
				.forEach((entry) -> out.append(String.format(Locale.ROOT, "%s%8.2f  %s%n", indent, entry.getValue(),
						abbreviated(entry.getKey(), 220))));
			return out.toString();
		}

		private static String abbreviated(String text, int length) {
			return (text.length() <= length) ? text : text.substring(0, length) + " ...";
		}

	}

}
