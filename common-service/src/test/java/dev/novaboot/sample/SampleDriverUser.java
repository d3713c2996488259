package dev.novaboot.sample;

import org.springframework.stereotype.Component;

/**
 * Needs a {@link SampleDriver}, as a manager needs its driver.
 */
@Component
public class SampleDriverUser {

	private final SampleDriver driver;

	public SampleDriverUser(SampleDriver driver) {
		this.driver = driver;
	}

	public SampleDriver driver() {
		return this.driver;
	}

}
