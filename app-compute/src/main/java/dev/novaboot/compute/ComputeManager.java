package dev.novaboot.compute;

import dev.novaboot.compute.driver.ComputeDriver;
import dev.novaboot.service.manager.Manager;

import org.springframework.stereotype.Service;

/**
 * Owns the instances of this host: spawns, reboots and destroys them through the compute
 * driver.
 */
@Service
public class ComputeManager implements Manager {

	private final ComputeDriver driver;

	public ComputeManager(ComputeDriver driver) {
		this.driver = driver;
	}

	ComputeDriver driver() {
		return this.driver;
	}

}
