package dev.novaboot.network.manager;

import java.lang.reflect.Method;
import java.time.Duration;

import dev.novaboot.network.NetworkProperties;

import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.scheduling.support.ScheduledMethodRunnable;
import org.springframework.stereotype.Component;
import org.springframework.util.ReflectionUtils;

/**
 * The periodic tasks of the network manager, at the intervals of {@link NetworkProperties}:
 * the release of vanished instances' addresses every {@code nova.network.release.interval},
 * the first run one interval after start (a host that just started does not release at
 * once).
 */
@Component
class NetworkPeriodicTasks implements SchedulingConfigurer {

	private static final Method RELEASE = ReflectionUtils.findMethod(NetworkManager.class,
			"releaseVanishedInstances");

	private final NetworkManager manager;

	private final NetworkProperties properties;

	NetworkPeriodicTasks(NetworkManager manager, NetworkProperties properties) {
		this.manager = manager;
		this.properties = properties;
	}

	@Override
	public void configureTasks(ScheduledTaskRegistrar registrar) {
		Duration interval = this.properties.release().interval();
		// a method runnable, so that /actuator/scheduledtasks names the manager's method
		registrar.addFixedDelayTask(new FixedDelayTask(new ScheduledMethodRunnable(this.manager, RELEASE), interval,
				interval));
	}

}
