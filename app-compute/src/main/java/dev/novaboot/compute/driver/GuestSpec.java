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
 * @param vifs its network interfaces, in order
 * @param volumes volumes attached to it
 * @param hostname the guest's hostname (what its cloud-init would be told)
 * @param addresses its fixed IP addresses, in interface order
 * @param metadata what its config drive tells it (null: no config drive)
 */
public record GuestSpec(String uuid, String name, int vcpus, int memoryMb, int rootGb, Path imagePath,
		String imageFormat, List<GuestVif> vifs, List<GuestVolume> volumes, String hostname,
		List<String> addresses, GuestMetadata metadata) {

	public GuestSpec {
		vifs = List.copyOf(vifs);
		volumes = List.copyOf(volumes);
		hostname = (hostname != null) ? hostname : name;
		addresses = (addresses != null) ? List.copyOf(addresses) : List.of();
	}

	/** A guest without a config drive whose interfaces are not plugged anywhere. */
	public GuestSpec(String uuid, String name, int vcpus, int memoryMb, int rootGb, Path imagePath, String imageFormat,
			List<String> macAddresses, List<GuestVolume> volumes, String hostname, List<String> addresses) {
		this(uuid, name, vcpus, memoryMb, rootGb, imagePath, imageFormat,
				macAddresses.stream().map(GuestVif::unplugged).toList(), volumes, hostname, addresses, null);
	}

	/** A guest whose hostname is its name and whose addresses are not known. */
	public GuestSpec(String uuid, String name, int vcpus, int memoryMb, int rootGb, Path imagePath, String imageFormat,
			List<String> macAddresses, List<GuestVolume> volumes) {
		this(uuid, name, vcpus, memoryMb, rootGb, imagePath, imageFormat, macAddresses, volumes, name, List.of());
	}

	/** The MAC addresses of its interfaces, in order. */
	public List<String> macAddresses() {
		return this.vifs.stream().map(GuestVif::macAddress).toList();
	}

}
