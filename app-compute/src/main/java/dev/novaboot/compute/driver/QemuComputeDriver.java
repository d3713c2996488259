package dev.novaboot.compute.driver;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import dev.novaboot.compute.ComputeProperties;
import dev.novaboot.compute.driver.qemu.ConfigDrive;
import dev.novaboot.compute.driver.qemu.QmpClient;
import dev.novaboot.compute.driver.qemu.QmpException;
import dev.novaboot.compute.driver.qemu.TapDevices;
import dev.novaboot.service.command.CommandFailedException;
import dev.novaboot.service.command.CommandRunner;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.health.contributor.Health;

/**
 * Each guest a {@code qemu-system-x86_64} process, daemonized with a pid file and
 * controlled over QMP. A guest's state lives in {@code <state-directory>/<uuid>/}: the
 * copy-on-write overlay of its image ({@code disk.qcow2}), its serial console
 * ({@code console.log}), its QMP socket ({@code qmp.sock}) and {@code qemu.pid}.
 * <p>
 * Power states as QEMU shows them: a live process answers {@code query-status}; QEMU
 * removes its pid file when it exits cleanly (a power-off), so a pid file without a live
 * process means the guest died: {@code crashed}. Volumes are {@code scsi-hd} disks on a
 * {@code virtio-scsi} controller: SCSI hot-unplug needs no cooperation from the guest,
 * unlike PCI hot-unplug of {@code virtio-blk}, so detach works whatever the guest runs.
 * <p>
 * Interfaces: each port a tap device in the bridge the network service named
 * ({@link TapDevices}), plugged before QEMU starts and unplugged once it has stopped (a
 * power-off, a suspend, a destroy, a launch that failed), so a tap exists while its QEMU
 * runs; the names are recorded in {@code taps} first, so that {@link #initHost()} unplugs
 * what a crash left behind.
 */
public class QemuComputeDriver implements ComputeDriver {

	private static final Log logger = LogFactory.getLog(QemuComputeDriver.class);

	// makes the config drives (Debian's genisoimage package, which .ci/run installs)
	private static final String GENISOIMAGE = "genisoimage";

	private static final Pattern UUID = Pattern
		.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

	private static final Pattern DEVICE = Pattern.compile("/dev/[a-z]{2,4}");

	private static final Pattern MAC = Pattern.compile("[0-9a-fA-F]{2}(:[0-9a-fA-F]{2}){5}");

	// sun_path holds 108 bytes with the terminating NUL
	private static final int MAX_SOCKET_PATH = 107;

	private static final Duration QMP_TIMEOUT = Duration.ofSeconds(10);

	private static final Duration LAUNCH_TIMEOUT = Duration.ofSeconds(60);

	// the source's NBD client node and mirror job of a live migration's root disk
	private static final String MIRROR = "migration-root";

	private final CommandRunner commands;

	private final ConfigDrive configDrive;

	private final JsonMapper json;

	private final ComputeProperties.Qemu properties;

	private final Path stateDirectory;

	private final TapDevices taps;

	public QemuComputeDriver(CommandRunner commands, JsonMapper json, ComputeProperties.Qemu properties) {
		this(commands, json, properties, new TapDevices(commands, properties.networkNamespace(),
				System.getProperty("user.name")));
	}

	QemuComputeDriver(CommandRunner commands, JsonMapper json, ComputeProperties.Qemu properties, TapDevices taps) {
		this.taps = taps;
		this.configDrive = new ConfigDrive(commands, json, GENISOIMAGE);
		this.commands = commands;
		this.json = json;
		this.properties = properties;
		this.stateDirectory = properties.stateDirectory().toAbsolutePath().normalize();
		if (this.stateDirectory.toString().contains(",")) {
			// QEMU's option syntax splits on commas: a path with one would be misread
			throw new IllegalStateException("nova.compute.qemu.state-directory must not contain a comma: "
					+ this.stateDirectory);
		}
	}

	@Override
	public String name() {
		return "qemu";
	}

	@Override
	public Health health() {
		try {
			String version = this.commands.run(this.properties.binary(), "--version").stdout().lines().findFirst().orElse("");
			return Health.up()
				.withDetail("qemu", version)
				.withDetail("accelerator", accelerator())
				.withDetail("guests", listInstances().size())
				.build();
		}
		catch (CommandFailedException ex) {
			return Health.down().withDetail("error", ex.getMessage()).build();
		}
	}

	/** Unplugs the taps of guests whose QEMU no longer runs (it crashed, or this service did mid-way). */
	@Override
	public void initHost() {
		for (String uuid : listInstances()) {
			if (pid(uuid).isEmpty()) {
				try {
					unplugVifs(uuid);
				}
				catch (RuntimeException ex) {
					logger.warn("Could not unplug the interfaces of " + uuid + ": " + ex.getMessage());
				}
			}
		}
	}

	@Override
	public void spawn(GuestSpec guest) {
		createOverlay(guest);
		launch(guest);
	}

	// the guest's copy-on-write overlay of its image, in a directory of its own
	private void createOverlay(GuestSpec guest) {
		Path dir = directory(guest.uuid());
		try {
			Files.createDirectories(dir);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		if (dir.resolve("qmp.sock").toString().length() > MAX_SOCKET_PATH) {
			throw new IllegalStateException("QMP socket path " + dir.resolve("qmp.sock")
					+ " is too long for a Unix socket: choose a shorter nova.compute.qemu.state-directory");
		}
		if (guest.imagePath() == null || !Files.isRegularFile(guest.imagePath())) {
			throw new IllegalArgumentException("Image file " + guest.imagePath() + " does not exist");
		}
		List<String> create = new ArrayList<>(List.of(this.properties.imgBinary(), "create", "-f", "qcow2", "-b",
				guest.imagePath().toAbsolutePath().toString(), "-F", guest.imageFormat(), disk(guest.uuid()).toString()));
		if (guest.rootGb() > 0) {
			create.add(guest.rootGb() + "G");
		}
		this.commands.run(create, LAUNCH_TIMEOUT);
	}

	private void launch(GuestSpec guest) {
		launch(guest, List.of());
	}

	private void launch(GuestSpec guest, List<String> extra) {
		try {
			plugVifs(guest);
			start(guest, extra);
		}
		catch (RuntimeException ex) {
			try {
				unplugVifs(guest.uuid());
			}
			catch (RuntimeException cleanUp) {
				ex.addSuppressed(cleanUp);
			}
			throw ex;
		}
	}

	private void start(GuestSpec guest, List<String> extra) {
		Path dir = directory(guest.uuid());
		List<String> command = new ArrayList<>(this.taps.namespacePrefix());
		command.addAll(List.of(this.properties.binary(), "-name", "guest=" + guest.uuid(),
				"-uuid", guest.uuid(), "-accel", accelerator(), "-m", Integer.toString(guest.memoryMb()), "-smp",
				Integer.toString(guest.vcpus()), "-nodefaults", "-display", "none", "-no-shutdown",
				"-chardev", "file,id=serial0,path=" + dir.resolve("console.log"), "-serial", "chardev:serial0",
				"-chardev", "socket,id=qmp,path=" + dir.resolve("qmp.sock") + ",server=on,wait=off",
				"-mon", "chardev=qmp,mode=control", "-pidfile", dir.resolve("qemu.pid").toString(), "-daemonize",
				"-blockdev", blockdev("root", "qcow2", disk(guest.uuid())),
				"-device", "virtio-blk-pci,drive=root,id=root-disk,bootindex=0",
				"-device", "virtio-scsi-pci,id=scsi0"));
		for (GuestVolume volume : guest.volumes()) {
			command.addAll(List.of("-blockdev", blockdev(nodeName(volume), volume.format(), volume.path()), "-device",
					scsiDevice(volume)));
		}
		command.addAll(List.of("-nic", "none"));
		for (int index = 0; index < guest.vifs().size(); index++) {
			GuestVif vif = guest.vifs().get(index);
			String mac = checkMac(vif.macAddress());
			if (vif.pluggable()) {
				// named after the port, not the position, so that a detach finds what a spawn plugged
				command.addAll(List.of("-netdev", "tap,id=" + netdevId(vif) + ",ifname=" + TapDevices.name(vif.portId())
						+ ",script=no,downscript=no", "-device",
						"virtio-net-pci,netdev=" + netdevId(vif) + ",id=" + nicId(vif) + ",mac=" + mac));
			}
			else {
				// a NIC with the port's MAC but no backend: the guest sees no link
				command.addAll(List.of("-device", "virtio-net-pci,id=net" + index + ",mac=" + mac));
			}
		}
		if (guest.metadata() != null) {
			// Nova's config drive, a read-only CD-ROM the guest's cloud-init reads at boot
			Path configDrive = this.configDrive.write(guest.metadata(), dir.resolve("disk.config"));
			command.addAll(List.of("-blockdev", readOnlyBlockdev("config-drive", configDrive), "-device",
					"ide-cd,drive=config-drive,id=config-drive"));
		}
		command.addAll(extra);
		if (this.taps.namespacePrefix().isEmpty()) {
			this.commands.run(command, LAUNCH_TIMEOUT);
		}
		else {
			// QEMU opens its taps by name in its own network namespace: it must start in theirs
			this.commands.runAsRoot(command, LAUNCH_TIMEOUT);
		}
		waitForQmp(guest.uuid());
	}

	// records the taps before creating them, so that a crash half-way leaves nothing unknown
	private void plugVifs(GuestSpec guest) {
		// a MAC reaches QEMU's option string: anything else is refused before a tap is made
		guest.vifs().forEach((vif) -> checkMac(vif.macAddress()));
		List<String> wanted = guest.vifs()
			.stream()
			.filter(GuestVif::pluggable)
			.map((vif) -> TapDevices.name(vif.portId()))
			.toList();
		List<String> stale = new ArrayList<>(recordedTaps(guest.uuid()));
		stale.removeAll(wanted);
		this.taps.unplugAll(stale);
		recordTaps(guest.uuid(), wanted);
		for (GuestVif vif : guest.vifs()) {
			if (vif.pluggable()) {
				this.taps.plug(vif);
			}
		}
	}

	private void unplugVifs(String uuid) {
		this.taps.unplugAll(recordedTaps(uuid));
	}

	private List<String> recordedTaps(String uuid) {
		Path file = directory(uuid).resolve("taps");
		try {
			return Files.exists(file) ? Files.readAllLines(file).stream().filter((line) -> !line.isBlank()).toList()
					: List.of();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private void recordTaps(String uuid, List<String> taps) {
		try {
			Files.createDirectories(directory(uuid));
			Files.write(directory(uuid).resolve("taps"), taps);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static String checkMac(String mac) {
		if (mac == null || !MAC.matcher(mac).matches()) {
			throw new IllegalArgumentException("Not a MAC address: " + mac);
		}
		return mac;
	}

	private void waitForQmp(String uuid) {
		try (QmpClient qmp = qmp(uuid)) {
			qmp.execute("query-status", Map.of());
		}
		catch (IOException ex) {
			throw new UncheckedIOException("QEMU of " + uuid + " started but does not answer QMP", ex);
		}
	}

	@Override
	public void destroy(String uuid) {
		Path dir = directory(uuid);
		pid(uuid).ifPresent((process) -> {
			quit(uuid);
			stop(process);
		});
		if (Files.exists(dir)) {
			unplugVifs(uuid);
			try (Stream<Path> files = Files.walk(dir)) {
				for (Path path : files.sorted(Comparator.reverseOrder()).toList()) {
					Files.deleteIfExists(path);
				}
			}
			catch (IOException ex) {
				throw new UncheckedIOException("Could not remove " + dir, ex);
			}
		}
	}

	@Override
	public void reboot(GuestSpec guest, RebootType type) {
		if (pid(guest.uuid()).isEmpty()) {
			if (type == RebootType.SOFT) {
				throw new IllegalStateException("Guest " + guest.uuid() + " is not running: a soft reboot needs a running guest");
			}
			// a hard reboot of a suspended guest boots it afresh: its saved state is dropped
			deleteIfExists(savedState(guest.uuid()));
			launch(guest);
			return;
		}
		try (QmpClient qmp = qmp(guest.uuid())) {
			qmp.execute("system_reset", Map.of());
			// a hard reboot also brings back a guest that was paused or had shut itself down
			if (type == RebootType.HARD && !qmp.execute("query-status", Map.of()).path("running").asBoolean()) {
				qmp.execute("cont", Map.of());
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Override
	public void powerOff(String uuid) {
		Optional<ProcessHandle> process = pid(uuid);
		if (process.isEmpty()) {
			removePidFile(uuid);
			unplugVifs(uuid);
			return;
		}
		try (QmpClient qmp = qmp(uuid)) {
			// ask the guest OS first, as pressing the power button does; with -no-shutdown
			// QEMU stays up in status 'shutdown' once the guest has powered down
			qmp.execute("system_powerdown", Map.of());
			long deadline = System.nanoTime() + this.properties.powerOffTimeout().toNanos();
			while (System.nanoTime() < deadline
					&& !"shutdown".equals(qmp.execute("query-status", Map.of()).path("status").asString())) {
				Thread.sleep(100);
			}
		}
		catch (IOException ex) {
			logger.warn("Power-down of " + uuid + " over QMP failed, stopping QEMU: " + ex.getMessage());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		quit(uuid);
		stop(process.get());
		removePidFile(uuid);
		unplugVifs(uuid);
	}

	@Override
	public void injectNmi(String uuid) {
		if (pid(uuid).isEmpty()) {
			throw new IllegalStateException("Guest " + uuid + " is not running: no interrupt to inject");
		}
		try (QmpClient qmp = qmp(uuid)) {
			qmp.execute("inject-nmi", Map.of());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Override
	public void powerOn(GuestSpec guest) {
		if (pid(guest.uuid()).isPresent()) {
			try (QmpClient qmp = qmp(guest.uuid())) {
				if (!qmp.execute("query-status", Map.of()).path("running").asBoolean()) {
					qmp.execute("system_reset", Map.of());
					qmp.execute("cont", Map.of());
				}
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			return;
		}
		if (!Files.exists(disk(guest.uuid()))) {
			throw new GuestNotFoundException(guest.uuid());
		}
		removePidFile(guest.uuid());
		deleteIfExists(savedState(guest.uuid()));
		launch(guest);
	}

	@Override
	public void pause(String uuid) {
		running(uuid, "stop");
	}

	@Override
	public void unpause(String uuid) {
		running(uuid, "cont");
	}

	/**
	 * Stops the vCPUs, migrates the guest's memory and device state into
	 * {@code suspend.state} (QMP {@code migrate} to {@code exec:cat}, which QEMU 7 has;
	 * the {@code file:} URI came later), then quits QEMU: a suspended guest holds no
	 * memory on the host, as libvirt's managed save.
	 */
	@Override
	public void suspend(String uuid) {
		ProcessHandle process = pid(uuid)
			.orElseThrow(() -> new IllegalStateException("Guest " + uuid + " is not running: nothing to suspend"));
		Path state = savedState(uuid);
		try (QmpClient qmp = qmp(uuid)) {
			qmp.execute("stop", Map.of());
			qmp.execute("migrate", Map.of("uri", "exec:cat > " + shellQuoted(state)));
			long deadline = System.nanoTime() + LAUNCH_TIMEOUT.toNanos();
			while (true) {
				String status = qmp.execute("query-migrate", Map.of()).path("status").asString();
				if ("completed".equals(status)) {
					break;
				}
				if ("failed".equals(status) || "cancelled".equals(status) || System.nanoTime() > deadline) {
					deleteIfExists(state);
					qmp.execute("cont", Map.of());
					throw new IllegalStateException("Saving the state of " + uuid + " failed: migration " + status);
				}
				Thread.sleep(50);
			}
			qmp.execute("quit", Map.of());
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not suspend " + uuid, ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while suspending " + uuid, ex);
		}
		stop(process);
		removePidFile(uuid);
		unplugVifs(uuid);
	}

	/**
	 * Starts QEMU with {@code -incoming} from the saved state, waits for the state to be
	 * loaded, then lets the vCPUs run; the state file goes once the guest runs.
	 */
	@Override
	public void resume(GuestSpec guest) {
		Path state = savedState(guest.uuid());
		if (!Files.exists(state)) {
			throw new IllegalStateException("Guest " + guest.uuid() + " has no saved state to resume from");
		}
		launch(guest, List.of("-incoming", "exec:cat " + shellQuoted(state)));
		try (QmpClient qmp = qmp(guest.uuid())) {
			long deadline = System.nanoTime() + LAUNCH_TIMEOUT.toNanos();
			while ("inmigrate".equals(qmp.execute("query-status", Map.of()).path("status").asString())) {
				if (System.nanoTime() > deadline) {
					throw new IOException("QEMU did not load the saved state of " + guest.uuid());
				}
				Thread.sleep(50);
			}
			String migration = qmp.execute("query-migrate", Map.of()).path("status").asString();
			if ("failed".equals(migration)) {
				throw new IOException("Loading the saved state of " + guest.uuid() + " failed");
			}
			qmp.execute("cont", Map.of());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while resuming " + guest.uuid(), ex);
		}
		deleteIfExists(state);
	}

	/** Powers the guest off and keeps a copy of its overlay, which a revert puts back. */
	@Override
	public void migrateDiskAndPowerOff(String uuid) {
		powerOff(uuid);
		try {
			Files.copy(disk(uuid), diskBeforeResize(uuid), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not keep the disk of " + uuid + " for a revert", ex);
		}
	}

	/**
	 * Grows the overlay to the new flavor's disk ({@code qemu-img resize}; a disk is never
	 * shrunk, as Nova's libvirt driver refuses) and starts QEMU with the new {@code -m}
	 * and {@code -smp}.
	 */
	@Override
	public void finishMigration(GuestSpec resized, boolean powerOn) {
		if (resized.rootGb() > 0) {
			long current = virtualSize(disk(resized.uuid()));
			long wanted = resized.rootGb() * 1024L * 1024 * 1024;
			if (wanted < current) {
				throw new IllegalStateException("Unable to resize disk down.");
			}
			if (wanted > current) {
				this.commands.run(List.of(this.properties.imgBinary(), "resize", "-f", "qcow2",
						disk(resized.uuid()).toString(), resized.rootGb() + "G"), LAUNCH_TIMEOUT);
			}
		}
		if (powerOn) {
			removePidFile(resized.uuid());
			launch(resized);
		}
	}

	@Override
	public void confirmMigration(String uuid) {
		deleteIfExists(diskBeforeResize(uuid));
	}

	/** Stops QEMU, puts the overlay from before the resize back and starts it with the old sizes. */
	@Override
	public void finishRevertMigration(GuestSpec original, boolean powerOn) {
		powerOff(original.uuid());
		Path before = diskBeforeResize(original.uuid());
		if (Files.exists(before)) {
			try {
				Files.move(before, disk(original.uuid()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
			}
			catch (IOException ex) {
				throw new UncheckedIOException("Could not put back the disk of " + original.uuid(), ex);
			}
		}
		if (powerOn) {
			launch(original);
		}
	}

	/**
	 * Makes the guest's overlay here (on the same image: only what the guest wrote comes
	 * over) and starts QEMU with the same machine and devices, {@code -incoming defer}:
	 * its root disk exported over NBD for the source's mirror, its migration listener on
	 * the inbound address (a port QEMU picks). No shared instance storage is assumed.
	 */
	@Override
	public LiveMigrationTarget preLiveMigration(GuestSpec guest) {
		String uuid = guest.uuid();
		if (pid(uuid).isPresent()) {
			throw new IllegalStateException("Guest " + uuid + " already runs on this host");
		}
		String address = this.properties.liveMigrationInboundAddress();
		try {
			createOverlay(guest);
			launch(guest, List.of("-incoming", "defer"));
			int nbdPort = freePort(address);
			try (QmpClient qmp = qmp(uuid)) {
				qmp.execute("nbd-server-start", Map.of("addr", Map.of("type", "inet", "data",
						Map.of("host", address, "port", Integer.toString(nbdPort)))));
				qmp.execute("block-export-add", Map.of("type", "nbd", "id", "root", "node-name", "root", "writable", true));
				qmp.execute("migrate-incoming", Map.of("uri", "tcp:" + uriHost(address) + ":0"));
				JsonNode listening = qmp.execute("query-migrate", Map.of()).path("socket-address").path(0);
				String port = listening.path("port").asString();
				if (port.isEmpty()) {
					throw new IOException("QEMU of " + uuid + " does not say where it listens: " + listening);
				}
				return new LiveMigrationTarget("tcp:" + uriHost(address) + ":" + port + "?nbd=" + nbdPort);
			}
		}
		catch (IOException | RuntimeException ex) {
			try {
				destroy(uuid);
			}
			catch (RuntimeException cleanUp) {
				ex.addSuppressed(cleanUp);
			}
			throw (ex instanceof RuntimeException runtime) ? runtime
					: new UncheckedIOException("Guest " + uuid + " could not wait for its live migration", (IOException) ex);
		}
	}

	/**
	 * Mirrors the overlay to the destination's NBD export ({@code blockdev-mirror}, sync
	 * {@code top}: the image is on both hosts) until the copy is in step, then runs QMP
	 * {@code migrate} and polls {@code query-migrate} until it is {@code completed}; the
	 * mirror, in step to the last write, ends with it. The guest runs throughout; after a
	 * failure or a cancel it runs on here, the mirror gone.
	 */
	@Override
	public void liveMigration(String uuid, LiveMigrationTarget target) {
		if (pid(uuid).isEmpty()) {
			throw new IllegalStateException("Guest " + uuid + " is not running: nothing to move live");
		}
		Target parsed = Target.parse(target.uri());
		long deadline = System.nanoTime() + this.properties.liveMigrationTimeout().toNanos();
		boolean mirrored = false;
		try {
			try (QmpClient qmp = qmp(uuid)) {
				qmp.execute("blockdev-add", Map.of("driver", "nbd", "node-name", MIRROR, "export", "root", "server",
						Map.of("type", "inet", "host", parsed.host(), "port", parsed.nbdPort())));
				mirrored = true;
				qmp.execute("blockdev-mirror", Map.of("job-id", MIRROR, "device", "root", "target", MIRROR, "sync", "top"));
			}
			awaitMirrorReady(uuid, deadline);
			try (QmpClient qmp = qmp(uuid)) {
				qmp.execute("migrate", Map.of("uri", parsed.migrationUri()));
			}
			String status = awaitMigration(uuid, deadline);
			if ("cancelled".equals(status)) {
				throw new LiveMigrationAbortedException(uuid);
			}
			if (!"completed".equals(status)) {
				throw new IllegalStateException("Live migration of " + uuid + " " + status);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Live migration of " + uuid + " failed", ex);
		}
		finally {
			if (mirrored) {
				endMirror(uuid);
			}
		}
	}

	/**
	 * Waits for the incoming state to be loaded, stops the NBD export, then lets the
	 * vCPUs run ({@code cont}) when the server was running, or keeps them paused.
	 */
	@Override
	public void postLiveMigrationAtDestination(String uuid, boolean running) {
		try (QmpClient qmp = qmp(uuid)) {
			long deadline = System.nanoTime() + LAUNCH_TIMEOUT.toNanos();
			while ("inmigrate".equals(qmp.execute("query-status", Map.of()).path("status").asString())) {
				if (System.nanoTime() > deadline) {
					throw new IOException("QEMU of " + uuid + " did not load the incoming state");
				}
				Thread.sleep(20);
			}
			if (!"completed".equals(qmp.execute("query-migrate", Map.of()).path("status").asString())) {
				throw new IOException("The incoming live migration of " + uuid + " did not complete");
			}
			qmp.execute("nbd-server-stop", Map.of());
			boolean runs = qmp.execute("query-status", Map.of()).path("running").asBoolean();
			if (running && !runs) {
				qmp.execute("cont", Map.of());
			}
			else if (!running && runs) {
				qmp.execute("stop", Map.of());
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while taking over " + uuid, ex);
		}
	}

	/** QMP {@code migrate_cancel}: the copy stops, the guest runs on here. */
	@Override
	public void abortLiveMigration(String uuid) {
		if (pid(uuid).isPresent()) {
			running(uuid, "migrate_cancel");
		}
	}

	/** Pauses the vCPUs ({@code stop}): the memory stops changing and the copy ends. */
	@Override
	public void forceCompleteLiveMigration(String uuid) {
		if (pid(uuid).isPresent()) {
			running(uuid, "stop");
		}
	}

	private void awaitMirrorReady(String uuid, long deadline) throws IOException {
		while (true) {
			JsonNode job = mirrorJob(uuid);
			if (job == null) {
				throw new IOException("The disk mirror of " + uuid + " to its destination ended before it was in step");
			}
			if (job.path("ready").asBoolean()) {
				return;
			}
			pauseUntil(deadline, uuid);
		}
	}

	private JsonNode mirrorJob(String uuid) throws IOException {
		try (QmpClient qmp = qmp(uuid)) {
			return mirrorJob(qmp);
		}
	}

	private static JsonNode mirrorJob(QmpClient qmp) throws IOException {
		for (JsonNode job : qmp.execute("query-block-jobs", Map.of())) {
			if (MIRROR.equals(job.path("device").asString())) {
				return job;
			}
		}
		return null;
	}

	// one QMP session at a time: a session per poll leaves room for an abort's
	private String awaitMigration(String uuid, long deadline) throws IOException {
		while (true) {
			JsonNode info;
			try (QmpClient qmp = qmp(uuid)) {
				info = qmp.execute("query-migrate", Map.of());
			}
			String status = info.path("status").asString();
			switch (status) {
				case "completed", "cancelled" -> {
					return status;
				}
				case "failed" -> {
					return "failed: " + info.path("error-desc").asString("no reason given");
				}
				default -> {
					if (System.nanoTime() > deadline) {
						running(uuid, "migrate_cancel");
						return "timed out after " + this.properties.liveMigrationTimeout() + " and was cancelled";
					}
					sleep(uuid);
				}
			}
		}
	}

	// after a success the source's QEMU is done with the disk; after a failure the guest keeps it
	private void endMirror(String uuid) {
		try (QmpClient qmp = qmp(uuid)) {
			if (mirrorJob(qmp) != null) {
				qmp.execute("block-job-cancel", Map.of("device", MIRROR, "force", true));
			}
			long deadline = System.nanoTime() + QMP_TIMEOUT.toNanos();
			while (mirrorJob(qmp) != null && System.nanoTime() < deadline) {
				sleep(uuid);
			}
			qmp.execute("blockdev-del", Map.of("node-name", MIRROR));
		}
		catch (IOException | RuntimeException ex) {
			logger.warn("Could not end the disk mirror of " + uuid + ": " + ex.getMessage());
		}
	}

	private static void pauseUntil(long deadline, String uuid) throws IOException {
		if (System.nanoTime() > deadline) {
			throw new IOException("The disk mirror of " + uuid + " was not in step in time");
		}
		sleep(uuid);
	}

	private static void sleep(String uuid) {
		try {
			Thread.sleep(50);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted during the live migration of " + uuid, ex);
		}
	}

	private static int freePort(String address) throws IOException {
		try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getByName(address))) {
			return socket.getLocalPort();
		}
	}

	// an IPv6 literal in a QEMU URI is bracketed
	private static String uriHost(String address) {
		return address.contains(":") ? "[" + address + "]" : address;
	}

	/**
	 * The destination's answer as this driver writes it:
	 * {@code tcp:<host>:<port>?nbd=<port>}, the migration listener and the NBD export.
	 */
	private record Target(String host, String migrationPort, String nbdPort) {

		private static final Pattern FORM = Pattern.compile("tcp:(\\[[0-9a-fA-F:.]+\\]|[A-Za-z0-9.-]+):(\\d+)\\?nbd=(\\d+)");

		static Target parse(String uri) {
			java.util.regex.Matcher matcher = (uri != null) ? FORM.matcher(uri) : null;
			if (matcher == null || !matcher.matches()) {
				throw new IllegalArgumentException("Not a live migration target of the qemu driver: " + uri);
			}
			String host = matcher.group(1);
			return new Target(host.startsWith("[") ? host.substring(1, host.length() - 1) : host, matcher.group(2),
					matcher.group(3));
		}

		String migrationUri() {
			return "tcp:" + uriHost(this.host) + ":" + this.migrationPort;
		}

	}

	/** The vcpus and memory QEMU of the guest runs with, as its command line gives them. */
	public Optional<String> commandLine(String uuid) {
		return pid(uuid).flatMap((process) -> process.info().commandLine());
	}

	private long virtualSize(Path disk) {
		String info = this.commands.run(List.of(this.properties.imgBinary(), "info", "--output=json", "-U",
				disk.toString()), LAUNCH_TIMEOUT).stdout();
		return this.json.readTree(info).path("virtual-size").asLong();
	}

	// runs a QMP command that needs the guest's QEMU up
	private void running(String uuid, String command) {
		if (pid(uuid).isEmpty()) {
			throw new IllegalStateException("Guest " + uuid + " is not running: cannot " + command + " it");
		}
		try (QmpClient qmp = qmp(uuid)) {
			qmp.execute(command, Map.of());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private Path savedState(String uuid) {
		return directory(uuid).resolve("suspend.state");
	}

	private Path diskBeforeResize(String uuid) {
		return directory(uuid).resolve("disk.qcow2.resize");
	}

	// the state directory is an absolute path without commas; quoted for the shell QEMU's exec: runs
	private static String shellQuoted(Path path) {
		return "'" + path.toString().replace("'", "'\\''") + "'";
	}

	private static void deleteIfExists(Path path) {
		try {
			Files.deleteIfExists(path);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Override
	public PowerState getInfo(String uuid) {
		Path dir = directory(uuid);
		if (!Files.isDirectory(dir)) {
			return PowerState.NOSTATE;
		}
		if (pid(uuid).isEmpty()) {
			if (Files.exists(dir.resolve("qemu.pid"))) {
				return PowerState.CRASHED;
			}
			return Files.exists(savedState(uuid)) ? PowerState.SUSPENDED : PowerState.SHUTDOWN;
		}
		try (QmpClient qmp = qmp(uuid)) {
			String status = qmp.execute("query-status", Map.of()).path("status").asString();
			return switch (status) {
				case "running" -> PowerState.RUNNING;
				case "paused", "suspended", "prelaunch", "inmigrate", "postmigrate", "finish-migrate" -> PowerState.PAUSED;
				case "shutdown" -> PowerState.SHUTDOWN;
				case "internal-error", "io-error", "guest-panicked" -> PowerState.CRASHED;
				default -> PowerState.NOSTATE;
			};
		}
		catch (IOException ex) {
			logger.warn("QEMU of " + uuid + " runs but does not answer QMP: " + ex.getMessage());
			return PowerState.NOSTATE;
		}
	}

	@Override
	public List<String> listInstances() {
		if (!Files.isDirectory(this.stateDirectory)) {
			return List.of();
		}
		try (Stream<Path> dirs = Files.list(this.stateDirectory)) {
			return dirs.filter(Files::isDirectory)
				.map((dir) -> dir.getFileName().toString())
				.filter((name) -> UUID.matcher(name).matches())
				.sorted()
				.toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Override
	public String getConsoleOutput(String uuid, Integer lines) {
		Path log = directory(uuid).resolve("console.log");
		if (!Files.isDirectory(directory(uuid))) {
			throw new GuestNotFoundException(uuid);
		}
		if (!Files.exists(log)) {
			return "";
		}
		// a chatty guest fills the log: read its last megabyte at most
		try (RandomAccessFile file = new RandomAccessFile(log.toFile(), "r")) {
			long start = Math.max(0, file.length() - 1024 * 1024);
			byte[] bytes = new byte[(int) (file.length() - start)];
			file.seek(start);
			file.readFully(bytes);
			String text = new String(bytes, StandardCharsets.UTF_8).replace("\r\n", "\n");
			if (lines == null) {
				return text;
			}
			List<String> all = text.lines().toList();
			return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()))
					+ (all.isEmpty() ? "" : "\n");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Override
	public void attachVolume(String uuid, GuestVolume volume) {
		checkDevice(volume);
		if (pid(uuid).isEmpty()) {
			return; // a stopped guest gets the volume on its command line at the next start
		}
		try (QmpClient qmp = qmp(uuid)) {
			qmp.execute("blockdev-add", Map.of("driver", volume.format(), "node-name", nodeName(volume), "file",
					Map.of("driver", fileDriver(volume.path()), "filename", volume.path().toString())));
			try {
				qmp.execute("device_add", Map.of("driver", "scsi-hd", "bus", "scsi0.0", "drive", nodeName(volume),
						"id", volume.deviceName()));
			}
			catch (IOException ex) {
				qmp.execute("blockdev-del", Map.of("node-name", nodeName(volume)));
				throw ex;
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not attach " + volume.path() + " to " + uuid, ex);
		}
	}

	@Override
	public void detachVolume(String uuid, GuestVolume volume) {
		checkDevice(volume);
		if (pid(uuid).isEmpty()) {
			return;
		}
		try (QmpClient qmp = qmp(uuid)) {
			if (attachedDevices(qmp).contains(volume.deviceName())) {
				qmp.execute("device_del", Map.of("id", volume.deviceName()));
				long deadline = System.nanoTime() + QMP_TIMEOUT.toNanos();
				while (attachedDevices(qmp).contains(volume.deviceName())) {
					if (System.nanoTime() > deadline) {
						throw new IOException("The guest did not release " + volume.device());
					}
					Thread.sleep(50);
				}
			}
			qmp.execute("blockdev-del", Map.of("node-name", nodeName(volume)));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not detach " + volume.device() + " from " + uuid, ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while detaching " + volume.device(), ex);
		}
	}

	/**
	 * Hot-plugs the interface as Nova's libvirt driver does through libvirt: the port's tap
	 * in its bridge (recorded in {@code taps} first), QMP {@code netdev_add} of that tap and
	 * {@code device_add} of a {@code virtio-net-pci} NIC with the port's MAC. A failure at
	 * any step undoes the steps before it, so nothing of the interface stays on the host.
	 */
	@Override
	public void attachInterface(String uuid, GuestVif vif) {
		String mac = checkMac(vif.macAddress());
		if (!vif.pluggable()) {
			throw new IllegalArgumentException("Interface " + vif.portId() + " has no bridge to be plugged into");
		}
		if (pid(uuid).isEmpty()) {
			return; // a stopped guest gets the interface on its command line at the next start
		}
		String tap = TapDevices.name(vif.portId());
		List<String> recorded = new ArrayList<>(recordedTaps(uuid));
		boolean newTap = !recorded.contains(tap);
		if (newTap) {
			recorded.add(tap);
			recordTaps(uuid, recorded);
		}
		try {
			this.taps.plug(vif);
			try (QmpClient qmp = qmp(uuid)) {
				qmp.execute("netdev_add", Map.of("type", "tap", "id", netdevId(vif), "ifname", tap, "script", "no",
						"downscript", "no"));
				try {
					qmp.execute("device_add", Map.of("driver", "virtio-net-pci", "netdev", netdevId(vif), "id",
							nicId(vif), "mac", mac));
				}
				catch (IOException ex) {
					qmp.execute("netdev_del", Map.of("id", netdevId(vif)));
					throw ex;
				}
			}
		}
		catch (IOException | RuntimeException ex) {
			RuntimeException failure = (ex instanceof RuntimeException runtime) ? runtime
					: new UncheckedIOException("Could not attach interface " + vif.portId() + " to " + uuid,
							(IOException) ex);
			try {
				this.taps.unplug(tap);
				if (newTap) {
					recorded.remove(tap);
					recordTaps(uuid, recorded);
				}
			}
			catch (RuntimeException cleanUp) {
				failure.addSuppressed(cleanUp);
			}
			throw failure;
		}
	}

	/**
	 * Unplugs the interface: QMP {@code device_del} of its NIC, then waits until
	 * {@code query-pci} no longer shows it (the guest acknowledges PCI unplug; QEMU's
	 * {@code DEVICE_DELETED}), then {@code netdev_del} and the tap deleted. A guest that does
	 * not release the NIC in time fails the detach and keeps its interface.
	 */
	@Override
	public void detachInterface(String uuid, GuestVif vif) {
		if (vif.portId() == null) {
			return;
		}
		String tap = TapDevices.name(vif.portId());
		if (pid(uuid).isPresent()) {
			try (QmpClient qmp = qmp(uuid)) {
				if (pciDevices(qmp).contains(nicId(vif))) {
					qmp.execute("device_del", Map.of("id", nicId(vif)));
					long deadline = System.nanoTime() + QMP_TIMEOUT.toNanos();
					while (pciDevices(qmp).contains(nicId(vif))) {
						if (System.nanoTime() > deadline) {
							throw new IOException("The guest did not release its interface " + vif.portId());
						}
						Thread.sleep(50);
					}
				}
				try {
					qmp.execute("netdev_del", Map.of("id", netdevId(vif)));
				}
				catch (QmpException ex) {
					// no such backend: it went with the NIC, or was never there
					logger.debug("netdev_del of " + netdevId(vif) + ": " + ex.getMessage());
				}
			}
			catch (IOException ex) {
				throw new UncheckedIOException("Could not detach interface " + vif.portId() + " from " + uuid, ex);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException("Interrupted while detaching interface " + vif.portId(), ex);
			}
		}
		this.taps.unplug(tap);
		List<String> recorded = new ArrayList<>(recordedTaps(uuid));
		if (recorded.remove(tap)) {
			recordTaps(uuid, recorded);
		}
	}

	// the ids of the devices on the guest's PCI buses (query-pci), bridges' buses included
	private static List<String> pciDevices(QmpClient qmp) throws IOException {
		List<String> ids = new ArrayList<>();
		for (JsonNode bus : qmp.execute("query-pci", Map.of())) {
			collectPciIds(bus.path("devices"), ids);
		}
		return ids;
	}

	private static void collectPciIds(JsonNode devices, List<String> ids) {
		for (JsonNode device : devices) {
			if (device.hasNonNull("qdev_id") && !device.path("qdev_id").asString().isEmpty()) {
				ids.add(device.path("qdev_id").asString());
			}
			collectPciIds(device.path("pci_bridge").path("devices"), ids);
		}
	}

	// QEMU ids of a port's NIC and its backend: letters, digits and '-' (the port id's first 11 characters)
	static String nicId(GuestVif vif) {
		return "net-" + TapDevices.name(vif.portId()).substring(3);
	}

	static String netdevId(GuestVif vif) {
		return "hostnet-" + TapDevices.name(vif.portId()).substring(3);
	}

	/** The block devices QEMU shows for the guest ({@code query-block}): device id to file. */
	public Map<String, String> queryBlock(String uuid) {
		try (QmpClient qmp = qmp(uuid)) {
			Map<String, String> devices = new LinkedHashMap<>();
			for (JsonNode block : qmp.execute("query-block", Map.of())) {
				String qdev = block.path("qdev").asString();
				String id = qdev.substring(qdev.lastIndexOf('/') + 1);
				devices.put(id.equals("virtio-backend") ? qdev : id, block.path("inserted").path("file").asString());
			}
			return devices;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private List<String> attachedDevices(QmpClient qmp) throws IOException {
		List<String> ids = new ArrayList<>();
		for (JsonNode block : qmp.execute("query-block", Map.of())) {
			String qdev = block.path("qdev").asString();
			ids.add(qdev.substring(qdev.lastIndexOf('/') + 1));
		}
		return ids;
	}

	@Override
	public HostResources getAvailableResource() {
		int vcpus = Runtime.getRuntime().availableProcessors();
		int memoryMb = (int) (memTotalKb() / 1024);
		int localGb;
		try {
			Files.createDirectories(this.stateDirectory);
			localGb = (int) (Files.getFileStore(this.stateDirectory).getTotalSpace() / (1024L * 1024 * 1024));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return new HostResources(vcpus, memoryMb, localGb, "QEMU", version());
	}

	/** The pid of the guest's live QEMU, if one runs. */
	public Optional<ProcessHandle> pid(String uuid) {
		Path pidFile = directory(uuid).resolve("qemu.pid");
		try {
			if (!Files.exists(pidFile)) {
				return Optional.empty();
			}
			String text = Files.readString(pidFile).trim();
			if (text.isEmpty()) {
				return Optional.empty();
			}
			return ProcessHandle.of(Long.parseLong(text))
				.filter(ProcessHandle::isAlive)
				.filter((process) -> process.info().command().map((c) -> c.contains("qemu")).orElse(true));
		}
		catch (IOException | NumberFormatException ex) {
			return Optional.empty();
		}
	}

	/** The accelerator a new guest gets: KVM only where {@code /dev/kvm} can be opened. */
	String accelerator() {
		String configured = this.properties.accelerator();
		if (!"auto".equals(configured)) {
			return configured;
		}
		try (FileChannel kvm = FileChannel.open(Path.of("/dev/kvm"), StandardOpenOption.READ, StandardOpenOption.WRITE)) {
			return "kvm";
		}
		catch (IOException | UnsupportedOperationException | SecurityException ex) {
			return "tcg";
		}
	}

	private void quit(String uuid) {
		try (QmpClient qmp = qmp(uuid)) {
			qmp.execute("quit", Map.of());
		}
		catch (IOException ex) {
			logger.debug("quit of " + uuid + " over QMP failed: " + ex.getMessage());
		}
	}

	private static void stop(ProcessHandle process) {
		try {
			process.onExit().get(5, TimeUnit.SECONDS);
		}
		catch (Exception ex) {
			process.destroyForcibly();
			try {
				process.onExit().get(5, TimeUnit.SECONDS);
			}
			catch (Exception ignored) {
				logger.warn("QEMU process " + process.pid() + " did not exit after SIGKILL");
			}
		}
	}

	private void removePidFile(String uuid) {
		try {
			Files.deleteIfExists(directory(uuid).resolve("qemu.pid"));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private QmpClient qmp(String uuid) throws IOException {
		return QmpClient.connect(directory(uuid).resolve("qmp.sock"), this.json, QMP_TIMEOUT);
	}

	private Path directory(String uuid) {
		if (!UUID.matcher(uuid).matches()) {
			throw new IllegalArgumentException("Not an instance uuid: " + uuid);
		}
		return this.stateDirectory.resolve(uuid);
	}

	private Path disk(String uuid) {
		return directory(uuid).resolve("disk.qcow2");
	}

	private String readOnlyBlockdev(String nodeName, Path file) {
		return this.json.writeValueAsString(Map.of("driver", "raw", "node-name", nodeName, "read-only", true, "file",
				Map.of("driver", "file", "filename", file.toAbsolutePath().toString(), "read-only", true)));
	}

	private String blockdev(String nodeName, String format, Path file) {
		return this.json.writeValueAsString(Map.of("driver", format, "node-name", nodeName, "file",
				Map.of("driver", fileDriver(file), "filename", file.toAbsolutePath().toString())));
	}

	private String scsiDevice(GuestVolume volume) {
		return this.json.writeValueAsString(Map.of("driver", "scsi-hd", "bus", "scsi0.0", "drive", nodeName(volume),
				"id", volume.deviceName()));
	}

	private static String fileDriver(Path path) {
		return path.startsWith("/dev/") ? "host_device" : "file";
	}

	private static String nodeName(GuestVolume volume) {
		return "disk-" + volume.deviceName();
	}

	private static void checkDevice(GuestVolume volume) {
		if (!DEVICE.matcher(volume.device()).matches()) {
			throw new IllegalArgumentException("Not a device name: " + volume.device());
		}
	}

	private String version() {
		try {
			String line = this.commands.run(this.properties.binary(), "--version").stdout().lines().findFirst().orElse("");
			Matcher matcher = Pattern.compile("version (\\d+\\.\\d+\\.\\d+)").matcher(line);
			return matcher.find() ? matcher.group(1) : line;
		}
		catch (CommandFailedException ex) {
			return "unknown";
		}
	}

	private static long memTotalKb() {
		try {
			return Files.readAllLines(Path.of("/proc/meminfo"))
				.stream()
				.filter((line) -> line.startsWith("MemTotal:"))
				.map((line) -> Long.parseLong(line.replaceAll("\\D", "")))
				.findFirst()
				.orElse(0L);
		}
		catch (IOException ex) {
			return 0;
		}
	}

}
