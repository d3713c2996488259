package dev.novaboot.compute.driver;

import org.springframework.boot.health.contributor.Health;

/**
 * Guests kept in memory only: for tests and demos.
 */
public class FakeComputeDriver implements ComputeDriver {

	@Override
	public String name() {
		return "fake";
	}

	@Override
	public Health health() {
		return Health.up().build();
	}

}
