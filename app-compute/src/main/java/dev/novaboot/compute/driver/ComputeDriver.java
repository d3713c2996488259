package dev.novaboot.compute.driver;

import java.util.List;

import dev.novaboot.service.driver.Driver;
import dev.novaboot.service.driver.SelectedBy;

/**
 * How guests run on this host (Nova's {@code nova.virt.driver.ComputeDriver}). Drivers
 * receive plain values, never entities, and keep no database state: what they know about
 * a guest they can read back from the hypervisor.
 */
@SelectedBy(property = "nova.compute.driver", choices = ComputeDriver.Choice.class)
public interface ComputeDriver extends Driver {

	/**
	 * Reconciles the host with what the driver left behind when this service stopped
	 * (Nova's {@code init_host}), before the instances are; nothing by default.
	 */
	default void initHost() {
	}

	/** Creates and starts the guest, with its volumes attached. */
	void spawn(GuestSpec guest);

	/** Stops the guest and removes everything of it from this host; a missing guest is fine. */
	void destroy(String uuid);

	/** Reboots a running guest, or starts a stopped one for a {@code HARD} reboot. */
	void reboot(GuestSpec guest, RebootType type);

	void powerOff(String uuid);

	/** Sends the running guest a non-maskable interrupt (Nova's {@code inject_nmi}). */
	void injectNmi(String uuid);

	/** Starts the stopped guest again, with the volumes of {@code guest}. */
	void powerOn(GuestSpec guest);

	/** Freezes the running guest in memory (Nova's {@code pause}). */
	void pause(String uuid);

	/** Lets the paused guest run on. */
	void unpause(String uuid);

	/** Saves the running guest's state and stops it (Nova's {@code suspend}); the guest reports {@code SUSPENDED}. */
	void suspend(String uuid);

	/** Runs the suspended guest again from its saved state. */
	void resume(GuestSpec guest);

	/**
	 * Runs the guest anew from {@code guest}'s image with the same interfaces and volumes
	 * (Nova's default rebuild: destroy, then spawn); the old disk is gone.
	 */
	default void rebuild(GuestSpec guest) {
		destroy(guest.uuid());
		spawn(guest);
	}

	/**
	 * First half of a resize on this host (Nova's {@code migrate_disk_and_power_off}): the
	 * guest is powered off and its disk kept as it is, for a revert.
	 */
	void migrateDiskAndPowerOff(String uuid);

	/**
	 * Second half (Nova's {@code finish_migration}): the disk grows to the new flavor's
	 * size and, when {@code powerOn}, the guest starts with the new vcpus and memory.
	 */
	void finishMigration(GuestSpec resized, boolean powerOn);

	/**
	 * The destination's half of a cold migration between hosts (Nova's
	 * {@code finish_migration} on another host): the guest made here from the disk the
	 * source handed over, started when {@code powerOn}. A driver whose disks cannot leave
	 * their host refuses, and the migration fails before the source's guest is touched
	 * again.
	 */
	default void finishMigrationFromHost(GuestSpec guest, String sourceHost, boolean powerOn) {
		throw new UnsupportedOperationException(
				"This compute driver cannot receive a guest from another host (no shared instance storage)");
	}

	/**
	 * The destination's first step of a live migration (Nova's {@code pre_live_migration}):
	 * a guest like {@code guest} made here, not running, waiting for the state the source
	 * sends to the answer's {@code uri}. A driver that cannot receive a live guest refuses,
	 * and the migration fails with the source's guest untouched.
	 */
	default LiveMigrationTarget preLiveMigration(GuestSpec guest) {
		throw new UnsupportedOperationException("This compute driver cannot receive a live guest from another host");
	}

	/**
	 * The source's move of the running guest to {@code target} (Nova's
	 * {@code live_migration}), returning once the destination has all of it, or throwing
	 * with the guest still running here ({@link LiveMigrationAbortedException} when
	 * {@link #abortLiveMigration} cancelled it). The guest here is left stopped after a
	 * success; the caller destroys it once the destination took the instance.
	 */
	default void liveMigration(String uuid, LiveMigrationTarget target) {
		throw new UnsupportedOperationException("This compute driver cannot live-migrate a guest");
	}

	/**
	 * The guest that arrived is taken over (Nova's
	 * {@code post_live_migration_at_destination}): its vCPUs run when {@code running}, it
	 * stays paused otherwise (a paused server moves paused).
	 */
	default void postLiveMigrationAtDestination(String uuid, boolean running) {
		throw new UnsupportedOperationException("This compute driver cannot receive a live guest from another host");
	}

	/** Cancels the guest's live migration under way; nothing when none is. */
	default void abortLiveMigration(String uuid) {
	}

	/**
	 * Makes the guest's live migration under way finish: the guest is paused so that its
	 * memory stops changing (what Nova's libvirt driver does without post-copy); it runs
	 * again on the destination.
	 */
	default void forceCompleteLiveMigration(String uuid) {
	}

	/** The resize is kept: what a revert would have needed goes. */
	void confirmMigration(String uuid);

	/** Back to the disk and sizes from before the resize, started when {@code powerOn}. */
	void finishRevertMigration(GuestSpec original, boolean powerOn);

	/** The guest's power state; {@link PowerState#NOSTATE} for a guest this host does not have. */
	PowerState getInfo(String uuid);

	/** The uuids of the guests on this host. */
	List<String> listInstances();

	/** The last {@code lines} lines of the guest's serial console, all of it when null. */
	String getConsoleOutput(String uuid, Integer lines);

	/** Plugs the volume into the guest (at once if it runs, at its next start otherwise). */
	void attachVolume(String uuid, GuestVolume volume);

	void detachVolume(String uuid, GuestVolume volume);

	/**
	 * Hot-plugs a network interface into the guest (Nova's {@code attach_interface}): at
	 * once if the guest runs or is paused; a stopped guest gets it at its next start, from
	 * the network info the manager records. A failure leaves nothing of it on the host.
	 */
	void attachInterface(String uuid, GuestVif vif);

	/**
	 * Unplugs the interface from the guest and removes what plugged it on the host (Nova's
	 * {@code detach_interface}); an interface the guest does not have is fine.
	 */
	void detachInterface(String uuid, GuestVif vif);

	/** What this host offers to guests, for the resource tracker. */
	HostResources getAvailableResource();

	enum RebootType {

		SOFT, HARD

	}

	/** The values of {@code nova.compute.driver}. */
	enum Choice {

		/** Guests in memory only, for tests and demos (the default). */
		FAKE,

		/** Each guest a {@code qemu-system-x86_64} process controlled over QMP. */
		QEMU

	}

}
