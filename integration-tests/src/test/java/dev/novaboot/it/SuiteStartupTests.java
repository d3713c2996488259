package dev.novaboot.it;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
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
			hugeBodiesInParallelLeaveEveryAppHealthy(suite);
		}
	}

	/**
	 * Twenty clients at once per endpoint, each with a 50 MB body, against apps with
	 * {@code bin/start-suite}'s 256 MB heap: an anonymous login, a member's volume create
	 * (chunked, so no length to refuse up front), the RPC endpoint under an encoded spelling.
	 * Each is refused with 413 (or cut off while sending) and every app stays healthy.
	 */
	private static void hugeBodiesInParallelLeaveEveryAppHealthy(Suite suite) throws Exception {
		long fiftyMegabytes = 50L * 1024 * 1024;
		SuiteClient admin = SuiteClient.login(suite.app("compute"), "admin", Suite.ADMIN_PASSWORD, "admin");
		List<BodyFlood.Outcome> outcomes = new ArrayList<>();
		outcomes.addAll(BodyFlood.send(suite.app("compute").port(), "/identity/v3/auth/tokens", null, fiftyMegabytes,
				false, 20));
		outcomes.addAll(BodyFlood.send(suite.app("volume").port(), "/v3/" + admin.projectId() + "/volumes",
				admin.token(), fiftyMegabytes, true, 20));
		outcomes.addAll(BodyFlood.send(suite.app("network").port(), "/%72pc/v1/call", null, fiftyMegabytes, false, 20));
		assertThat(outcomes).allSatisfy((outcome) -> assertThat(outcome.status()).as(outcome.firstLine()).isIn(413, -1));
		assertThat(outcomes).filteredOn((outcome) -> outcome.status() == 413).hasSizeGreaterThanOrEqualTo(30);
		for (String app : new String[] { "volume", "network", "compute" }) {
			assertThat(suite.app(app).log()).doesNotContain("OutOfMemoryError");
			suite.app(app).awaitReady(Duration.ofSeconds(10));
		}
	}

}
