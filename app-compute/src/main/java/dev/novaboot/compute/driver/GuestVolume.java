package dev.novaboot.compute.driver;

import java.nio.file.Path;

/**
 * A volume as a driver plugs it in: a local file or block device.
 *
 * @param volumeId the volume's id
 * @param device the device name the user sees, such as {@code /dev/vdb}
 * @param path the local file or block device
 * @param format {@code raw} or {@code qcow2}
 */
public record GuestVolume(String volumeId, String device, Path path, String format) {

	/** The short name of the device, {@code vdb} for {@code /dev/vdb}. */
	public String deviceName() {
		return this.device.substring(this.device.lastIndexOf('/') + 1);
	}

}
