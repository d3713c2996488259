package dev.novaboot.network.store;

import java.sql.SQLException;
import java.util.Locale;

import org.springframework.dao.DataIntegrityViolationException;

/**
 * Tells which unique key a failed insert or update ran into, so that a retry loop retries
 * only the collision it expects (a random MAC address or VLAN id taken by someone else)
 * and lets every other data error (a value too long for its column, a null) through at
 * once, instead of retrying it until it looks like a collision.
 */
public final class UniqueKeys {

	// SQLSTATE of a unique violation, in PostgreSQL and H2 alike
	private static final String UNIQUE_VIOLATION = "23505";

	private UniqueKeys() {
	}

	/**
	 * Whether {@code ex} is a unique violation of the constraint {@code name} (as the
	 * migrations name it, {@code uq_<table>_<columns>} such as {@code uq_ports_mac_address}).
	 * PostgreSQL and H2 both name the constraint in their message (H2 adds the index it
	 * made for it).
	 */
	public static boolean violated(DataIntegrityViolationException ex, String name) {
		String wanted = name.toLowerCase(Locale.ROOT);
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())
					&& sql.getMessage() != null && sql.getMessage().toLowerCase(Locale.ROOT).contains(wanted)) {
				return true;
			}
			if (cause.getCause() == cause) {
				break;
			}
		}
		return false;
	}

}
