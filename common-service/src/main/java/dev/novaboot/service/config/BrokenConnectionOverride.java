package dev.novaboot.service.config;

import java.sql.SQLException;
import java.util.Set;

import com.zaxxer.hikari.SQLExceptionOverride;

/**
 * Makes Hikari drop connections that H2 reports as broken. Hikari recognises a dead
 * PostgreSQL connection by its SQL state ({@code 08...}, {@code 57P01}), but H2 uses its
 * own codes, and without this a restarted H2 server leaves stale connections in the pool
 * that fail every heartbeat forever.
 */
public class BrokenConnectionOverride implements SQLExceptionOverride {

	// H2's ErrorCode: CONNECTION_BROKEN_1, DATABASE_CALLED_AT_SHUTDOWN, DATABASE_IS_CLOSED
	private static final Set<Integer> H2_BROKEN_CONNECTION = Set.of(90067, 90121, 90098);

	@java.lang.Override
	public SQLExceptionOverride.Override adjudicate(SQLException ex) {
		return H2_BROKEN_CONNECTION.contains(ex.getErrorCode()) ? SQLExceptionOverride.Override.MUST_EVICT
				: SQLExceptionOverride.Override.CONTINUE_EVICT;
	}

}
