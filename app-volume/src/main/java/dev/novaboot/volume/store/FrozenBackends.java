package dev.novaboot.volume.store;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code frozen_backends} rows: which volume hosts are frozen. Freezing inserts the
 * host's row and thawing deletes it, each one statement, so that two administrators
 * freezing the same host at once cannot both succeed.
 */
@Repository
public class FrozenBackends {

	private final JdbcClient jdbc;

	FrozenBackends(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** @return whether the host was thawed and is frozen now */
	public boolean freeze(String host, Instant now) {
		try {
			return this.jdbc.sql("INSERT INTO frozen_backends (host, created_at) VALUES (?, ?)")
				.params(host, Timestamp.from(now))
				.update() == 1;
		}
		catch (DuplicateKeyException ex) {
			return false;
		}
	}

	/** @return whether the host was frozen and is thawed now */
	public boolean thaw(String host) {
		return this.jdbc.sql("DELETE FROM frozen_backends WHERE host = ?").params(host).update() == 1;
	}

	public boolean isFrozen(String host) {
		return host != null && this.jdbc.sql("SELECT COUNT(*) FROM frozen_backends WHERE host = ?")
			.params(host)
			.query(Long.class)
			.single() > 0;
	}

	public Set<String> hosts() {
		return new TreeSet<>(this.jdbc.sql("SELECT host FROM frozen_backends").query(String.class).list());
	}

}
