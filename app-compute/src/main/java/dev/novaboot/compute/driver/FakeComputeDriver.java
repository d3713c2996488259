package dev.novaboot.compute.driver;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.boot.health.contributor.Health;

/**
 * Guests kept in memory only: for tests and demos (Nova's {@code fake.FakeDriver}). The
 * console records what happened to the guest, so that console output has content.
 */
public class FakeComputeDriver implements ComputeDriver {

	// a held live migration gives up after this long, so that a forgotten release ends
	private static final Duration HELD_AT_MOST = Duration.ofSeconds(60);

	private final Map<String, FakeGuest> guests = new ConcurrentHashMap<>();

	private volatile boolean holdLiveMigrations;

	private volatile boolean failNextLiveMigration;

	private final HostResources resources;

	private final Duration spawnDelay;

	public FakeComputeDriver(int vcpus, int memoryMb, int localGb, Duration spawnDelay) {
		this.resources = new HostResources(vcpus, memoryMb, localGb, "fake", "1.0");
		this.spawnDelay = spawnDelay;
	}

	@Override
	public String name() {
		return "fake";
	}

	@Override
	public Health health() {
		return Health.up().withDetail("guests", this.guests.size()).build();
	}

	@Override
	public void spawn(GuestSpec guest) {
		if (!this.spawnDelay.isZero()) {
			try {
				Thread.sleep(this.spawnDelay.toMillis());
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException("Spawn of " + guest.uuid() + " interrupted", ex);
			}
		}
		FakeGuest fake = new FakeGuest();
		fake.vcpus = guest.vcpus();
		fake.memoryMb = guest.memoryMb();
		guest.volumes().forEach((volume) -> fake.volumes.put(volume.volumeId(), volume));
		guest.vifs().forEach((vif) -> fake.vifs.put(vifKey(vif), vif));
		fake.power = PowerState.RUNNING;
		// a fake guest, a clock of its own: its transcript is the only place the time shows
		fake.console.addAll(BootTranscript.of(guest, Instant.now()));
		this.guests.put(guest.uuid(), fake);
	}

	@Override
	public void destroy(String uuid) {
		this.guests.remove(uuid);
	}

	@Override
	public void reboot(GuestSpec guest, RebootType type) {
		FakeGuest fake = guest(guest.uuid());
		synchronized (fake) {
			fake.power = PowerState.RUNNING;
			fake.console.add(type.name().toLowerCase() + " reboot");
		}
	}

	@Override
	public void powerOff(String uuid) {
		FakeGuest fake = guest(uuid);
		synchronized (fake) {
			fake.power = PowerState.SHUTDOWN;
			fake.console.add("powered off");
		}
	}

	@Override
	public void injectNmi(String uuid) {
		FakeGuest fake = guest(uuid);
		synchronized (fake) {
			if (fake.power != PowerState.RUNNING) {
				throw new IllegalStateException("Guest " + uuid + " is not running: no interrupt to inject");
			}
			fake.console.add("Kernel panic - not syncing: NMI: Not continuing");
		}
	}

	@Override
	public void powerOn(GuestSpec guest) {
		FakeGuest fake = guest(guest.uuid());
		synchronized (fake) {
			fake.power = PowerState.RUNNING;
			fake.console.add("powered on");
		}
	}

	@Override
	public void pause(String uuid) {
		change(uuid, PowerState.RUNNING, PowerState.PAUSED, "paused");
	}

	@Override
	public void unpause(String uuid) {
		change(uuid, PowerState.PAUSED, PowerState.RUNNING, "unpaused");
	}

	@Override
	public void suspend(String uuid) {
		change(uuid, PowerState.RUNNING, PowerState.SUSPENDED, "suspended");
	}

	@Override
	public void resume(GuestSpec guest) {
		change(guest.uuid(), PowerState.SUSPENDED, PowerState.RUNNING, "resumed");
	}

	@Override
	public void rebuild(GuestSpec guest) {
		FakeGuest fake = guest(guest.uuid());
		synchronized (fake) {
			fake.power = PowerState.RUNNING;
			fake.console.add("rebuilt");
		}
	}

	@Override
	public void migrateDiskAndPowerOff(String uuid) {
		FakeGuest fake = guest(uuid);
		synchronized (fake) {
			fake.power = PowerState.SHUTDOWN;
			fake.console.add("powered off for a resize");
		}
	}

	@Override
	public void finishMigration(GuestSpec resized, boolean powerOn) {
		resize(resized, powerOn, "resized to ");
	}

	/** The fake guest made here as if its disk had come from {@code sourceHost}. */
	@Override
	public void finishMigrationFromHost(GuestSpec guest, String sourceHost, boolean powerOn) {
		FakeGuest fake = new FakeGuest();
		fake.vcpus = guest.vcpus();
		fake.memoryMb = guest.memoryMb();
		guest.volumes().forEach((volume) -> fake.volumes.put(volume.volumeId(), volume));
		guest.vifs().forEach((vif) -> fake.vifs.put(vifKey(vif), vif));
		fake.power = powerOn ? PowerState.RUNNING : PowerState.SHUTDOWN;
		fake.console.add("migrated from " + sourceHost);
		this.guests.put(guest.uuid(), fake);
	}

	/** A paused guest like {@code guest}, waiting for its state, as QEMU's {@code inmigrate}. */
	@Override
	public LiveMigrationTarget preLiveMigration(GuestSpec guest) {
		FakeGuest fake = new FakeGuest();
		fake.vcpus = guest.vcpus();
		fake.memoryMb = guest.memoryMb();
		guest.volumes().forEach((volume) -> fake.volumes.put(volume.volumeId(), volume));
		guest.vifs().forEach((vif) -> fake.vifs.put(vifKey(vif), vif));
		fake.power = PowerState.PAUSED;
		fake.console.add("waiting for a live migration");
		this.guests.put(guest.uuid(), fake);
		return new LiveMigrationTarget(null);
	}

	/**
	 * The guest runs until the move is done; a held move ({@link #holdLiveMigrations})
	 * waits, running, until it is released, forced to complete or aborted.
	 */
	@Override
	public void liveMigration(String uuid, LiveMigrationTarget target) {
		FakeGuest fake = guest(uuid);
		synchronized (fake) {
			if (fake.power != PowerState.RUNNING && fake.power != PowerState.PAUSED) {
				throw new IllegalStateException("Guest " + uuid + " is " + fake.power.value() + ": nothing to move live");
			}
			if (this.failNextLiveMigration) {
				this.failNextLiveMigration = false;
				throw new IllegalStateException("The fake hypervisor lost the connection to the destination");
			}
			PowerState before = fake.power;
			fake.migrating = true;
			try {
				long deadline = System.nanoTime() + HELD_AT_MOST.toNanos();
				while (this.holdLiveMigrations && !fake.forceComplete && !fake.abort && System.nanoTime() < deadline) {
					fake.wait(50);
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException("Live migration of " + uuid + " interrupted", ex);
			}
			finally {
				fake.migrating = false;
			}
			if (fake.abort) {
				// as QEMU after migrate_cancel: the guest as it was, even if a force-complete paused it
				fake.abort = false;
				fake.forceComplete = false;
				fake.power = before;
				throw new LiveMigrationAbortedException(uuid);
			}
			fake.forceComplete = false;
			fake.power = PowerState.SHUTDOWN;
			fake.console.add("live-migrated away");
		}
	}

	@Override
	public void postLiveMigrationAtDestination(String uuid, boolean running) {
		FakeGuest fake = guest(uuid);
		synchronized (fake) {
			fake.power = running ? PowerState.RUNNING : PowerState.PAUSED;
			fake.console.add("arrived by live migration");
		}
	}

	@Override
	public void abortLiveMigration(String uuid) {
		FakeGuest fake = this.guests.get(uuid);
		if (fake != null) {
			synchronized (fake) {
				fake.abort = fake.migrating;
				fake.notifyAll();
			}
		}
	}

	@Override
	public void forceCompleteLiveMigration(String uuid) {
		FakeGuest fake = this.guests.get(uuid);
		if (fake != null) {
			synchronized (fake) {
				if (fake.migrating) {
					fake.power = PowerState.PAUSED;
					fake.forceComplete = true;
					fake.notifyAll();
				}
			}
		}
	}

	/** Makes live migrations wait, the guest running, until released: how tests see one under way. */
	public void holdLiveMigrations() {
		this.holdLiveMigrations = true;
	}

	/** Lets held live migrations finish. */
	public void releaseLiveMigrations() {
		this.holdLiveMigrations = false;
	}

	/** Makes the next live migration from this host fail, the guest running on here. */
	public void failNextLiveMigration() {
		this.failNextLiveMigration = true;
	}

	@Override
	public void confirmMigration(String uuid) {
		guest(uuid);
	}

	@Override
	public void finishRevertMigration(GuestSpec original, boolean powerOn) {
		resize(original, powerOn, "reverted to ");
	}

	private void resize(GuestSpec guest, boolean powerOn, String what) {
		FakeGuest fake = guest(guest.uuid());
		synchronized (fake) {
			fake.vcpus = guest.vcpus();
			fake.memoryMb = guest.memoryMb();
			fake.power = powerOn ? PowerState.RUNNING : PowerState.SHUTDOWN;
			fake.console.add(what + guest.vcpus() + " vcpus, " + guest.memoryMb() + " MB");
		}
	}

	private void change(String uuid, PowerState from, PowerState to, String what) {
		FakeGuest fake = guest(uuid);
		synchronized (fake) {
			if (fake.power != from) {
				throw new IllegalStateException("Guest " + uuid + " is " + fake.power.value() + ", not " + from.value());
			}
			fake.power = to;
			fake.console.add(what);
		}
	}

	/** The vcpus and memory the guest runs with now, for tests of resize. */
	public int[] size(String uuid) {
		FakeGuest fake = guest(uuid);
		synchronized (fake) {
			return new int[] { fake.vcpus, fake.memoryMb };
		}
	}

	@Override
	public PowerState getInfo(String uuid) {
		FakeGuest fake = this.guests.get(uuid);
		return (fake != null) ? fake.power : PowerState.NOSTATE;
	}

	@Override
	public List<String> listInstances() {
		return List.copyOf(this.guests.keySet());
	}

	@Override
	public String getConsoleOutput(String uuid, Integer lines) {
		FakeGuest fake = guest(uuid);
		synchronized (fake) {
			List<String> all = fake.console;
			int from = (lines == null) ? 0 : Math.max(0, all.size() - lines);
			return String.join("\n", all.subList(from, all.size())) + "\n";
		}
	}

	@Override
	public void attachVolume(String uuid, GuestVolume volume) {
		FakeGuest fake = guest(uuid);
		synchronized (fake) {
			fake.volumes.put(volume.volumeId(), volume);
			fake.console.add("attached " + volume.device());
		}
	}

	@Override
	public void detachVolume(String uuid, GuestVolume volume) {
		FakeGuest fake = guest(uuid);
		synchronized (fake) {
			fake.volumes.remove(volume.volumeId());
			fake.console.add("detached " + volume.device());
		}
	}

	@Override
	public void attachInterface(String uuid, GuestVif vif) {
		FakeGuest fake = guest(uuid);
		synchronized (fake) {
			if (fake.failNextInterfaceAttach) {
				fake.failNextInterfaceAttach = false;
				throw new IllegalStateException("The fake hypervisor refused to plug " + vif.portId());
			}
			fake.vifs.put(vifKey(vif), vif);
			fake.console.add("attached interface " + vif.macAddress());
		}
	}

	@Override
	public void detachInterface(String uuid, GuestVif vif) {
		FakeGuest fake = guest(uuid);
		synchronized (fake) {
			if (fake.failNextInterfaceDetach) {
				fake.failNextInterfaceDetach = false;
				throw new IllegalStateException("The fake guest did not release " + vif.portId());
			}
			fake.vifs.remove(vifKey(vif));
			fake.console.add("detached interface " + vif.macAddress());
		}
	}

	/** The ports of the interfaces plugged into a guest, in plugging order: what tests check. */
	public List<String> pluggedInterfaces(String uuid) {
		FakeGuest fake = guest(uuid);
		synchronized (fake) {
			return fake.vifs.values().stream().map(GuestVif::portId).toList();
		}
	}

	/** Makes the next interface attach of the guest fail, as a hypervisor that cannot plug it. */
	public void failNextInterfaceAttach(String uuid) {
		FakeGuest fake = guest(uuid);
		synchronized (fake) {
			fake.failNextInterfaceAttach = true;
		}
	}

	/** Makes the next interface detach of the guest fail, as a guest that keeps its NIC. */
	public void failNextInterfaceDetach(String uuid) {
		FakeGuest fake = guest(uuid);
		synchronized (fake) {
			fake.failNextInterfaceDetach = true;
		}
	}

	// an interface without a port (not plugged anywhere) is known by its MAC address
	private static String vifKey(GuestVif vif) {
		return (vif.portId() != null) ? vif.portId() : vif.macAddress();
	}

	/** The volumes plugged into a guest: what tests check after attach and detach. */
	public List<String> attachedVolumes(String uuid) {
		FakeGuest fake = guest(uuid);
		synchronized (fake) {
			return List.copyOf(fake.volumes.keySet());
		}
	}

	/** Makes a guest stop as if it crashed, for tests of the power-state sync. */
	public void crash(String uuid) {
		FakeGuest fake = guest(uuid);
		synchronized (fake) {
			fake.power = PowerState.CRASHED;
		}
	}

	@Override
	public HostResources getAvailableResource() {
		return this.resources;
	}

	private FakeGuest guest(String uuid) {
		FakeGuest fake = this.guests.get(uuid);
		if (fake == null) {
			throw new GuestNotFoundException(uuid);
		}
		return fake;
	}

	private static final class FakeGuest {

		private PowerState power = PowerState.NOSTATE;

		private int vcpus;

		private int memoryMb;

		private final List<String> console = new ArrayList<>();

		private final Map<String, GuestVolume> volumes = new LinkedHashMap<>();

		private final Map<String, GuestVif> vifs = new LinkedHashMap<>();

		private boolean failNextInterfaceAttach;

		private boolean failNextInterfaceDetach;

		private boolean migrating;

		private boolean abort;

		private boolean forceComplete;

	}

}
