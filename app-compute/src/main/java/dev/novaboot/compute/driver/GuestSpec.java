package dev.novaboot.compute.driver;

import java.nio.file.Path;
import java.util.List;

/**
 * What a driver needs to run a guest.
 *
 * @param uuid the instance's uuid, the guest's name on the hypervisor
 * @param name the instance's display name
 * @param vcpus from the flavor
 * @param memoryMb from the flavor
 * @param rootGb from the flavor; 0 keeps the image's size
 * @param imagePath the image file (null for the fake driver)
 * @param imageFormat {@code qcow2} or {@code raw}
 * @param macAddresses the MAC addresses of its network interfaces
 * @param volumes volumes attached to it
 */
public record GuestSpec(String uuid, String name, int vcpus, int memoryMb, int rootGb, Path imagePath,
		String imageFormat, List<String> macAddresses, List<GuestVolume> volumes) {

	public GuestSpec {
		macAddresses = List.copyOf(macAddresses);
		volumes = List.copyOf(volumes);
	}

}
