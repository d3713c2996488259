package dev.novaboot.volume.driver;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import dev.novaboot.service.command.CommandResult;
import dev.novaboot.service.command.CommandRunner;
import dev.novaboot.service.files.OwnerOnlyFiles;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The file driver for real, in a temporary directory, through the real command runner.
 */
class FileVolumeDriverTests {

	static final long GIB = 1024L * 1024 * 1024;

	static final String VOLUME = "volume-3f7e2b1a-0000-4000-8000-000000000001";

	static final String SNAPSHOT = "snapshot-3f7e2b1a-0000-4000-8000-000000000002";

	static final String COPY = "volume-3f7e2b1a-0000-4000-8000-000000000003";

	@TempDir
	Path directory;

	FileVolumeDriver driver;

	@BeforeEach
	void driver() {
		this.driver = new FileVolumeDriver(new CommandRunner(List.of(), Duration.ofSeconds(30)),
				this.directory.resolve("volumes"), new OwnerOnlyFiles());
		this.driver.doSetup();
	}

	@Test
	void aVolumeIsASparseFileOfItsSize() throws IOException {
		this.driver.createVolume(VOLUME, 2);

		Path file = this.directory.resolve("volumes").resolve(VOLUME);
		assertThat(Files.size(file)).isEqualTo(2 * GIB);
		assertThat(allocatedBytes(file)).isLessThan(GIB);
		assertThat(this.driver.initializeConnection(VOLUME)).isEqualTo(new VolumeDriver.Connection("local", file.toString()));
	}

	@Test
	void extendGrowsTheFileAndKeepsTheData() throws IOException {
		this.driver.createVolume(VOLUME, 1);
		Path file = this.driver.path(VOLUME);
		write(file, 4096, "keep me");

		this.driver.extendVolume(VOLUME, 3);

		assertThat(Files.size(file)).isEqualTo(3 * GIB);
		assertThat(read(file, 4096, 7)).isEqualTo("keep me");
	}

	@Test
	void aSnapshotIsAnIndependentCopy() throws IOException {
		this.driver.createVolume(VOLUME, 1);
		Path volume = this.driver.path(VOLUME);
		write(volume, 0, "before");

		this.driver.createSnapshot(SNAPSHOT, VOLUME, 1);
		write(volume, 0, "after!");

		Path snapshot = this.driver.path(SNAPSHOT);
		assertThat(Files.size(snapshot)).isEqualTo(GIB);
		assertThat(read(snapshot, 0, 6)).isEqualTo("before");
		assertThat(read(volume, 0, 6)).isEqualTo("after!");
		assertThat(Files.list(this.directory.resolve("volumes")).map((p) -> p.getFileName().toString()))
			.noneMatch((name) -> name.endsWith(".part"));
	}

	@Test
	void aVolumeFromASnapshotHoldsItsDataAndMayBeLarger() throws IOException {
		this.driver.createVolume(VOLUME, 1);
		write(this.driver.path(VOLUME), 100, "seed");
		this.driver.createSnapshot(SNAPSHOT, VOLUME, 1);

		this.driver.createVolumeFromSnapshot(COPY, 2, SNAPSHOT, 1);

		assertThat(Files.size(this.driver.path(COPY))).isEqualTo(2 * GIB);
		assertThat(read(this.driver.path(COPY), 100, 4)).isEqualTo("seed");
	}

	@Test
	void aCloneHoldsTheSourcesDataIsIndependentOfItAndMayBeLarger() throws IOException {
		this.driver.createVolume(VOLUME, 1);
		write(this.driver.path(VOLUME), 100, "seed");

		this.driver.createCloneVolume(COPY, 2, VOLUME, 1);
		write(this.driver.path(VOLUME), 100, "gone");

		assertThat(Files.size(this.driver.path(COPY))).isEqualTo(2 * GIB);
		assertThat(read(this.driver.path(COPY), 100, 4)).isEqualTo("seed");
		assertThat(Files.list(this.directory.resolve("volumes")).map((p) -> p.getFileName().toString()))
			.noneMatch((name) -> name.endsWith(".part"));
	}

	@Test
	void cloningAVolumeWhoseFileIsMissingFailsAndLeavesNoFile() {
		assertThatThrownBy(() -> this.driver.createCloneVolume(COPY, 1, VOLUME, 1))
			.isInstanceOf(VolumeBackingMissingException.class)
			.hasMessageContaining("is missing");
		assertThat(this.driver.path(COPY)).doesNotExist();
	}

	@Test
	void deleteRemovesTheFileAndMissingFilesAreNoError() {
		this.driver.createVolume(VOLUME, 1);
		this.driver.createSnapshot(SNAPSHOT, VOLUME, 1);

		this.driver.deleteSnapshot(SNAPSHOT);
		this.driver.deleteVolume(VOLUME);
		this.driver.deleteVolume(VOLUME);

		assertThat(this.driver.path(VOLUME)).doesNotExist();
		assertThat(this.driver.path(SNAPSHOT)).doesNotExist();
	}

	@Test
	void ensureExportFindsMissingFiles() {
		this.driver.createVolume(VOLUME, 1);
		this.driver.ensureExport(VOLUME);

		this.driver.deleteVolume(VOLUME);

		assertThatThrownBy(() -> this.driver.ensureExport(VOLUME)).isInstanceOf(VolumeBackingMissingException.class)
			.hasMessageContaining(VOLUME);
		assertThatThrownBy(() -> this.driver.extendVolume(VOLUME, 2))
			.isInstanceOf(VolumeBackingMissingException.class);
	}

	@Test
	void volumesSnapshotsAndVolumesFromSnapshotsAreReadableByTheirOwnerOnlyWhateverTheUmask() throws IOException {
		CommandRunner umask022 = commandsUnderUmask022();
		Path control = this.directory.resolve("control");
		umask022.run("truncate", "--size=1M", control.toString());
		assertThat(mode(control)).as("what the commands alone make").isEqualTo("rw-r--r--");
		FileVolumeDriver driver = new FileVolumeDriver(umask022, this.directory.resolve("fresh"), new OwnerOnlyFiles());
		driver.doSetup();

		driver.createVolume(VOLUME, 1);
		driver.createSnapshot(SNAPSHOT, VOLUME, 1);
		driver.createVolumeFromSnapshot(COPY, 2, SNAPSHOT, 1);
		driver.extendVolume(VOLUME, 2);

		for (String name : List.of(VOLUME, SNAPSHOT, COPY)) {
			assertThat(mode(driver.path(name))).as(name).isEqualTo("rw-------");
		}
		assertThat(mode(this.directory.resolve("fresh"))).isEqualTo("rwx------");
	}

	@Test
	void setupRestrictsTheFilesOfAnEarlierVersionAndLeavesOtherFilesAlone() throws IOException {
		Path volumes = this.directory.resolve("volumes");
		Path old = Files.createFile(volumes.resolve(VOLUME),
				PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-r--r--")));
		Files.setPosixFilePermissions(old, PosixFilePermissions.fromString("rw-r--r--"));
		Path other = Files.createFile(volumes.resolve("README"));
		Files.setPosixFilePermissions(other, PosixFilePermissions.fromString("rw-r--r--"));

		this.driver.doSetup();

		assertThat(mode(old)).isEqualTo("rw-------");
		assertThat(mode(other)).isEqualTo("rw-r--r--");
	}

	@Test
	void capacityComesFromTheFileSystem() {
		VolumeDriver.Capacity capacity = this.driver.capacity();

		assertThat(capacity.totalGb()).isPositive();
		assertThat(capacity.freeGb()).isBetween(0L, capacity.totalGb());
	}

	@Test
	void namesThatAreNotVolumeOrSnapshotNamesNeverBecomePaths() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.driver.createVolume("../../etc/passwd", 1));
		assertThatIllegalArgumentException().isThrownBy(() -> this.driver.deleteVolume("volume-x; rm -rf /"));
	}

	@Test
	void aFailingCommandIsReportedWithItsErrorAndLeavesNoFile() {
		FileVolumeDriver failing = new FileVolumeDriver(new CommandRunner(List.of(), Duration.ofSeconds(30)) {
			@Override
			public dev.novaboot.service.command.CommandResult run(List<String> command, Duration timeout) {
				throw new dev.novaboot.service.command.CommandFailedException(command, 1, "No space left on device", null);
			}
		}, this.directory.resolve("volumes"), new OwnerOnlyFiles());

		assertThatThrownBy(() -> failing.createVolume(VOLUME, 1)).isInstanceOf(VolumeDriverException.class)
			.hasMessageContaining("No space left on device");
		assertThat(this.driver.path(VOLUME)).doesNotExist();
	}

	@Test
	void setupRefusesADirectoryItCannotCreate() throws IOException {
		Path blocker = Files.writeString(this.directory.resolve("a-file"), "x");
		FileVolumeDriver broken = new FileVolumeDriver(new CommandRunner(List.of(), Duration.ofSeconds(5)),
				blocker.resolve("volumes"), new OwnerOnlyFiles());

		assertThatThrownBy(broken::doSetup).isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("nova.volume.file.directory");
		assertThat(broken.health().getStatus().getCode()).isEqualTo("DOWN");
	}

	// the driver's commands under umask 022 whatever the test JVM's: a file they create is
	// rw-r--r-- unless the driver sees to it
	private static CommandRunner commandsUnderUmask022() {
		return new CommandRunner(List.of(), Duration.ofSeconds(30)) {
			@Override
			public CommandResult run(List<String> command, Duration timeout) {
				List<String> wrapped = new ArrayList<>(List.of("sh", "-c", "umask 022 && exec \"$@\"", "sh"));
				wrapped.addAll(command);
				return super.run(wrapped, timeout);
			}
		};
	}

	private static String mode(Path path) throws IOException {
		return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
	}

	// JDK 17 has no attribute for allocated blocks: ask du, which reads them from stat
	private static long allocatedBytes(Path file) {
		String out = new CommandRunner(List.of(), Duration.ofSeconds(10)).run("du", "--block-size=1", file.toString())
			.stdout();
		return Long.parseLong(out.trim().split("\\s+")[0]);
	}

	private static void write(Path file, long offset, String text) throws IOException {
		try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
			raf.seek(offset);
			raf.write(text.getBytes());
		}
	}

	private static String read(Path file, long offset, int length) throws IOException {
		try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "r")) {
			byte[] bytes = new byte[length];
			raf.seek(offset);
			raf.readFully(bytes);
			return new String(bytes);
		}
	}

}
