package dev.novaboot.compute.api;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Nova's timestamps: in server bodies UTC, seconds, a {@code Z}; elsewhere (key pairs,
 * services, usage, instance actions) Python's isoformat of a naive UTC time, microseconds
 * and no zone.
 */
final class NovaTime {

	private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'")
		.withZone(ZoneOffset.UTC);

	private static final DateTimeFormatter MICROSECONDS = DateTimeFormatter
		.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS")
		.withZone(ZoneOffset.UTC);

	private NovaTime() {
	}

	static String format(Instant instant) {
		return (instant != null) ? FORMAT.format(instant) : null;
	}

	/** {@code 2018-04-25T01:26:29.565338}; null stays null. */
	static String microseconds(Instant instant) {
		return (instant != null) ? MICROSECONDS.format(instant) : null;
	}

}
