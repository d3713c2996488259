package dev.novaboot.compute.api.dashboard;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Map;

/**
 * A row of {@code os-services} as the Services page shows it, with the heartbeat's age
 * against the suite's {@code down-time}.
 * @param heartbeatAge seconds since {@code updated_at}, -1 when the service never reported
 */
record ServiceRow(String id, String host, String binary, String zone, String state, String status,
		String disabledReason, boolean forcedDown, long heartbeatAge, long downTime) {

	static ServiceRow of(Map<String, Object> service, Instant now, Duration downTime) {
		return new ServiceRow(String.valueOf(service.get("id")), (String) service.get("host"),
				(String) service.get("binary"), (String) service.get("zone"), (String) service.get("state"),
				(String) service.get("status"), (String) service.get("disabled_reason"),
				Boolean.TRUE.equals(service.get("forced_down")), age(service.get("updated_at"), now),
				downTime.toSeconds());
	}

	// Nova's times are UTC without a zone: 2026-12-01T14:00:00.000000
	private static long age(Object updatedAt, Instant now) {
		if (!(updatedAt instanceof String text)) {
			return -1;
		}
		try {
			Instant seen = LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
			return Math.max(0, Duration.between(seen, now).toSeconds());
		}
		catch (DateTimeParseException ex) {
			return -1;
		}
	}

	public boolean up() {
		return "up".equals(this.state);
	}

	public boolean disabled() {
		return "disabled".equals(this.status);
	}

	/** The heartbeat bar's value: the age, at most the down-time. */
	public long barValue() {
		return Math.min(Math.max(this.heartbeatAge, 0), this.downTime);
	}

	public String heartbeatText() {
		return (this.heartbeatAge < 0) ? "never reported"
				: this.heartbeatAge + " s ago (down after " + this.downTime + " s)";
	}

}
