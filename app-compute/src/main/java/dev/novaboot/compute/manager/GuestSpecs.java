package dev.novaboot.compute.manager;

import java.util.List;
import java.util.Map;

import dev.novaboot.compute.driver.GuestMetadata;
import dev.novaboot.compute.driver.GuestSpec;
import dev.novaboot.compute.driver.GuestVolume;
import dev.novaboot.compute.store.Instance;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

/**
 * What a driver needs to run an instance (its image, interfaces and volumes), from the
 * instance's row: for a power-on, a reboot, a rebuild and both sides of a resize.
 */
@Component
class GuestSpecs {

	private final ComputeImages images;

	private final VolumeAttachments volumes;

	private final JsonMapper json;

	GuestSpecs(ComputeImages images, VolumeAttachments volumes, JsonMapper json) {
		this.images = images;
		this.volumes = volumes;
		this.json = json;
	}

	/** The instance with the sizes it has now. */
	GuestSpec of(Instance instance) {
		return withSizes(instance, instance.getVcpus(), instance.getMemoryMb(), instance.getRootGb());
	}

	/** The instance with other sizes: those of a flavor it is resized to or reverted to. */
	GuestSpec withSizes(Instance instance, int vcpus, int memoryMb, int rootGb) {
		Image image = this.images.find(instance.getImageRef()).orElse(null);
		return new GuestSpec(instance.getUuid(), instance.getName(), vcpus, memoryMb, rootGb,
				(image != null) ? image.path() : null, (image != null) ? image.diskFormat() : null,
				networkInfo(instance).guestVifs(), this.volumes.guestVolumes(instance.getUuid()), instance.getName(),
				List.of(), null);
	}

	NetworkInfo networkInfo(Instance instance) {
		return (instance.getNetworkInfo() != null) ? this.json.readValue(instance.getNetworkInfo(), NetworkInfo.class)
				: new NetworkInfo(List.of());
	}

	static GuestSpec spec(Instance instance, Image image, NetworkInfo networkInfo, List<GuestVolume> volumes) {
		return new GuestSpec(instance.getUuid(), instance.getName(), instance.getVcpus(), instance.getMemoryMb(),
				instance.getRootGb(), (image != null) ? image.path() : null, (image != null) ? image.diskFormat() : null,
				networkInfo.guestVifs(), volumes,
				(instance.getHostname() != null) ? instance.getHostname() : instance.getName(),
				networkInfo.vifs()
					.stream()
					.flatMap((vif) -> vif.network().subnets().stream())
					.flatMap((subnet) -> subnet.ips().stream())
					.filter((ip) -> "fixed".equals(ip.type()))
					.map(NetworkInfo.FixedIp::address)
					.toList(),
				metadata(instance));
	}

	// what the guest's config drive says: who it is, where it runs, the key to let in
	private static GuestMetadata metadata(Instance instance) {
		return new GuestMetadata(instance.getUuid(), instance.getName(),
				(instance.getHostname() != null) ? instance.getHostname() : instance.getName(),
				(instance.getAvailabilityZone() != null) ? instance.getAvailabilityZone() : "nova",
				instance.getProjectId(), Map.of(), instance.getKeyName(), instance.getKeyData());
	}

}
