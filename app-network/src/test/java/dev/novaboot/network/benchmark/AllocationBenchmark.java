package dev.novaboot.network.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import dev.novaboot.network.NetworkApplication;
import dev.novaboot.network.manager.NetworkManager;
import dev.novaboot.network.manager.NetworkService;
import dev.novaboot.network.manager.NetworkSpec;
import dev.novaboot.network.manager.SubnetService;
import dev.novaboot.network.manager.SubnetSpec;
import dev.novaboot.network.store.Network;
import dev.novaboot.service.context.RequestContext;
import dev.novaboot.service.rpc.api.NetworkRpcApi.AllocateForInstance;
import dev.novaboot.service.rpc.api.RequestedNetwork;
import dev.novaboot.service.testsupport.EmbeddedPostgresConfiguration;
import dev.novaboot.service.testsupport.StatementTally;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fixed-IP allocations per second ({@code allocateForInstance}: a port, a MAC address and
 * an address in one transaction) on H2 and on PostgreSQL with 1, 8 and 32 concurrent
 * allocators, and the number of addresses handed out twice. Not part of the default test
 * run (the class name matches no surefire pattern); run it with
 * {@code ./mvnw -B -ntp -q -pl app-network -am test -Dtest=AllocationBenchmark -Dsurefire.failIfNoSpecifiedTests=false};
 * the table lands in {@code app-network/target/allocation-benchmark.md}.
 */
class AllocationBenchmark {

	private static final int ALLOCATIONS = Integer.getInteger("benchmark.allocations", 1000);

	private static final int[] CONCURRENCY = { 1, 8, 32 };

	private static final RequestContext CONTEXT = new RequestContext("req-bench", "bench", "bench", Set.of("member"));

	@Test
	void allocationsPerSecond() throws Exception {
		List<String> rows = new ArrayList<>();
		rows.add("| database | allocators | allocations | seconds | allocations/s | duplicates | statements per allocation | transactions per allocation |");
		rows.add("|---|---|---|---|---|---|---|---|");
		// -Dbenchmark.postgres-only=true: the PostgreSQL rows alone (the H2 ones take minutes on a busy machine)
		if (!Boolean.getBoolean("benchmark.postgres-only")) {
			StatementTally h2Counter = new StatementTally();
			try (ConfigurableApplicationContext h2 = start(h2Counter,
					"--spring.datasource.url=jdbc:h2:mem:bench;DB_CLOSE_DELAY=-1")) {
				run("H2 (in memory)", h2, h2Counter, rows);
			}
		}
		StatementTally pgCounter = new StatementTally();
		try (EmbeddedPostgres postgres = EmbeddedPostgresConfiguration.start();
				ConfigurableApplicationContext pg = start(pgCounter,
						"--spring.datasource.url=" + postgres.getJdbcUrl("postgres", "postgres"),
						"--spring.datasource.username=postgres", "--spring.datasource.password=")) {
			run("PostgreSQL 18 (embedded)", pg, pgCounter, rows);
		}
		String table = String.join("\n", rows) + "\n";
		System.out.println(table);
		Files.writeString(Path.of("target", "allocation-benchmark.md"), table);
	}

	private static ConfigurableApplicationContext start(StatementTally counter, String... args) {
		List<String> all = new ArrayList<>(List.of(args));
		all.add("--nova.host=bench-host");
		all.add("--logging.level.root=warn");
		// 1,000 allocations per row: far above the default port quota of a project
		all.add("--nova.network.quota.port=-1");
		return new SpringApplicationBuilder(NetworkApplication.class).web(WebApplicationType.NONE)
			.initializers(counter)
			.run(all.toArray(String[]::new));
	}

	private static void run(String database, ConfigurableApplicationContext context, StatementTally counter,
			List<String> rows)
			throws Exception {
		NetworkManager manager = context.getBean(NetworkManager.class);
		NetworkService networks = context.getBean(NetworkService.class);
		SubnetService subnets = context.getBean(SubnetService.class);
		JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
		int index = 0;
		for (int allocators : CONCURRENCY) {
			Network network = networks.create(CONTEXT,
					new NetworkSpec(null, "bench-" + allocators, null, null, null, null, null, null, null), "flat");
			// a /20 holds 4093 addresses for instances, more than one run takes
			subnets.create(CONTEXT, new SubnetSpec(network.getUuid(), null, "bench", null, "10." + (100 + index++)
					+ ".0.0/20", 4, false, null, null, List.of(), true));
			warmUp(manager, network);
			long statements = counter.statements();
			long transactions = counter.transactions();
			long start = System.nanoTime();
			allocate(manager, network, allocators);
			double seconds = (System.nanoTime() - start) / 1e9;
			double perStatement = (counter.statements() - statements) / (double) ALLOCATIONS;
			double perTransaction = (counter.transactions() - transactions) / (double) ALLOCATIONS;
			int duplicates = jdbc.queryForObject("SELECT count(*) - count(DISTINCT address) FROM fixed_ips "
					+ "WHERE network_id = ? AND allocated", Integer.class, network.getId());
			int allocated = jdbc.queryForObject("SELECT count(*) FROM fixed_ips WHERE network_id = ? AND allocated",
					Integer.class, network.getId());
			assertThat(duplicates).isZero();
			rows.add(String.format(java.util.Locale.ROOT, "| %s | %d | %d | %.2f | %.0f | %d | %.1f | %.1f |", database,
					allocators, allocated - 50, seconds, (allocated - 50) / seconds, duplicates, perStatement,
					perTransaction));
		}
	}

	private static void warmUp(NetworkManager manager, Network network) {
		for (int i = 0; i < 50; i++) {
			manager.allocateForInstance(CONTEXT, new AllocateForInstance(UUID.randomUUID().toString(), "bench", "c",
					List.of(new RequestedNetwork(network.getUuid(), null))));
		}
	}

	private static void allocate(NetworkManager manager, Network network, int allocators) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(allocators);
		CountDownLatch go = new CountDownLatch(1);
		List<Future<?>> futures = new ArrayList<>();
		for (int t = 0; t < allocators; t++) {
			int share = ALLOCATIONS / allocators + ((t < ALLOCATIONS % allocators) ? 1 : 0);
			futures.add(pool.submit(() -> {
				go.await();
				for (int i = 0; i < share; i++) {
					manager.allocateForInstance(CONTEXT,
							new AllocateForInstance(UUID.randomUUID().toString(), "bench", "c",
							List.of(new RequestedNetwork(network.getUuid(), null))));
				}
				return null;
			}));
		}
		go.countDown();
		for (Future<?> future : futures) {
			future.get(10, TimeUnit.MINUTES);
		}
		pool.shutdown();
	}

}
