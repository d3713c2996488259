package dev.novaboot.volume.manager;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.stereotype.Component;

/**
 * {@code volumeCapacity} in {@code /actuator/health}: this host's last capacity report,
 * what the schedulers see of it.
 */
@Component("volumeCapacityHealthIndicator")
class VolumeCapacityHealthIndicator extends AbstractHealthIndicator {

	private final CapacityReporter reporter;

	VolumeCapacityHealthIndicator(CapacityReporter reporter) {
		this.reporter = reporter;
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) {
		CapacityReporter.Report report = this.reporter.last();
		if (report == null) {
			builder.unknown().withDetail("reason", "no capacity report yet");
			return;
		}
		if (report.error() != null) {
			builder.down().withDetail("error", report.error()).withDetail("reportedAt", report.reportedAt().toString());
			return;
		}
		builder.up()
			.withDetail("totalGb", report.totalGb())
			.withDetail("freeGb", report.freeGb())
			.withDetail("allocatedGb", report.allocatedGb())
			.withDetail("volumeCount", report.volumeCount())
			.withDetail("reportedAt", report.reportedAt().toString());
	}

}
