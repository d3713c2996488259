package dev.novaboot.service.group;

import java.time.Duration;

import dev.novaboot.sample.SampleServiceApplication;
import dev.novaboot.service.record.DatabaseClock;
import dev.novaboot.service.record.ServiceRecord;
import dev.novaboot.service.record.ServiceRecordRepository;
import dev.novaboot.service.testsupport.ServiceRows;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureTestRestTemplate;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The contract's rule for "up": the last heartbeat within {@code down-time} (60 s here) of
 * the database clock, and not forced down; disabled services are up but take no new work.
 */
@SpringBootTest(classes = SampleServiceApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT)
@AutoConfigureTestRestTemplate
class ServiceGroupTests {

	@Autowired
	ServiceGroup group;

	@Autowired
	ServiceRecordRepository repository;

	@Autowired
	DatabaseClock clock;

	@Autowired
	JdbcTemplate jdbc;

	ServiceRows rows;

	@BeforeEach
	void rows() {
		this.rows = new ServiceRows(this.repository, this.clock, this.jdbc);
	}

	@Test
	void serviceWithRecentHeartbeatIsUp() {
		ServiceRecord service = this.rows.service("group-recent-h1", "nova-compute", "group-recent", Duration.ofSeconds(5));
		assertThat(this.group.isUp(service)).isTrue();
	}

	@Test
	void serviceSilentForLongerThanDownTimeIsDown() {
		ServiceRecord service = this.rows.service("group-silent-h1", "nova-compute", "group-silent", Duration.ofSeconds(61));
		assertThat(this.group.isUp(service)).isFalse();
	}

	@Test
	void heartbeatTooFarInTheFutureCountsAsDownAsInNova() {
		ServiceRecord service = this.rows.service("group-future-h1", "nova-compute", "group-future", Duration.ofSeconds(-120));
		assertThat(this.group.isUp(service)).isFalse();
	}

	@Test
	void forcedDownServiceIsDownDespiteFreshHeartbeats() {
		ServiceRecord service = this.rows.service("group-forced-h1", "nova-compute", "group-forced", Duration.ZERO);
		this.rows.set(service, "forced_down", true);
		assertThat(this.group.isUp(this.rows.reload(service))).isFalse();
	}

	@Test
	void serviceThatNeverReportedIsJudgedByItsCreationTime() {
		ServiceRecord service = this.rows.service("group-never-h1", "nova-compute", "group-never", Duration.ZERO);
		this.rows.set(service, "last_seen_up", null);
		assertThat(this.group.isUp(this.rows.reload(service))).isTrue();
	}

	@Test
	void upServicesOfATopicLeaveOutDownDisabledAndOtherTopics() {
		ServiceRecord up = this.rows.service("group-topic-h1", "nova-compute", "group-topic", Duration.ofSeconds(1));
		this.rows.service("group-topic-h2", "nova-compute", "group-topic", Duration.ofMinutes(5));
		ServiceRecord disabled = this.rows.service("group-topic-h3", "nova-compute", "group-topic", Duration.ofSeconds(1));
		this.rows.set(disabled, "disabled", true);
		ServiceRecord forced = this.rows.service("group-topic-h4", "nova-compute", "group-topic", Duration.ofSeconds(1));
		this.rows.set(forced, "forced_down", true);
		this.rows.service("group-other-topic-h1", "nova-volume", "group-other-topic", Duration.ofSeconds(1));

		assertThat(this.group.upServices("group-topic")).extracting(ServiceRecord::getHost).containsExactly("group-topic-h1");
		assertThat(this.group.isUp(this.rows.reload(disabled))).isTrue();
		assertThat(up.getHost()).isEqualTo("group-topic-h1");
	}

	@Test
	void thisServiceIsUpAndListedForItsTopic() {
		assertThat(this.group.upServices("sample")).extracting(ServiceRecord::getHost).containsExactly("test-host");
	}

}
