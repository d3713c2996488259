package dev.novaboot.volume.manager;

import java.time.Duration;

import dev.novaboot.volume.VolumeProperties;

import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

/**
 * The volume host's periodic tasks, at the intervals of {@link VolumeProperties}:
 * the capacity report every {@code nova.volume.capacity-report-interval}, and the
 * clean-up of expired user messages every {@code nova.volume.message-reap-interval} (at
 * once at start, as Cinder's {@code _clean_expired_messages} runs immediately).
 */
@Component
class VolumePeriodicTasks implements SchedulingConfigurer {

	private final CapacityReporter capacityReporter;

	private final VolumeProperties properties;

	private final UserMessages messages;

	VolumePeriodicTasks(CapacityReporter capacityReporter, UserMessages messages, VolumeProperties properties) {
		this.capacityReporter = capacityReporter;
		this.messages = messages;
		this.properties = properties;
	}

	@Override
	public void configureTasks(ScheduledTaskRegistrar registrar) {
		Duration interval = this.properties.capacityReportInterval();
		// initHost() reports at start-up: the periodic reports begin one interval later
		registrar.addFixedDelayTask(new FixedDelayTask(
				new NamedTask(CapacityReporter.class.getName() + ".report", this.capacityReporter::report), interval,
				interval));
		registrar.addFixedDelayTask(new FixedDelayTask(
				new NamedTask(UserMessages.class.getName() + ".cleanExpired", this.messages::cleanExpired),
				this.properties.messageReapInterval(), Duration.ZERO));
	}

	/**
	 * A task that {@code /actuator/scheduledtasks} shows by the method it runs, as it
	 * shows an {@code @Scheduled} method, instead of a lambda's class name.
	 */
	private record NamedTask(String name, Runnable task) implements Runnable {

		@Override
		public void run() {
			this.task.run();
		}

		@Override
		public String toString() {
			return this.name;
		}

	}

}
