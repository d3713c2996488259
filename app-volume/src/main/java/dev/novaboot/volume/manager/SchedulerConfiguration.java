package dev.novaboot.volume.manager;

import dev.novaboot.service.group.ServiceGroup;
import dev.novaboot.service.record.DatabaseClock;
import dev.novaboot.volume.VolumeProperties;
import dev.novaboot.volume.store.FrozenBackends;
import dev.novaboot.volume.store.VolumeCapacityRepository;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The scheduler's {@link SchedulerCandidates}, on the system's monotonic clock. */
@Configuration(proxyBeanMethods = false)
class SchedulerConfiguration {

	@Bean
	SchedulerCandidates schedulerCandidates(ServiceGroup serviceGroup, VolumeCapacityRepository capacities,
			FrozenBackends frozen, DatabaseClock clock, VolumeProperties properties) {
		return new SchedulerCandidates(serviceGroup, capacities, frozen, clock, properties.schedulerCacheTtl(),
				System::nanoTime);
	}

}
