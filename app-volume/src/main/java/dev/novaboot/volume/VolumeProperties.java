package dev.novaboot.volume;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * nova-volume's settings.
 *
 * @param driver the volume driver: {@code file}, {@code lvm} or {@code fake}
 * @param file settings of the {@code file} driver
 * @param lvm settings of the {@code lvm} driver
 */
@ConfigurationProperties("nova.volume")
public record VolumeProperties(@DefaultValue("file") String driver, @DefaultValue File file, @DefaultValue Lvm lvm) {

	/**
	 * @param directory where the sparse volume files live
	 */
	public record File(@DefaultValue("./var/volumes") Path directory) {
	}

	/**
	 * @param volumeGroup the LVM volume group that holds the volumes
	 */
	public record Lvm(@DefaultValue("nova-volumes") String volumeGroup) {
	}

}
