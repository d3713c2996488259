package dev.novaboot.it;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The three app jars started at the same moment against one empty PostgreSQL database:
 * none fails on another's migrations, all become ready, and each one's service record
 * is there and beating.
 */
class SuiteStartupTests {

	@Test
	void threeAppsStartTogetherOnOneEmptyPostgresDatabase(@TempDir Path workDir) throws Exception {
		try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
			String url = postgres.getJdbcUrl("postgres", "postgres");
			List<SuiteProcess> apps = new ArrayList<>();
			try {
				for (String app : List.of("volume", "network", "compute")) {
					apps.add(SuiteProcess.start(app, workDir.resolve(app),
							List.of("--spring.datasource.url=" + url, "--spring.datasource.username=postgres",
									"--nova.host=it-host", "--nova.service.report-interval=1s",
									"--nova.auth.token-key=integration-test-token-key-not-a-secret")));
				}
				for (SuiteProcess app : apps) {
					app.awaitReady(Duration.ofMinutes(3));
				}
				JdbcTemplate jdbc = new JdbcTemplate(postgres.getPostgresDatabase());
				assertThat(jdbc.queryForList("SELECT \"binary\" FROM services WHERE host = 'it-host' AND deleted = 0",
						String.class))
					.containsExactlyInAnyOrder("nova-volume", "nova-network", "nova-compute");
				long before = jdbc.queryForObject("SELECT MIN(report_count) FROM services WHERE host = 'it-host'", Long.class);
				Thread.sleep(2500);
				assertThat(jdbc.queryForObject("SELECT MIN(report_count) FROM services WHERE host = 'it-host'", Long.class))
					.isGreaterThan(before);
				for (SuiteProcess app : apps) {
					assertThat(app.log()).doesNotContain("APPLICATION FAILED TO START").doesNotContain("FlywayException");
				}
			}
			finally {
				apps.forEach(SuiteProcess::close);
			}
		}
	}

}
