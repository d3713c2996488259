package dev.novaboot.volume.driver;

import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Pattern;

import dev.novaboot.service.command.CommandFailedException;
import dev.novaboot.service.command.CommandResult;
import dev.novaboot.service.command.CommandRunner;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.health.contributor.Health;

/**
 * Volumes as logical volumes of an LVM volume group ({@code nova.volume.lvm.volume-group})
 * through the LVM command line tools, run as root through the root helper
 * ({@code nova.root-helper}). Snapshots are LVM snapshots ({@code lvcreate --snapshot}),
 * a volume from a snapshot is a new logical volume with the snapshot's data copied by
 * {@code dd}. A compute host on the same machine attaches the block device
 * {@code /dev/<vg>/<lv>}. Images are written onto, and read from, the block device by
 * {@code qemu-img convert}, as root.
 */
public class LvmVolumeDriver implements VolumeDriver {

	private static final Pattern VOLUME_GROUP = Pattern.compile("[A-Za-z0-9+_.][A-Za-z0-9+_.-]*");

	private static final long GIB = 1024L * 1024 * 1024;

	private final CommandRunner commands;

	private final String volumeGroup;

	private final QemuImg qemuImg;

	/** A driver whose image conversions may take {@link QemuImg#DEFAULT_TIMEOUT}. */
	public LvmVolumeDriver(CommandRunner commands, String volumeGroup) {
		this(commands, volumeGroup, new JsonMapper(), QemuImg.DEFAULT_TIMEOUT);
	}

	public LvmVolumeDriver(CommandRunner commands, String volumeGroup, JsonMapper json,
			Duration imageConversionTimeout) {
		if (volumeGroup == null || !VOLUME_GROUP.matcher(volumeGroup).matches()) {
			throw new IllegalArgumentException("nova.volume.lvm.volume-group '" + volumeGroup
					+ "' is not a valid volume group name (letters, digits, + _ . -)");
		}
		this.commands = commands;
		this.volumeGroup = volumeGroup;
		// the logical volumes are block devices that only root may write
		this.qemuImg = new QemuImg(commands, json, imageConversionTimeout, true);
	}

	@Override
	public String name() {
		return "lvm";
	}

	@Override
	public void doSetup() {
		try {
			this.commands.runAsRoot("vgs", "--noheadings", "-o", "vg_name", this.volumeGroup);
		}
		catch (CommandFailedException ex) {
			throw new IllegalStateException("Volume group " + this.volumeGroup
					+ " is not usable (nova.volume.lvm.volume-group): " + ex.getMessage(), ex);
		}
	}

	@Override
	public void createVolume(String name, int sizeGb) {
		run("create volume " + name, "lvcreate", "--yes", "--name", BackingName.check(name), "--size", sizeGb + "g",
				this.volumeGroup);
	}

	@Override
	public void createVolumeFromSnapshot(String name, int sizeGb, String snapshotName, int snapshotSizeGb) {
		if (!exists(snapshotName)) {
			throw new VolumeBackingMissingException(
					"Logical volume " + lv(snapshotName) + " of snapshot " + snapshotName + " is missing");
		}
		createVolume(name, sizeGb);
		try {
			// only the snapshot's size is copied: the rest of a larger volume stays as lvcreate left it
			run("copy snapshot " + snapshotName + " to " + name, "dd", "if=" + device(snapshotName),
					"of=" + device(name), "bs=1M", "count=" + (snapshotSizeGb * 1024L), "conv=fsync");
		}
		catch (VolumeDriverException ex) {
			deleteVolume(name);
			throw ex;
		}
	}

	@Override
	public void createCloneVolume(String name, int sizeGb, String sourceName, int sourceSizeGb) {
		if (!exists(sourceName)) {
			throw new VolumeBackingMissingException("Logical volume " + lv(sourceName) + " of volume " + sourceName
					+ " is missing");
		}
		createVolume(name, sizeGb);
		try {
			run("copy volume " + sourceName + " to " + name, "dd", "if=" + device(sourceName), "of=" + device(name),
					"bs=1M", "count=" + (sourceSizeGb * 1024L), "conv=fsync");
		}
		catch (VolumeDriverException ex) {
			deleteVolume(name);
			throw ex;
		}
	}

	/** A new logical volume with the image's data written onto the device by {@code qemu-img convert}. */
	@Override
	public void createVolumeFromImage(String name, int sizeGb, Path image) {
		QemuImg.Info info = this.qemuImg.checkImage(image, sizeGb);
		createVolume(name, sizeGb);
		try {
			// a new logical volume may hold an old one's blocks: every block is written
			this.qemuImg.writeInto(image, info.format(), device(name), false);
		}
		catch (VolumeDriverException ex) {
			deleteVolume(name);
			throw ex;
		}
	}

	@Override
	public void copyVolumeToImage(String name, Path image, String diskFormat) {
		this.qemuImg.writeImage(device(name), diskFormat, image);
	}

	@Override
	public void extendVolume(String name, int newSizeGb) {
		run("extend volume " + name, "lvextend", "--size", newSizeGb + "g", lv(name));
	}

	@Override
	public void deleteVolume(String name) {
		remove(name);
	}

	@Override
	public void createSnapshot(String snapshotName, String volumeName, int sizeGb) {
		// a snapshot as large as its volume can never fill up and become invalid
		run("snapshot volume " + volumeName, "lvcreate", "--yes", "--snapshot", "--name",
				BackingName.check(snapshotName), "--size", sizeGb + "g", lv(volumeName));
	}

	@Override
	public void deleteSnapshot(String snapshotName) {
		remove(snapshotName);
	}

	@Override
	public void ensureExport(String name) {
		if (!exists(name)) {
			throw new VolumeBackingMissingException("Logical volume " + lv(name) + " is missing");
		}
		// logical volumes may come back inactive after a reboot; activation is idempotent
		run("activate volume " + name, "lvchange", "--activate", "y", lv(name));
	}

	@Override
	public Connection initializeConnection(String name) {
		ensureExport(name);
		return new Connection("local", device(name));
	}

	@Override
	public Capacity capacity() {
		CommandResult result = run("read the capacity of " + this.volumeGroup, "vgs", "--noheadings", "--nosuffix",
				"--units", "b", "-o", "vg_size,vg_free", this.volumeGroup);
		String[] fields = result.stdout().trim().split("\\s+");
		if (fields.length != 2) {
			throw new VolumeDriverException("Unexpected vgs output for " + this.volumeGroup + ": " + result.stdout());
		}
		try {
			return new Capacity(Long.parseLong(fields[0]) / GIB, Long.parseLong(fields[1]) / GIB);
		}
		catch (NumberFormatException ex) {
			throw new VolumeDriverException("Unexpected vgs output for " + this.volumeGroup + ": " + result.stdout(), ex);
		}
	}

	@Override
	public Health health() {
		try {
			Capacity capacity = capacity();
			return Health.up()
				.withDetail("volumeGroup", this.volumeGroup)
				.withDetail("totalGb", capacity.totalGb())
				.withDetail("freeGb", capacity.freeGb())
				.build();
		}
		catch (VolumeDriverException ex) {
			return Health.down().withDetail("volumeGroup", this.volumeGroup).withDetail("error", ex.getMessage()).build();
		}
	}

	public String volumeGroup() {
		return this.volumeGroup;
	}

	/** Whether the logical volume exists: {@code lvs} fails for one that does not. */
	boolean exists(String name) {
		try {
			this.commands.runAsRoot("lvs", "--noheadings", "-o", "lv_name", lv(name));
			return true;
		}
		catch (CommandFailedException ex) {
			return false;
		}
	}

	private void remove(String name) {
		if (exists(name)) {
			run("remove " + name, "lvremove", "--force", lv(name));
		}
	}

	private String lv(String name) {
		return this.volumeGroup + "/" + BackingName.check(name);
	}

	private String device(String name) {
		return "/dev/" + lv(name);
	}

	private CommandResult run(String what, String... command) {
		try {
			return this.commands.runAsRoot(command);
		}
		catch (CommandFailedException ex) {
			throw new VolumeDriverException("Cannot " + what + ": " + ex.getMessage(), ex);
		}
	}

}
