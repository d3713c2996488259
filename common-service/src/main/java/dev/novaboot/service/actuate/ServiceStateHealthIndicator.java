package dev.novaboot.service.actuate;

import dev.novaboot.service.ServiceIdentity;
import dev.novaboot.service.record.Heartbeat;
import dev.novaboot.service.record.HeartbeatStatus;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * {@code serviceState}: UP while this service's heartbeats reach the database, DOWN
 * while they fail. Reads the heartbeat's last outcome; it never touches the database
 * itself, so a health probe costs nothing and cannot hang on a dead connection.
 */
public class ServiceStateHealthIndicator extends AbstractHealthIndicator {

	private final Heartbeat heartbeat;

	private final ServiceIdentity identity;

	public ServiceStateHealthIndicator(Heartbeat heartbeat, ServiceIdentity identity) {
		super("Service state check failed");
		this.heartbeat = heartbeat;
		this.identity = identity;
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) {
		HeartbeatStatus status = this.heartbeat.status();
		builder.status(status.healthy() ? "UP" : "DOWN")
			.withDetail("host", this.identity.host())
			.withDetail("binary", this.identity.binary())
			.withDetail("topic", this.identity.topic());
		if (status.serviceUuid() != null) {
			builder.withDetail("service", status.serviceUuid());
		}
		if (status.lastReport() != null) {
			builder.withDetail("lastReport", status.lastReport().toString());
		}
		if (!status.healthy()) {
			builder.withDetail("failedReports", status.failures()).withDetail("error", status.lastError());
		}
	}

}
