package dev.novaboot.service.record;

import java.time.Instant;

/**
 * What the heartbeat knows about the last reports of this service.
 *
 * @param serviceUuid the uuid of this service's row; {@code null} before registration
 * @param healthy whether the last report reached the database
 * @param lastReport when (JVM clock) the last successful report was made
 * @param failures reports that failed in a row
 * @param lastError why the last report failed
 */
public record HeartbeatStatus(String serviceUuid, boolean healthy, Instant lastReport, long failures,
		String lastError) {

	static HeartbeatStatus registered(String serviceUuid, Instant now) {
		return new HeartbeatStatus(serviceUuid, true, now, 0, null);
	}

	HeartbeatStatus reported(String uuid, Instant now) {
		return new HeartbeatStatus(uuid, true, now, 0, null);
	}

	HeartbeatStatus failed(String error) {
		return new HeartbeatStatus(this.serviceUuid, false, this.lastReport, this.failures + 1, error);
	}

}
