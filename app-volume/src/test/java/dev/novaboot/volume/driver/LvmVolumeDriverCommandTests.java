package dev.novaboot.volume.driver;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The exact LVM command lines the driver issues, as root through the root helper, as
 * argument arrays.
 */
class LvmVolumeDriverCommandTests {

	static final String VOLUME = "volume-3f7e2b1a-0000-4000-8000-000000000001";

	static final String SNAPSHOT = "snapshot-3f7e2b1a-0000-4000-8000-000000000002";

	static final String COPY = "volume-3f7e2b1a-0000-4000-8000-000000000003";

	final RecordingCommandRunner commands = new RecordingCommandRunner(List.of("sudo", "-n"));

	final LvmVolumeDriver driver = new LvmVolumeDriver(this.commands, "nova-volumes");

	@Test
	void createExtendAndConnect() {
		this.driver.createVolume(VOLUME, 2);
		this.driver.extendVolume(VOLUME, 5);
		VolumeDriver.Connection connection = this.driver.initializeConnection(VOLUME);

		assertThat(this.commands.commands).containsExactly(
				List.of("sudo", "-n", "lvcreate", "--yes", "--name", VOLUME, "--size", "2g", "nova-volumes"),
				List.of("sudo", "-n", "lvextend", "--size", "5g", "nova-volumes/" + VOLUME),
				List.of("sudo", "-n", "lvs", "--noheadings", "-o", "lv_name", "nova-volumes/" + VOLUME),
				List.of("sudo", "-n", "lvchange", "--activate", "y", "nova-volumes/" + VOLUME));
		assertThat(connection).isEqualTo(new VolumeDriver.Connection("local", "/dev/nova-volumes/" + VOLUME));
	}

	@Test
	void snapshotsAreLvmSnapshotsAndVolumesFromThemAreCopies() {
		this.driver.createSnapshot(SNAPSHOT, VOLUME, 2);
		this.driver.createVolumeFromSnapshot(COPY, 3, SNAPSHOT, 2);

		assertThat(this.commands.commands).containsExactly(
				List.of("sudo", "-n", "lvcreate", "--yes", "--snapshot", "--name", SNAPSHOT, "--size", "2g",
						"nova-volumes/" + VOLUME),
				List.of("sudo", "-n", "lvs", "--noheadings", "-o", "lv_name", "nova-volumes/" + SNAPSHOT),
				List.of("sudo", "-n", "lvcreate", "--yes", "--name", COPY, "--size", "3g", "nova-volumes"),
				List.of("sudo", "-n", "dd", "if=/dev/nova-volumes/" + SNAPSHOT, "of=/dev/nova-volumes/" + COPY,
						"bs=1M", "count=2048", "conv=fsync"));
	}

	@Test
	void aVolumeFromAnImageIsWrittenOntoANewLogicalVolumeAndUploadedFromTheDevice() {
		RecordingCommandRunner commands = new RecordingCommandRunner(List.of("sudo", "-n"))
			.answering((command) -> command.contains("info")
					? "{\"format\": \"qcow2\", \"virtual-size\": 1073741824}" : "");
		LvmVolumeDriver lvm = new LvmVolumeDriver(commands, "nova-volumes");

		lvm.createVolumeFromImage(VOLUME, 1, Path.of("/srv/images/cirros"));
		lvm.copyVolumeToImage(VOLUME, Path.of("/srv/images/.upload-1"), "qcow2");

		assertThat(commands.commands).containsExactly(
				List.of("sudo", "-n", "qemu-img", "info", "--output=json", "/srv/images/cirros"),
				List.of("sudo", "-n", "lvcreate", "--yes", "--name", VOLUME, "--size", "1g", "nova-volumes"),
				List.of("sudo", "-n", "qemu-img", "convert", "-n", "-f", "qcow2", "-O", "raw", "/srv/images/cirros",
						"/dev/nova-volumes/" + VOLUME),
				List.of("sudo", "-n", "qemu-img", "convert", "-f", "raw", "-O", "qcow2", "/dev/nova-volumes/" + VOLUME,
						"/srv/images/.upload-1"));
	}

	@Test
	void anImageThatDoesNotFitMakesNoLogicalVolume() {
		RecordingCommandRunner commands = new RecordingCommandRunner(List.of())
			.answering((command) -> "{\"format\": \"raw\", \"virtual-size\": 1073741825}");

		assertThatThrownBy(() -> new LvmVolumeDriver(commands, "nova-volumes").createVolumeFromImage(VOLUME, 1,
				Path.of("/srv/images/big")))
			.isInstanceOf(VolumeDriverException.class)
			.hasMessageContaining("Image virtual size is 2GB and doesn't fit in a volume of size 1GB.");
		assertThat(commands.commands).hasSize(1);
	}

	@Test
	void deleteRemovesOnlyWhatExists() {
		this.driver.deleteVolume(VOLUME);
		RecordingCommandRunner missing = new RecordingCommandRunner(List.of())
			.answering((command) -> command.contains("lvs") ? null : "");
		new LvmVolumeDriver(missing, "vg0").deleteSnapshot(SNAPSHOT);

		assertThat(this.commands.commands).containsExactly(
				List.of("sudo", "-n", "lvs", "--noheadings", "-o", "lv_name", "nova-volumes/" + VOLUME),
				List.of("sudo", "-n", "lvremove", "--force", "nova-volumes/" + VOLUME));
		assertThat(missing.commands)
			.containsExactly(List.of("lvs", "--noheadings", "-o", "lv_name", "vg0/" + SNAPSHOT));
	}

	@Test
	void capacityComesFromVgs() {
		RecordingCommandRunner vgs = new RecordingCommandRunner(List.of())
			.answering((command) -> "  10733223936 4290772992\n");

		VolumeDriver.Capacity capacity = new LvmVolumeDriver(vgs, "vg0").capacity();

		assertThat(capacity).isEqualTo(new VolumeDriver.Capacity(9, 3));
		assertThat(vgs.commands).containsExactly(
				List.of("vgs", "--noheadings", "--nosuffix", "--units", "b", "-o", "vg_size,vg_free", "vg0"));
	}

	@Test
	void setupFailsClearlyWithoutTheVolumeGroup() {
		RecordingCommandRunner none = new RecordingCommandRunner(List.of()).answering((command) -> null);
		LvmVolumeDriver lvm = new LvmVolumeDriver(none, "vg0");

		assertThatThrownBy(lvm::doSetup).isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("Volume group vg0 is not usable")
			.hasMessageContaining("nova.volume.lvm.volume-group");
		assertThat(lvm.health().getStatus().getCode()).isEqualTo("DOWN");
		assertThatThrownBy(() -> lvm.ensureExport(VOLUME)).isInstanceOf(VolumeBackingMissingException.class);
	}

	@Test
	void aFailedCommandCarriesItsStderr() {
		RecordingCommandRunner failing = new RecordingCommandRunner(List.of()).answering((command) -> null);

		assertThatThrownBy(() -> new LvmVolumeDriver(failing, "vg0").createVolume(VOLUME, 1))
			.isInstanceOf(VolumeDriverException.class)
			.hasMessageContaining("Failed to find logical volume");
	}

	@Test
	void unsafeNamesNeverReachACommandLine() {
		assertThatIllegalArgumentException().isThrownBy(() -> new LvmVolumeDriver(this.commands, "vg0; reboot"));
		assertThatIllegalArgumentException().isThrownBy(() -> this.driver.createVolume("--help", 1));
		assertThat(this.commands.commands).isEmpty();
	}

}
