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

	@Bean
	@Primary
	RecordedInstanceEvents recordedInstanceEvents() {
		return new RecordedInstanceEvents();
	}

	/** The {@code network-changed} events sent, as "host instance port". */
	static class RecordedInstanceEvents implements InstanceEvents {

		final java.util.List<String> sent = new java.util.concurrent.CopyOnWriteArrayList<>();

		@Override
		public void networkChanged(String host, String instanceUuid, String portUuid) {
			this.sent.add(host + " " + instanceUuid + " " + portUuid);
		}

	}

	static class KnownInstances implements InstanceDirectory {

		final Set<String> existing = ConcurrentHashMap.newKeySet();

		@Override
		public boolean exists(String instanceUuid) {
			return this.existing.contains(instanceUuid);
		}

	}

}
