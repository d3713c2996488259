package dev.novaboot.compute.manager;

import java.time.Duration;

import dev.novaboot.compute.ComputeProperties;

import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.scheduling.support.ScheduledMethodRunnable;
import org.springframework.stereotype.Component;

/**
 * The {@link ComputeManager}'s periodic tasks, each every interval of
 * {@link ComputeProperties} and first one interval after start-up (start-up itself
 * reconciles and records the resources). {@link ScheduledMethodRunnable} keeps each task
 * named after its method in {@code /actuator/scheduledtasks}, as an {@code @Scheduled}
 * method is.
 */
@Component
class ComputePeriodicTasks implements SchedulingConfigurer {

	private final ComputeManager manager;

	private final ComputeProperties properties;

	ComputePeriodicTasks(ComputeManager manager, ComputeProperties properties) {
		this.manager = manager;
		this.properties = properties;
	}

	@Override
	public void configureTasks(ScheduledTaskRegistrar registrar) {
		every(registrar, "syncPowerStates", this.properties.syncPowerStateInterval());
		every(registrar, "updateAvailableResources", this.properties.updateResourcesInterval());
		every(registrar, "failBuildsOfDeadHosts", this.properties.deadHostCheckInterval());
		// Nova runs its reclaim at the interval itself; off (0) means deletes are immediate
		if (this.properties.reclaimInstanceInterval().compareTo(Duration.ZERO) > 0) {
			every(registrar, "reclaimQueuedDeletes", this.properties.reclaimInstanceInterval());
		}
	}

	private void every(ScheduledTaskRegistrar registrar, String method, Duration interval) {
		try {
			registrar.addFixedDelayTask(new FixedDelayTask(
					new ScheduledMethodRunnable(this.manager, ComputeManager.class.getMethod(method)), interval,
					interval));
		}
		catch (NoSuchMethodException ex) {
			throw new IllegalStateException("ComputeManager." + method + "() is gone", ex);
		}
	}

}
