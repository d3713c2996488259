package dev.novaboot.volume.api;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Timestamps as Cinder writes them: UTC without an offset, microseconds.
 */
final class ApiTime {

	private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS")
		.withZone(ZoneOffset.UTC);

	private ApiTime() {
	}

	static String format(Instant instant) {
		return (instant != null) ? FORMAT.format(instant) : null;
	}

}
