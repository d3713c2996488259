package dev.novaboot.service;

import java.time.Duration;
import java.time.Instant;

import dev.novaboot.sample.SampleServiceApplication;
import dev.novaboot.service.group.ServiceGroup;
import dev.novaboot.service.record.DatabaseClock;
import dev.novaboot.service.record.ServiceRecord;
import dev.novaboot.service.record.ServiceRecordRepository;
import dev.novaboot.service.testsupport.EmbeddedPostgresConfiguration;
import dev.novaboot.service.testsupport.SchemaNames;
import dev.novaboot.service.testsupport.ServiceRows;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The service record, heartbeat and service group on a real PostgreSQL server, where
 * {@code binary} is a reserved word and timestamps come from the server's clock.
 */
@SpringBootTest(classes = SampleServiceApplication.class)
@Import(EmbeddedPostgresConfiguration.class)
class PostgresServiceRecordTests {

	@Autowired
	ServiceRecordRepository repository;

	@Autowired
	ServiceGroup group;

	@Autowired
	DatabaseClock clock;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void runsOnPostgreSQL() {
		assertThat(this.jdbc.queryForObject("SELECT version()", String.class)).startsWith("PostgreSQL");
	}

	@Test
	void everyIndexAndUniqueKeyFollowsTheNamingScheme() {
		assertThat(SchemaNames.offending(this.jdbc)).isEmpty();
	}

	@Test
	void registersAndHeartbeatsWithTheServerClock() {
		ServiceRecord record = this.repository.findLive("test-host", "nova-sample").orElseThrow();
		long count = record.getReportCount();
		await().atMost(Duration.ofSeconds(5))
			.until(() -> this.repository.findLive("test-host", "nova-sample").orElseThrow().getReportCount() >= count + 2);
		ServiceRecord later = this.repository.findLive("test-host", "nova-sample").orElseThrow();
		Instant serverNow = this.jdbc.queryForObject("SELECT now()", java.time.OffsetDateTime.class).toInstant();
		assertThat(later.getLastSeenUp()).isBetween(serverNow.minusSeconds(2), serverNow);
		assertThat(this.jdbc.queryForObject("SELECT \"binary\" FROM services WHERE id = ?", String.class, later.getId()))
			.isEqualTo("nova-sample");
	}

	@Test
	void serviceGroupAppliesDownTimeForcedDownAndDisabled() {
		ServiceRows rows = new ServiceRows(this.repository, this.clock, this.jdbc);
		rows.service("pg-up", "nova-compute", "pg-compute", Duration.ofSeconds(2));
		rows.service("pg-down", "nova-compute", "pg-compute", Duration.ofMinutes(2));
		ServiceRecord disabled = rows.service("pg-disabled", "nova-compute", "pg-compute", Duration.ZERO);
		rows.set(disabled, "disabled", true);
		ServiceRecord forced = rows.service("pg-forced", "nova-compute", "pg-compute", Duration.ZERO);
		rows.set(forced, "forced_down", true);

		rows.service("pg-future", "nova-compute", "pg-compute", Duration.ofSeconds(-120));

		// decided in SQL on PostgreSQL's clock: the same verdicts as isUp in Java
		assertThat(this.group.upServices("pg-compute")).extracting(ServiceRecord::getHost).containsExactly("pg-up");
		assertThat(this.group.upServicesAfter("pg-compute", 0, 8)).extracting(ServiceRecord::getHost)
			.containsExactly("pg-up");
		assertThat(this.group.upServicesIncludingDisabled("pg-compute")).extracting(ServiceRecord::getHost)
			.containsExactly("pg-up", "pg-disabled");
		assertThat(this.group.isUp(rows.reload(disabled))).isTrue();
		assertThat(this.group.isUp(rows.reload(forced))).isFalse();
	}

}
