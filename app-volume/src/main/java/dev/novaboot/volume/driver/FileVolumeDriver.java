package dev.novaboot.volume.driver;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import dev.novaboot.service.command.CommandFailedException;
import dev.novaboot.service.command.CommandRunner;
import dev.novaboot.service.files.OwnerOnlyFiles;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.health.contributor.Health;

/**
 * Volumes as sparse files in a directory of this host ({@code nova.volume.file.directory}):
 * {@code truncate} creates and grows them without writing data, snapshots are real copies
 * by {@code cp --reflink=auto --sparse=always} (a copy-on-write clone where the file
 * system offers it, a sparse copy elsewhere). A compute host on the same machine attaches
 * the file itself.
 * <p>
 * The files hold the guests' disks: they are owner-only ({@code rw-------}), created so
 * before {@code truncate} sizes them and restricted after {@code cp} copied them, and a
 * directory the driver creates is owner-only too.
 */
public class FileVolumeDriver implements VolumeDriver {

	private static final Log logger = LogFactory.getLog(FileVolumeDriver.class);

	private static final long GIB = 1024L * 1024 * 1024;

	private final CommandRunner commands;

	private final Path directory;

	private final OwnerOnlyFiles files;

	private final QemuImg qemuImg;

	/** A driver whose image conversions may take {@link QemuImg#DEFAULT_TIMEOUT}. */
	public FileVolumeDriver(CommandRunner commands, Path directory, OwnerOnlyFiles files) {
		this(commands, directory, files, new JsonMapper(), QemuImg.DEFAULT_TIMEOUT);
	}

	public FileVolumeDriver(CommandRunner commands, Path directory, OwnerOnlyFiles files, JsonMapper json,
			Duration imageConversionTimeout) {
		this.commands = commands;
		this.directory = directory.toAbsolutePath().normalize();
		this.files = files;
		this.qemuImg = new QemuImg(commands, json, imageConversionTimeout, false);
	}

	@Override
	public String name() {
		return "file";
	}

	@Override
	public void doSetup() {
		try {
			this.files.createDirectories(this.directory);
		}
		catch (UncheckedIOException ex) {
			throw new IllegalStateException(
					"Cannot create the volume directory " + this.directory + " (nova.volume.file.directory)", ex);
		}
		if (!Files.isWritable(this.directory)) {
			throw new IllegalStateException(
					"The volume directory " + this.directory + " is not writable (nova.volume.file.directory)");
		}
		restrictExistingFiles();
	}

	// files of an earlier version, created with the umask, become owner-only too
	private void restrictExistingFiles() {
		try {
			for (Path file : backingFiles()) {
				this.files.restrict(file);
			}
		}
		catch (UncheckedIOException ex) {
			logger.warn("Cannot restrict the volume files in " + this.directory + " to their owner: "
					+ ex.getCause().getMessage());
		}
	}

	private List<Path> backingFiles() {
		try (Stream<Path> entries = Files.list(this.directory)) {
			return entries.filter((file) -> isBackingName(file.getFileName().toString()) && Files.isRegularFile(file))
				.toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static boolean isBackingName(String name) {
		try {
			BackingName.check(name);
			return true;
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
	}

	@Override
	public void createVolume(String name, int sizeGb) {
		Path file = path(name);
		try {
			// truncate keeps the mode of the file it grows
			ownerOnlyFile(file);
			run("create volume " + name, "truncate", "--size=" + sizeGb + "G", file.toString());
		}
		catch (VolumeDriverException ex) {
			deleteQuietly(file);
			throw ex;
		}
	}

	@Override
	public void createVolumeFromSnapshot(String name, int sizeGb, String snapshotName, int snapshotSizeGb) {
		Path source = path(snapshotName);
		if (!Files.isRegularFile(source)) {
			throw new VolumeBackingMissingException("The file of snapshot " + snapshotName + " is missing: " + source);
		}
		Path file = path(name);
		try {
			copy(source, file);
			if (sizeGb > snapshotSizeGb) {
				run("grow volume " + name, "truncate", "--size=" + sizeGb + "G", file.toString());
			}
		}
		catch (VolumeDriverException ex) {
			deleteQuietly(file);
			throw ex;
		}
	}

	@Override
	public void createCloneVolume(String name, int sizeGb, String sourceName, int sourceSizeGb) {
		Path source = path(sourceName);
		if (!Files.isRegularFile(source)) {
			throw new VolumeBackingMissingException("The file of volume " + sourceName + " is missing: " + source);
		}
		Path file = path(name);
		try {
			// the same copy as for a snapshot: copy-on-write where the file system can, sparse elsewhere
			copy(source, file);
			if (sizeGb > sourceSizeGb) {
				run("grow volume " + name, "truncate", "--size=" + sizeGb + "G", file.toString());
			}
		}
		catch (VolumeDriverException ex) {
			deleteQuietly(file);
			throw ex;
		}
	}

	/**
	 * A new sparse file of the volume's size, filled by {@code qemu-img convert} under a
	 * temporary name and renamed when complete, as copies are: a crash never leaves a
	 * half-written volume under the real name.
	 */
	@Override
	public void createVolumeFromImage(String name, int sizeGb, Path image) {
		QemuImg.Info info = this.qemuImg.checkImage(image, sizeGb);
		Path file = path(name);
		Path partial = file.resolveSibling(file.getFileName() + ".part");
		try {
			// what a crash left under the temporary name is no zeros to write over
			deleteQuietly(partial);
			ownerOnlyFile(partial);
			run("create volume " + name, "truncate", "--size=" + sizeGb + "G", partial.toString());
			// a new sparse file reads as zeros: qemu-img need not write the image's zeros
			this.qemuImg.writeInto(image, info.format(), partial.toString(), true);
			Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
		}
		catch (IOException ex) {
			throw new VolumeDriverException("Cannot move " + partial + " to " + file + ": " + ex.getMessage(), ex);
		}
		finally {
			deleteQuietly(partial);
		}
	}

	@Override
	public void copyVolumeToImage(String name, Path image, String diskFormat) {
		Path file = path(name);
		if (!Files.isRegularFile(file)) {
			throw new VolumeBackingMissingException("The file of volume " + name + " is missing: " + file);
		}
		this.qemuImg.writeImage(file.toString(), diskFormat, image);
	}

	@Override
	public void extendVolume(String name, int newSizeGb) {
		Path file = path(name);
		if (!Files.isRegularFile(file)) {
			throw new VolumeBackingMissingException("The file of volume " + name + " is missing: " + file);
		}
		// truncate grows the file's length only: the new space reads as zeros and takes no blocks
		run("extend volume " + name, "truncate", "--size=" + newSizeGb + "G", file.toString());
	}

	@Override
	public void deleteVolume(String name) {
		delete(path(name));
	}

	@Override
	public void createSnapshot(String snapshotName, String volumeName, int sizeGb) {
		Path source = path(volumeName);
		if (!Files.isRegularFile(source)) {
			throw new VolumeBackingMissingException("The file of volume " + volumeName + " is missing: " + source);
		}
		copy(source, path(snapshotName));
	}

	@Override
	public void deleteSnapshot(String snapshotName) {
		delete(path(snapshotName));
	}

	@Override
	public void ensureExport(String name) {
		Path file = path(name);
		if (!Files.isRegularFile(file)) {
			throw new VolumeBackingMissingException("The file of volume " + name + " is missing: " + file);
		}
	}

	@Override
	public Connection initializeConnection(String name) {
		ensureExport(name);
		return new Connection("local", path(name).toString());
	}

	@Override
	public Capacity capacity() {
		try {
			FileStore store = Files.getFileStore(this.directory);
			return new Capacity(store.getTotalSpace() / GIB, store.getUsableSpace() / GIB);
		}
		catch (IOException ex) {
			throw new VolumeDriverException("Cannot read the capacity of " + this.directory + ": " + ex.getMessage(), ex);
		}
	}

	@Override
	public Health health() {
		boolean usable = Files.isDirectory(this.directory) && Files.isWritable(this.directory);
		return (usable ? Health.up() : Health.down().withDetail("error", "not a writable directory"))
			.withDetail("directory", this.directory.toString())
			.build();
	}

	public Path directory() {
		return this.directory;
	}

	/** The file of a volume or snapshot; the name is checked before it becomes a path. */
	public Path path(String name) {
		return this.directory.resolve(BackingName.check(name));
	}

	// copied under a temporary name and renamed, so that a crash never leaves a half copy
	// under the real name; cp writes into an owner-only file (it keeps an existing
	// target's mode), and the copy is restricted again before it gets its name
	private void copy(Path source, Path target) {
		Path partial = target.resolveSibling(target.getFileName() + ".part");
		try {
			ownerOnlyFile(partial);
			run("copy " + source.getFileName() + " to " + target.getFileName(), "cp", "--reflink=auto",
					"--sparse=always", source.toString(), partial.toString());
			this.files.restrict(partial);
			Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
		}
		catch (UncheckedIOException ex) {
			throw new VolumeDriverException("Cannot restrict " + partial + " to its owner: " + ex.getCause().getMessage(),
					ex);
		}
		catch (IOException ex) {
			throw new VolumeDriverException("Cannot move " + partial + " to " + target + ": " + ex.getMessage(), ex);
		}
		finally {
			deleteQuietly(partial);
		}
	}

	private void ownerOnlyFile(Path file) {
		try {
			this.files.file(file);
		}
		catch (UncheckedIOException ex) {
			throw new VolumeDriverException("Cannot create " + file + ": " + ex.getCause().getMessage(), ex);
		}
	}

	private void run(String what, String... command) {
		try {
			this.commands.run(command);
		}
		catch (CommandFailedException ex) {
			throw new VolumeDriverException("Cannot " + what + ": " + ex.getMessage(), ex);
		}
	}

	private static void delete(Path file) {
		try {
			Files.deleteIfExists(file);
		}
		catch (IOException ex) {
			throw new VolumeDriverException("Cannot delete " + file + ": " + ex.getMessage(), ex);
		}
	}

	private static void deleteQuietly(Path file) {
		try {
			Files.deleteIfExists(file);
		}
		catch (IOException ex) {
			// the original failure is what the caller needs to see
		}
	}

}
