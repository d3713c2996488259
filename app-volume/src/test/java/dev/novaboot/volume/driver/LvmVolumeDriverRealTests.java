package dev.novaboot.volume.driver;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import dev.novaboot.service.command.CommandFailedException;
import dev.novaboot.service.command.CommandRunner;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

/**
 * The LVM driver for real, on a volume group built on a loop device over a sparse file.
 * It needs root, the {@code lvm2} tools and a kernel with device-mapper; where any of
 * them is missing the test is skipped and says which (CI runs as root with {@code lvm2}
 * installed).
 */
class LvmVolumeDriverRealTests {

	static final String VOLUME = "volume-" + UUID.randomUUID();

	static final String SNAPSHOT = "snapshot-" + UUID.randomUUID();

	static final String COPY = "volume-" + UUID.randomUUID();

	final CommandRunner commands = new CommandRunner(List.of(), Duration.ofSeconds(60));

	final String volumeGroup = "nova-test-" + UUID.randomUUID().toString().substring(0, 8);

	String loopDevice;

	@TempDir
	Path directory;

	@BeforeEach
	void volumeGroupOnALoopDevice() {
		assumeThat(precondition()).as("LVM precondition").isNull();
		Path backing = this.directory.resolve("pv.img");
		this.commands.run("truncate", "--size=4G", backing.toString());
		this.loopDevice = this.commands.run("losetup", "--find", "--show", backing.toString()).stdout().trim();
		this.commands.run("pvcreate", "--yes", this.loopDevice);
		this.commands.run("vgcreate", "--yes", this.volumeGroup, this.loopDevice);
	}

	@AfterEach
	void removeVolumeGroup() {
		if (this.loopDevice == null) {
			return;
		}
		quietly("vgremove", "--force", "--yes", this.volumeGroup);
		quietly("pvremove", "--force", "--yes", this.loopDevice);
		quietly("losetup", "--detach", this.loopDevice);
	}

	@Test
	void createExtendSnapshotCopyAndDelete() {
		LvmVolumeDriver driver = new LvmVolumeDriver(this.commands, this.volumeGroup);
		driver.doSetup();
		VolumeDriver.Capacity before = driver.capacity();
		assertThat(before.totalGb()).isEqualTo(3);

		driver.createVolume(VOLUME, 1);
		assertThat(sizeOf(VOLUME)).isEqualTo(1L << 30);
		driver.extendVolume(VOLUME, 2);
		assertThat(sizeOf(VOLUME)).isEqualTo(2L << 30);
		assertThat(driver.initializeConnection(VOLUME).devicePath()).isEqualTo("/dev/" + this.volumeGroup + "/" + VOLUME);

		driver.createSnapshot(SNAPSHOT, VOLUME, 1);
		assertThat(driver.exists(SNAPSHOT)).isTrue();
		driver.deleteSnapshot(SNAPSHOT);
		assertThat(driver.exists(SNAPSHOT)).isFalse();

		driver.createVolume(COPY, 1);
		driver.deleteVolume(COPY);
		driver.deleteVolume(VOLUME);
		assertThat(driver.exists(VOLUME)).isFalse();
		assertThat(driver.capacity().freeGb()).isEqualTo(before.freeGb());
	}

	private long sizeOf(String name) {
		return Long.parseLong(this.commands
			.run("lvs", "--noheadings", "--nosuffix", "--units", "b", "-o", "lv_size", this.volumeGroup + "/" + name)
			.stdout()
			.trim());
	}

	/** Why a real LVM test cannot run on this machine, or {@code null} when it can. */
	private String precondition() {
		if (!"root".equals(System.getProperty("user.name"))) {
			return "not running as root";
		}
		for (String tool : List.of("lvcreate", "vgcreate", "losetup")) {
			try {
				this.commands.run("sh", "-c", "command -v " + tool);
			}
			catch (CommandFailedException ex) {
				return tool + " is not installed (apt-get install lvm2)";
			}
		}
		try {
			this.commands.run("dmsetup", "version");
		}
		catch (CommandFailedException ex) {
			return "the kernel offers no device-mapper (dmsetup version: " + ex.getStderr().strip() + ")";
		}
		return null;
	}

	private void quietly(String... command) {
		try {
			this.commands.run(command);
		}
		catch (CommandFailedException ex) {
			// best effort: the test's own failure matters more
		}
	}

}
