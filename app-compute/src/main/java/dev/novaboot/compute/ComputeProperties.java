package dev.novaboot.compute;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * nova-compute's settings.
 *
 * @param driver the compute driver: {@code fake} or {@code qemu}
 * @param qemu settings of the {@code qemu} driver
 */
@ConfigurationProperties("nova.compute")
public record ComputeProperties(@DefaultValue("fake") String driver, @DefaultValue Qemu qemu) {

	/**
	 * @param binary the QEMU system emulator to run
	 * @param imageDirectory where the bootable disk images are
	 */
	public record Qemu(@DefaultValue("qemu-system-x86_64") String binary,
			@DefaultValue("./var/images") Path imageDirectory) {
	}

}
