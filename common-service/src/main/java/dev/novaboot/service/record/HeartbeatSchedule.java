package dev.novaboot.service.record;

import java.time.Duration;

import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.scheduling.support.ScheduledMethodRunnable;

/**
 * Runs the {@link Heartbeat} every {@code nova.service.report-interval}, typed in
 * {@link dev.novaboot.service.ServiceProperties} with its default written once there. A
 * {@link ScheduledMethodRunnable} keeps the task named {@code Heartbeat.reportState} in
 * {@code /actuator/scheduledtasks}, with its last outcome, as an {@code @Scheduled} method is.
 */
public class HeartbeatSchedule implements SchedulingConfigurer {

	private final Heartbeat heartbeat;

	private final Duration reportInterval;

	public HeartbeatSchedule(Heartbeat heartbeat, Duration reportInterval) {
		this.heartbeat = heartbeat;
		this.reportInterval = reportInterval;
	}

	@Override
	public void configureTasks(ScheduledTaskRegistrar registrar) {
		try {
			registrar.addFixedDelayTask(new FixedDelayTask(
					new ScheduledMethodRunnable(this.heartbeat, Heartbeat.class.getMethod("reportState")),
					this.reportInterval, Duration.ZERO));
		}
		catch (NoSuchMethodException ex) {
			throw new IllegalStateException("Heartbeat.reportState() is gone", ex);
		}
	}

}
