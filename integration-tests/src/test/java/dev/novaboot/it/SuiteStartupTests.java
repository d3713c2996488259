package dev.novaboot.it;

import java.nio.file.Path;
import java.util.Map;

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
		try (Suite suite = Suite.start(workDir, Map.of())) {
			JdbcTemplate jdbc = suite.database();
			assertThat(jdbc.queryForList("SELECT \"binary\" FROM services WHERE deleted = 0", String.class))
				.containsExactlyInAnyOrder("nova-volume", "nova-network", "nova-compute");
			long before = jdbc.queryForObject("SELECT MIN(report_count) FROM services", Long.class);
			Thread.sleep(2500);
			assertThat(jdbc.queryForObject("SELECT MIN(report_count) FROM services", Long.class)).isGreaterThan(before);
			for (String app : new String[] { "volume", "network", "compute" }) {
				assertThat(suite.app(app).log()).doesNotContain("APPLICATION FAILED TO START")
					.doesNotContain("FlywayException");
			}
		}
	}

}
