package dev.novaboot.service.schema;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import dev.novaboot.service.testsupport.EmbeddedPostgresConfiguration;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Three apps share one database and start at the same time: each migrates the starter's
 * {@code service} module and its own module, and none fails or blocks on another's
 * migrations. Each app has its own connection pool, as separate processes would.
 */
class ConcurrentModuleMigrationsTests {

	private static final SchemaModule SERVICE = new SchemaModule("service", "classpath:db/migration/service");

	private static final List<List<SchemaModule>> APPS = List.of(
			List.of(SERVICE, new SchemaModule("alpha", "classpath:db/migration/alpha")),
			List.of(SERVICE, new SchemaModule("beta", "classpath:db/migration/beta")),
			List.of(SERVICE, new SchemaModule("gamma", "classpath:db/migration/gamma")));

	private static EmbeddedPostgres postgres;

	private static int round;

	@BeforeAll
	static void startPostgres() {
		postgres = EmbeddedPostgresConfiguration.start();
	}

	@AfterAll
	static void stopPostgres() throws Exception {
		postgres.close();
	}

	@RepeatedTest(10)
	void threeAppsMigrateOneFreshPostgresDatabaseAtOnce() throws Exception {
		String database = "concurrent_" + (++round);
		new JdbcTemplate(postgres.getPostgresDatabase()).execute("CREATE DATABASE " + database);
		String url = postgres.getJdbcUrl("postgres", database);

		migrateConcurrently(url, "postgres");

		JdbcTemplate jdbc = new JdbcTemplate(pool(url, "postgres"));
		assertThat(jdbc.queryForList("SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'",
				String.class))
			.contains("services", "alpha_things", "beta_things", "gamma_things", "flyway_history_service",
					"flyway_history_alpha", "flyway_history_beta", "flyway_history_gamma");
		assertMigratedOnce(jdbc);
	}

	@Test
	void threeAppsMigrateOneFreshH2DatabaseAtOnce() throws Exception {
		String url = "jdbc:h2:mem:concurrent-migrations;DB_CLOSE_DELAY=-1";
		migrateConcurrently(url, "sa");
		assertMigratedOnce(new JdbcTemplate(pool(url, "sa")));
	}

	@Test
	void anAppStartedLaterFindsItsModuleUpToDate() throws Exception {
		String url = "jdbc:h2:mem:later-start;DB_CLOSE_DELAY=-1";
		new ModuleMigrations(pool(url, "sa"), APPS.get(0)).afterPropertiesSet();
		new ModuleMigrations(pool(url, "sa"), APPS.get(1)).afterPropertiesSet();
		new ModuleMigrations(pool(url, "sa"), APPS.get(0)).afterPropertiesSet();
		assertThat(new JdbcTemplate(pool(url, "sa"))
			.queryForObject("SELECT COUNT(*) FROM \"flyway_history_service\" WHERE \"success\" AND \"version\" = '1'", Integer.class))
			.isEqualTo(1);
	}

	private static void migrateConcurrently(String url, String user) throws Exception {
		CyclicBarrier start = new CyclicBarrier(APPS.size());
		ExecutorService apps = Executors.newFixedThreadPool(APPS.size());
		try {
			List<Future<?>> runs = new ArrayList<>();
			for (List<SchemaModule> modules : APPS) {
				DataSource pool = pool(url, user);
				runs.add(apps.submit(() -> {
					start.await();
					new ModuleMigrations(pool, modules).afterPropertiesSet();
					return null;
				}));
			}
			for (Future<?> run : runs) {
				run.get(60, TimeUnit.SECONDS);
			}
		}
		finally {
			apps.shutdownNow();
		}
	}

	private static void assertMigratedOnce(JdbcTemplate jdbc) {
		for (String module : List.of("service", "alpha", "beta", "gamma")) {
			List<String> versions = jdbc.queryForList(
					"SELECT \"version\" FROM \"flyway_history_" + module + "\" WHERE \"success\" AND \"version\" <> '0' ORDER BY \"installed_rank\"",
					String.class);
			assertThat(versions).as("migrations of module %s", module)
				.containsExactly("1", "2");
		}
	}

	private static DataSource pool(String url, String user) {
		HikariDataSource pool = new HikariDataSource();
		pool.setJdbcUrl(url);
		pool.setUsername(user);
		pool.setMaximumPoolSize(2);
		return pool;
	}

}
