package dev.novaboot.service.testsupport;

import java.time.Duration;
import java.time.Instant;

import dev.novaboot.service.record.DatabaseClock;
import dev.novaboot.service.record.ServiceRecord;
import dev.novaboot.service.record.ServiceRecordRepository;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Writes rows of other (pretend) services, with heartbeats as old as a test needs,
 * measured on the database's clock.
 */
public class ServiceRows {

	private final ServiceRecordRepository repository;

	private final DatabaseClock clock;

	private final JdbcTemplate jdbc;

	public ServiceRows(ServiceRecordRepository repository, DatabaseClock clock, JdbcTemplate jdbc) {
		this.repository = repository;
		this.clock = clock;
		this.jdbc = jdbc;
	}

	/** A service whose last heartbeat was {@code age} ago (negative: in the future). */
	public ServiceRecord service(String host, String binary, String topic, Duration age) {
		ServiceRecord record = this.repository
			.saveAndFlush(new ServiceRecord(host, binary, topic, "nova", 1, this.clock.now()));
		heartbeatAgo(record, age);
		return this.repository.findById(record.getId()).orElseThrow();
	}

	public void heartbeatAgo(ServiceRecord record, Duration age) {
		Instant at = this.clock.now().minus(age);
		this.jdbc.update("UPDATE services SET last_seen_up = ?, updated_at = ? WHERE id = ?",
				java.sql.Timestamp.from(at), java.sql.Timestamp.from(at), record.getId());
	}

	public void set(ServiceRecord record, String column, Object value) {
		this.jdbc.update("UPDATE services SET " + column + " = ? WHERE id = ?", value, record.getId());
	}

	public ServiceRecord reload(ServiceRecord record) {
		return this.repository.findById(record.getId()).orElseThrow();
	}

}
