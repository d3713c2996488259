package dev.novaboot.volume;

import dev.novaboot.service.manager.Manager;
import dev.novaboot.volume.driver.VolumeDriver;

import org.springframework.stereotype.Service;

/**
 * Owns volumes: other components deal with volumes by calling the VolumeManager, never by
 * changing volume rows themselves.
 */
@Service
public class VolumeManager implements Manager {

	private final VolumeDriver driver;

	public VolumeManager(VolumeDriver driver) {
		this.driver = driver;
	}

	@Override
	public void initHost() {
		this.driver.doSetup();
	}

	VolumeDriver driver() {
		return this.driver;
	}

}
