package dev.novaboot.network.manager;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import dev.novaboot.service.context.RequestContext;
import dev.novaboot.service.testsupport.EmbeddedPostgresConfiguration;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureTestRestTemplate;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;

import static dev.novaboot.network.manager.ManagerTestSupport.ADMIN;
import static dev.novaboot.network.manager.ManagerTestSupport.context;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Quotas on a real PostgreSQL, where concurrent transactions really overlap: many creates
 * of one project at once, its first ones included (the project's lock row is made by
 * whichever comes first), admit exactly as many resources as the limit and refuse the
 * others with Neutron's OverQuota. (The context of {@link PostgresConcurrentAllocationTests}.)
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@AutoConfigureTestRestTemplate
@Import(EmbeddedPostgresConfiguration.class)
class PostgresQuotaTests {

	private static final int THREADS = 8;

	private static final int ROUNDS = 3;

	@Autowired
	NetworkService networks;

	@Autowired
	QuotaService quotas;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void concurrentCreatesOfOneProjectNeverGoBeyondItsQuota() throws Exception {
		for (int round = 0; round < ROUNDS; round++) {
			String project = "pg-quota-" + UUID.randomUUID();
			this.quotas.update(ADMIN, project, Map.of("network", 3), false);
			RequestContext member = context(project, "member");
			ExecutorService pool = Executors.newFixedThreadPool(THREADS);
			try {
				CountDownLatch start = new CountDownLatch(1);
				List<Future<String>> results = new ArrayList<>();
				for (int i = 0; i < THREADS; i++) {
					String name = "net-" + i;
					results.add(pool.submit(() -> {
						start.await();
						try {
							this.networks.create(member,
									new NetworkSpec(null, name, null, null, null, null, null, null, null), "flat");
							return "created";
						}
						catch (NetworkException ex) {
							return ex.type() + ": " + ex.getMessage();
						}
					}));
				}
				start.countDown();
				List<String> outcomes = new ArrayList<>();
				for (Future<String> result : results) {
					outcomes.add(result.get(60, TimeUnit.SECONDS));
				}
				assertThat(outcomes).filteredOn("created"::equals).hasSize(3);
				assertThat(outcomes).filteredOn((outcome) -> !outcome.equals("created"))
					.hasSize(THREADS - 3)
					.containsOnly("OverQuota: Quota exceeded for resources: ['network'].");
				assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM networks WHERE project_id = ?", Long.class,
						project)).isEqualTo(3);
			}
			finally {
				pool.shutdownNow();
			}
		}
	}

}
