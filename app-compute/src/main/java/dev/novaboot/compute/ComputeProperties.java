package dev.novaboot.compute;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import dev.novaboot.compute.driver.ComputeDriver;
import dev.novaboot.compute.manager.Flavor;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * nova-compute's settings.
 *
 * @param driver the compute driver: {@code fake} or {@code qemu}
 * @param flavors the flavors users boot with; Nova's m1.tiny to m1.xlarge when none are
 * configured
 * @param cpuAllocationRatio virtual CPUs the scheduler places per physical CPU (Nova's
 * {@code cpu_allocation_ratio})
 * @param ramAllocationRatio guest RAM per host RAM ({@code ram_allocation_ratio})
 * @param diskAllocationRatio guest disk per host disk ({@code disk_allocation_ratio})
 * @param buildWorkers threads that build, reboot and delete instances on this host
 * @param deadHostGrace how long a building instance may wait on a compute service that
 * the service group reports down before it goes to {@code error}
 * @param syncPowerStateInterval how often the power state of this host's instances is
 * read from the driver and recorded (Nova's {@code sync_power_state_interval})
 * @param updateResourcesInterval how often this host's {@code compute_nodes} row is
 * updated from the driver (Nova's {@code update_resources_interval})
 * @param deadHostCheckInterval how often builds stuck on compute hosts that are down are
 * looked for
 * @param reclaimInstanceInterval how long a deleted server stays {@code SOFT_DELETED},
 * restorable, before a periodic task deletes it (Nova's {@code reclaim_instance_interval});
 * 0, the default, deletes servers at once
 * @param fake settings of the {@code fake} driver
 * @param qemu settings of the {@code qemu} driver
 */
@ConfigurationProperties("nova.compute")
public record ComputeProperties(@DefaultValue("fake") ComputeDriver.Choice driver, List<Flavor> flavors,
		@DefaultValue("16.0") double cpuAllocationRatio, @DefaultValue("1.5") double ramAllocationRatio,
		@DefaultValue("1.0") double diskAllocationRatio, @DefaultValue("4") int buildWorkers,
		@DefaultValue("2m") Duration deadHostGrace, @DefaultValue("60s") Duration syncPowerStateInterval,
		@DefaultValue("60s") Duration updateResourcesInterval, @DefaultValue("60s") Duration deadHostCheckInterval,
		@DefaultValue("0s") Duration reclaimInstanceInterval, @DefaultValue Fake fake, @DefaultValue Qemu qemu) {

	public ComputeProperties {
		flavors = (flavors != null) ? List.copyOf(flavors) : List.of();
	}

	/**
	 * @param vcpus CPUs the fake hypervisor reports (Nova's fake driver: 1000)
	 * @param memoryMb its memory
	 * @param localGb its disk
	 * @param images the names of the images it can boot
	 * @param spawnDelay how long a spawn takes, to demonstrate (and test) what happens
	 * when the service stops mid-build
	 */
	public record Fake(@DefaultValue("1000") int vcpus, @DefaultValue("800000") int memoryMb,
			@DefaultValue("600000") int localGb, @DefaultValue("cirros-0.6.2-x86_64-disk") List<String> images,
			@DefaultValue("0s") Duration spawnDelay) {
	}

	/**
	 * @param binary the QEMU system emulator to run
	 * @param imgBinary the {@code qemu-img} tool that creates the guests' overlays
	 * @param imageDirectory where the bootable disk images are (each file an image); the
	 * older name of {@code nova.image.directory}, which it overrides for this app when set
	 * @param stateDirectory where each guest keeps its overlay, console log, QMP socket
	 * and pid file
	 * @param powerOffTimeout how long a guest gets to shut down after an ACPI power-down
	 * before QEMU is told to quit
	 * @param accelerator {@code auto} (KVM when {@code /dev/kvm} is usable, else TCG),
	 * {@code kvm} or {@code tcg}
	 * @param networkNamespace the network namespace where the network service's bridges
	 * are (its {@code nova.network.namespace}): the guests' taps and QEMU run there; unset
	 * for the host's own
	 * @param liveMigrationInboundAddress the address of this host where a live migration's
	 * source sends the guest's disk and memory (Nova's libvirt
	 * {@code live_migration_inbound_addr}): an address the other compute hosts reach; the
	 * default serves compute hosts that share one machine
	 * @param liveMigrationTimeout how long a live migration may run before it is cancelled,
	 * the guest running on at its source
	 */
	public record Qemu(@DefaultValue("qemu-system-x86_64") String binary, @DefaultValue("qemu-img") String imgBinary,
			Path imageDirectory, @DefaultValue("./var/instances") Path stateDirectory,
			@DefaultValue("10s") Duration powerOffTimeout, @DefaultValue("auto") String accelerator,
			String networkNamespace, @DefaultValue("127.0.0.1") String liveMigrationInboundAddress,
			@DefaultValue("15m") Duration liveMigrationTimeout) {

		@ConstructorBinding
		public Qemu {
		}

		/** The settings with live migration's defaults. */
		public Qemu(String binary, String imgBinary, Path imageDirectory, Path stateDirectory, Duration powerOffTimeout,
				String accelerator, String networkNamespace) {
			this(binary, imgBinary, imageDirectory, stateDirectory, powerOffTimeout, accelerator, networkNamespace,
					"127.0.0.1", Duration.ofMinutes(15));
		}

	}

}
