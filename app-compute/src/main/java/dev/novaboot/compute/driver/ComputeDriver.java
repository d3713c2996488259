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

	/** The guest's power state; {@link PowerState#NOSTATE} for a guest this host does not have. */
	PowerState getInfo(String uuid);

	/** The uuids of the guests on this host. */
	List<String> listInstances();

	/** The last {@code lines} lines of the guest's serial console, all of it when null. */
	String getConsoleOutput(String uuid, Integer lines);

	/** Plugs the volume into the guest (at once if it runs, at its next start otherwise). */
	void attachVolume(String uuid, GuestVolume volume);

	void detachVolume(String uuid, GuestVolume volume);

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
