package dev.novaboot.network.manager;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * A recording driver instead of the configured one, and an instance directory that
 * knows the instances a test says exist.
 */
@TestConfiguration(proxyBeanMethods = false)
class StrategyTestConfiguration {

	@Bean
	@Primary
	RecordingNetworkDriver recordingNetworkDriver() {
		return new RecordingNetworkDriver();
	}

	@Bean
	@Primary
	KnownInstances knownInstances() {
		return new KnownInstances();
	}

	static class KnownInstances implements InstanceDirectory {

		final Set<String> existing = ConcurrentHashMap.newKeySet();

		@Override
		public boolean exists(String instanceUuid) {
			return this.existing.contains(instanceUuid);
		}

	}

}
