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
 * @param hostname the guest's hostname (what its cloud-init would be told)
 * @param addresses its fixed IP addresses, in interface order
 * @param metadata what its config drive tells it (null: no config drive)
 */
public record GuestSpec(String uuid, String name, int vcpus, int memoryMb, int rootGb, Path imagePath,
		String imageFormat, List<String> macAddresses, List<GuestVolume> volumes, String hostname,
		List<String> addresses, GuestMetadata metadata) {

	public GuestSpec {
		macAddresses = List.copyOf(macAddresses);
		volumes = List.copyOf(volumes);
		hostname = (hostname != null) ? hostname : name;
		addresses = (addresses != null) ? List.copyOf(addresses) : List.of();
	}

	/** A guest without a config drive. */
	public GuestSpec(String uuid, String name, int vcpus, int memoryMb, int rootGb, Path imagePath, String imageFormat,
			List<String> macAddresses, List<GuestVolume> volumes, String hostname, List<String> addresses) {
		this(uuid, name, vcpus, memoryMb, rootGb, imagePath, imageFormat, macAddresses, volumes, hostname, addresses,
				null);
	}

	/** A guest whose hostname is its name and whose addresses are not known. */
	public GuestSpec(String uuid, String name, int vcpus, int memoryMb, int rootGb, Path imagePath, String imageFormat,
			List<String> macAddresses, List<GuestVolume> volumes) {
		this(uuid, name, vcpus, memoryMb, rootGb, imagePath, imageFormat, macAddresses, volumes, name, List.of());
	}

}
