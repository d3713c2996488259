package dev.novaboot.volume.driver;

import org.springframework.boot.health.contributor.Health;

/**
 * Volumes kept in memory only: for tests and demos.
 */
public class FakeVolumeDriver implements VolumeDriver {

	@Override
	public String name() {
		return "fake";
	}

	@Override
	public Health health() {
		return Health.up().build();
	}

}
