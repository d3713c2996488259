package dev.novaboot.service.store;

import java.time.Instant;

import javax.sql.DataSource;

import dev.novaboot.service.record.ServiceRecord;
import dev.novaboot.service.record.ServiceRecordRepository;
import dev.novaboot.service.testsupport.MigratedDatabase;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.data.jpa.test.autoconfigure.DataJpaTest;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import org.springframework.boot.jpa.test.autoconfigure.TestEntityManager;
import org.springframework.boot.persistence.autoconfigure.EntityScan;
import org.springframework.context.annotation.Bean;
import org.springframework.data.jpa.repository.config.EnableJpaRepositories;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Nova's soft delete, as every soft-deleted table of the suite has it (shown on the
 * {@code services} table): a deleted row stays, marked, and no query or update of the
 * repository sees it again.
 */
@DataJpaTest(properties = "spring.jpa.hibernate.ddl-auto=validate")
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
class SoftDeletedEntityTests {

	private static final Instant CREATED = Instant.parse("2026-01-01T00:00:00Z");

	private static final Instant DELETED = Instant.parse("2026-01-02T00:00:00Z");

	@Autowired
	ServiceRecordRepository repository;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	TestEntityManager entities;

	@Test
	void aNewRowIsLiveWithBothAuditTimesSet() {
		ServiceRecord record = this.repository.saveAndFlush(new ServiceRecord("h1", "nova-x", "x", "nova", 1, CREATED));

		assertThat(record.isDeleted()).isFalse();
		assertThat(record.getCreatedAt()).isEqualTo(CREATED);
		assertThat(record.getUpdatedAt()).isEqualTo(CREATED);
		assertThat(column("deleted", record)).isEqualTo(0L);
	}

	@Test
	void aDeletedRowKeepsItsIdInDeletedAndTheTime() {
		ServiceRecord record = this.repository.saveAndFlush(new ServiceRecord("h2", "nova-x", "x", "nova", 1, CREATED));

		record.markDeleted(DELETED);
		this.repository.saveAndFlush(record);

		assertThat(column("deleted", record)).isEqualTo(record.getId());
		assertThat(this.jdbc.queryForObject("SELECT deleted_at FROM services WHERE id = ?", Instant.class,
				record.getId()))
			.isEqualTo(DELETED);
	}

	@Test
	void queriesAndUpdatesNoLongerSeeADeletedRow() {
		ServiceRecord record = this.repository.saveAndFlush(new ServiceRecord("h3", "nova-x", "x", "nova", 1, CREATED));
		record.markDeleted(DELETED);
		this.repository.saveAndFlush(record);
		this.entities.clear();

		assertThat(this.repository.findById(record.getId())).isEmpty();
		assertThat(this.repository.findLive("h3", "nova-x")).isEmpty();
		assertThat(this.repository.findAllLive()).extracting(ServiceRecord::getHost).doesNotContain("h3");
		assertThat(this.repository.reportState(record.getId())).isZero();
		assertThat(column("report_count", record)).isZero();
	}

	@Test
	void theSameHostAndBinaryCanRegisterAgainOnceDeleted() {
		ServiceRecord first = this.repository.saveAndFlush(new ServiceRecord("h4", "nova-x", "x", "nova", 1, CREATED));
		first.markDeleted(DELETED);
		this.repository.saveAndFlush(first);

		ServiceRecord second = this.repository.saveAndFlush(new ServiceRecord("h4", "nova-x", "x", "nova", 1, CREATED));

		assertThat(this.repository.findLive("h4", "nova-x")).map(ServiceRecord::getId).contains(second.getId());
	}

	private Long column(String name, ServiceRecord record) {
		return this.jdbc.queryForObject("SELECT " + name + " FROM services WHERE id = ?", Long.class, record.getId());
	}

	@SpringBootConfiguration
	@EntityScan(basePackageClasses = ServiceRecord.class)
	@EnableJpaRepositories(basePackageClasses = ServiceRecordRepository.class)
	static class ServicesTable {

		@Bean
		DataSource dataSource() {
			return MigratedDatabase.of();
		}

	}

}
