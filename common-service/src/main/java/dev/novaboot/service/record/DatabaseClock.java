package dev.novaboot.service.record;

import java.time.Instant;
import java.time.OffsetDateTime;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The database's own clock: the one time source that all hosts of the suite share, so
 * that "is this service up?" gives the same answer on every host whatever its clock says.
 */
public class DatabaseClock {

	private final JdbcTemplate jdbc;

	public DatabaseClock(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	public Instant now() {
		OffsetDateTime now = this.jdbc.queryForObject("SELECT CURRENT_TIMESTAMP", OffsetDateTime.class);
		return now.toInstant();
	}

}
