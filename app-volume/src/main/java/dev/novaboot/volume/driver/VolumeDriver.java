package dev.novaboot.volume.driver;

import dev.novaboot.service.driver.Driver;
import dev.novaboot.service.driver.SelectedBy;

/**
 * How volumes are stored on this host (the seed's {@code VolumeDriver}).
 */
@SelectedBy(property = "nova.volume.driver", choices = { "file", "lvm", "fake" })
public interface VolumeDriver extends Driver {

	/**
	 * Prepares this host for the driver (Nova's {@code do_setup} and
	 * {@code check_for_setup_error}); an exception means the host cannot serve volumes.
	 */
	default void doSetup() {
	}

}
