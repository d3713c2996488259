package dev.novaboot.compute.driver;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.novaboot.compute.ComputeProperties;
import dev.novaboot.compute.driver.ComputeDriver.RebootType;
import dev.novaboot.service.command.CommandRunner;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

/**
 * The {@code qemu} driver for real: each guest a {@code qemu-system-x86_64} process on a
 * 64 MB qcow2 disk without an OS (QEMU still runs, answers QMP, resets, powers off and on,
 * and hot-plugs disks). Skipped only where the QEMU binaries are absent, and never on CI
 * (the {@code CI} environment variable set), where a missing QEMU fails the test.
 */
class QemuComputeDriverTests {

	@TempDir(cleanup = org.junit.jupiter.api.io.CleanupMode.ALWAYS)
	static Path images;

	@TempDir
	Path state;

	QemuComputeDriver driver;

	Path image;

	@BeforeAll
	static void qemuIsInstalled() {
		boolean present = onPath("qemu-system-x86_64") && onPath("qemu-img");
		if (System.getenv("CI") != null) {
			assertThat(present).as("qemu-system-x86_64 and qemu-img must be installed on CI (apt: qemu-system-x86 qemu-utils)")
				.isTrue();
		}
		assumeThat(present).as("qemu-system-x86_64 and qemu-img on PATH").isTrue();
	}

	@BeforeEach
	void driverAndImage() throws IOException {
		CommandRunner commands = new CommandRunner(List.of(), Duration.ofSeconds(60));
		this.driver = new QemuComputeDriver(commands, new JsonMapper(), new ComputeProperties.Qemu("qemu-system-x86_64",
				"qemu-img", images, this.state, Duration.ofSeconds(1), "auto", null));
		this.image = images.resolve("blank.qcow2");
		if (!Files.exists(this.image)) {
			commands.run("qemu-img", "create", "-f", "qcow2", this.image.toString(), "64M");
		}
	}

	@AfterEach
	void noGuestSurvives() {
		for (String uuid : this.driver.listInstances()) {
			this.driver.destroy(uuid);
		}
	}

	@Test
	void spawnGivesARunningQemuAnsweringQmpAndDestroyLeavesNothing() {
		GuestSpec guest = guest(List.of());
		this.driver.spawn(guest);
		ProcessHandle process = this.driver.pid(guest.uuid()).orElseThrow();
		assertThat(process.isAlive()).isTrue();
		assertThat(process.info().commandLine().orElse("")).contains("-m 128").contains("-smp 1");
		assertThat(this.driver.getInfo(guest.uuid())).isEqualTo(PowerState.RUNNING);
		assertThat(this.driver.listInstances()).containsExactly(guest.uuid());
		assertThat(this.driver.queryBlock(guest.uuid())).containsValue(this.state.resolve(guest.uuid()).resolve("disk.qcow2").toString());
		assertThat(this.driver.getAvailableResource().hypervisorType()).isEqualTo("QEMU");

		this.driver.destroy(guest.uuid());
		assertThat(process.onExit()).succeedsWithin(Duration.ofSeconds(10));
		assertThat(this.driver.listInstances()).isEmpty();
		assertThat(this.driver.getInfo(guest.uuid())).isEqualTo(PowerState.NOSTATE);
	}

	@Test
	void aGuestWithMetadataGetsItsConfigDriveAsACdrom() {
		String uuid = UUID.randomUUID().toString();
		GuestSpec guest = new GuestSpec(uuid, "keyed", 1, 128, 0, this.image, "qcow2", List.of(), List.of(), "keyed",
				List.of(), new GuestMetadata(uuid, "keyed", "keyed", "nova", "project", Map.of(), "key",
						"ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIO0 someone"));
		this.driver.spawn(guest);
		try {
			Path configDrive = this.state.resolve(uuid).resolve("disk.config");
			assertThat(configDrive).isRegularFile();
			assertThat(this.driver.queryBlock(uuid)).containsValue(configDrive.toString());
		}
		finally {
			this.driver.destroy(uuid);
		}
	}

	@Test
	void rebootAndPowerOffAndOnChangeThePowerState() {
		GuestSpec guest = guest(List.of());
		this.driver.spawn(guest);
		this.driver.reboot(guest, RebootType.SOFT);
		assertThat(this.driver.getInfo(guest.uuid())).isEqualTo(PowerState.RUNNING);

		ProcessHandle first = this.driver.pid(guest.uuid()).orElseThrow();
		this.driver.powerOff(guest.uuid());
		assertThat(first.isAlive()).isFalse();
		assertThat(this.driver.getInfo(guest.uuid())).isEqualTo(PowerState.SHUTDOWN);

		this.driver.powerOn(guest);
		assertThat(this.driver.getInfo(guest.uuid())).isEqualTo(PowerState.RUNNING);
		assertThat(this.driver.pid(guest.uuid()).orElseThrow().pid()).isNotEqualTo(first.pid());

		this.driver.powerOff(guest.uuid());
		this.driver.reboot(guest, RebootType.HARD);
		assertThat(this.driver.getInfo(guest.uuid())).isEqualTo(PowerState.RUNNING);
	}

	@Test
	void aGuestWhoseQemuWasKilledIsCrashed() {
		GuestSpec guest = guest(List.of());
		this.driver.spawn(guest);
		ProcessHandle process = this.driver.pid(guest.uuid()).orElseThrow();
		process.destroyForcibly();
		assertThat(process.onExit()).succeedsWithin(Duration.ofSeconds(10));
		assertThat(this.driver.getInfo(guest.uuid())).isEqualTo(PowerState.CRASHED);
	}

	@Test
	void aFileVolumeHotPlugsIntoTheGuestAndOut() throws IOException {
		Path volume = this.state.resolve("volume-1");
		Files.write(volume, new byte[4 * 1024 * 1024]);
		GuestSpec guest = guest(List.of());
		this.driver.spawn(guest);
		GuestVolume vdb = new GuestVolume("volume-1", "/dev/vdb", volume, "raw");

		this.driver.attachVolume(guest.uuid(), vdb);
		assertThat(this.driver.queryBlock(guest.uuid())).containsEntry("vdb", volume.toString());

		this.driver.detachVolume(guest.uuid(), vdb);
		assertThat(this.driver.queryBlock(guest.uuid())).doesNotContainKey("vdb");

		// a volume attached while the guest is off is plugged in at its next start
		this.driver.powerOff(guest.uuid());
		this.driver.powerOn(new GuestSpec(guest.uuid(), guest.name(), 1, 128, 0, this.image, "qcow2", List.of(),
				List.of(vdb)));
		assertThat(this.driver.queryBlock(guest.uuid())).containsEntry("vdb", volume.toString());
	}

	@Test
	void consoleOutputIsTheTailOfTheSerialLog() throws IOException {
		GuestSpec guest = guest(List.of());
		this.driver.spawn(guest);
		Path log = this.state.resolve(guest.uuid()).resolve("console.log");
		Files.writeString(log, "one\ntwo\nthree\n", java.nio.file.StandardOpenOption.APPEND);
		assertThat(this.driver.getConsoleOutput(guest.uuid(), 2)).endsWith("two\nthree\n");
	}

	@Test
	void pauseFreezesTheVcpusAndUnpauseLetsThemRunInTheSameProcess() {
		GuestSpec guest = guest(List.of());
		this.driver.spawn(guest);
		long pid = this.driver.pid(guest.uuid()).orElseThrow().pid();
		this.driver.pause(guest.uuid());
		assertThat(this.driver.getInfo(guest.uuid())).isEqualTo(PowerState.PAUSED);
		this.driver.unpause(guest.uuid());
		assertThat(this.driver.getInfo(guest.uuid())).isEqualTo(PowerState.RUNNING);
		assertThat(this.driver.pid(guest.uuid()).orElseThrow().pid()).isEqualTo(pid);
	}

	@Test
	void suspendSavesTheGuestToAFileAndQuitsAndResumeRunsItFromThatFile() {
		GuestSpec guest = guest(List.of());
		this.driver.spawn(guest);
		ProcessHandle before = this.driver.pid(guest.uuid()).orElseThrow();
		Path saved = this.state.resolve(guest.uuid()).resolve("suspend.state");

		this.driver.suspend(guest.uuid());
		assertThat(before.onExit()).succeedsWithin(Duration.ofSeconds(10));
		assertThat(saved).isNotEmptyFile();
		assertThat(this.driver.getInfo(guest.uuid())).isEqualTo(PowerState.SUSPENDED);

		this.driver.resume(guest);
		assertThat(this.driver.getInfo(guest.uuid())).isEqualTo(PowerState.RUNNING);
		assertThat(this.driver.commandLine(guest.uuid()).orElse("")).contains("-incoming");
		assertThat(saved).doesNotExist();
	}

	@Test
	void resizeRestartsTheGuestWithTheNewMemoryVcpusAndDiskAndRevertPutsTheOldOnesBack() {
		GuestSpec original = new GuestSpec(UUID.randomUUID().toString(), "resized", 1, 128, 1, this.image, "qcow2",
				List.of(), List.of());
		this.driver.spawn(original);
		this.driver.migrateDiskAndPowerOff(original.uuid());
		assertThat(this.driver.getInfo(original.uuid())).isEqualTo(PowerState.SHUTDOWN);

		GuestSpec bigger = new GuestSpec(original.uuid(), "resized", 2, 256, 2, this.image, "qcow2", List.of(),
				List.of());
		this.driver.finishMigration(bigger, true);
		assertThat(this.driver.getInfo(original.uuid())).isEqualTo(PowerState.RUNNING);
		assertThat(this.driver.commandLine(original.uuid()).orElse("")).contains("-m 256").contains("-smp 2");
		assertThat(virtualSize(original.uuid())).isEqualTo(2L * 1024 * 1024 * 1024);

		this.driver.finishRevertMigration(original, true);
		assertThat(this.driver.commandLine(original.uuid()).orElse("")).contains("-m 128").contains("-smp 1");
		assertThat(virtualSize(original.uuid())).isEqualTo(1024L * 1024 * 1024);
	}

	@Test
	void aConfirmedResizeDropsTheOldDiskAndADiskIsNeverShrunk() {
		GuestSpec original = new GuestSpec(UUID.randomUUID().toString(), "resized", 1, 128, 2, this.image, "qcow2",
				List.of(), List.of());
		this.driver.spawn(original);
		this.driver.migrateDiskAndPowerOff(original.uuid());
		Path kept = this.state.resolve(original.uuid()).resolve("disk.qcow2.resize");
		assertThat(kept).exists();
		GuestSpec smaller = new GuestSpec(original.uuid(), "resized", 1, 128, 1, this.image, "qcow2", List.of(),
				List.of());
		org.assertj.core.api.Assertions.assertThatIllegalStateException()
			.isThrownBy(() -> this.driver.finishMigration(smaller, true))
			.withMessage("Unable to resize disk down.");
		GuestSpec same = new GuestSpec(original.uuid(), "resized", 2, 192, 2, this.image, "qcow2", List.of(),
				List.of());
		this.driver.finishMigration(same, true);
		this.driver.confirmMigration(original.uuid());
		assertThat(kept).doesNotExist();
		assertThat(this.driver.commandLine(original.uuid()).orElse("")).contains("-m 192");
	}

	private long virtualSize(String uuid) {
		String info = new CommandRunner(List.of(), Duration.ofSeconds(60))
			.run("qemu-img", "info", "--output=json", "-U", this.state.resolve(uuid).resolve("disk.qcow2").toString())
			.stdout();
		return new JsonMapper().readTree(info).path("virtual-size").asLong();
	}

	private GuestSpec guest(List<String> macs) {
		return new GuestSpec(UUID.randomUUID().toString(), "test-guest", 1, 128, 0, this.image, "qcow2", macs,
				List.of());
	}

	private static boolean onPath(String binary) {
		String path = System.getenv("PATH");
		return path != null && java.util.Arrays.stream(path.split(":")).anyMatch((dir) -> Files.isExecutable(Path.of(dir, binary)));
	}

}
