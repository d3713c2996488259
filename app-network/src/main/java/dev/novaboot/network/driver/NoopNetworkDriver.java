package dev.novaboot.network.driver;

import org.springframework.boot.health.contributor.Health;

/**
 * Changes nothing on the host: bookkeeping only, for hosts whose networking is managed
 * elsewhere, and for tests.
 */
public class NoopNetworkDriver implements NetworkDriver {

	@Override
	public String name() {
		return "noop";
	}

	@Override
	public Health health() {
		return Health.up().build();
	}

}
