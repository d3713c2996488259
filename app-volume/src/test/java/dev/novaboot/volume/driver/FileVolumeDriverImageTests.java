package dev.novaboot.volume.driver;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;

import dev.novaboot.service.command.CommandRunner;
import dev.novaboot.service.files.OwnerOnlyFiles;
import dev.novaboot.service.testsupport.HostTools;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The file driver's image paths for real, with {@code qemu-img} (from {@code qemu-utils})
 * in a temporary directory: a volume from a qcow2 or raw image holds the image's disk as
 * raw data, a volume written out as an image is that image, and an image that does not
 * fit or has a backing file is refused without leaving a volume file behind.
 */
class FileVolumeDriverImageTests {

	static final long GIB = 1024L * 1024 * 1024;

	static final String VOLUME = "volume-3f7e2b1a-0000-4000-8000-0000000000a1";

	static final CommandRunner COMMANDS = new CommandRunner(List.of(), Duration.ofSeconds(60));

	@TempDir
	Path directory;

	FileVolumeDriver driver;

	@BeforeAll
	static void qemuImg() {
		HostTools.require(Files.isExecutable(Path.of("/usr/bin/qemu-img")) && Files.isExecutable(Path.of("/usr/bin/qemu-io")),
				"qemu-img and qemu-io (apt-get install qemu-utils)");
	}

	@BeforeEach
	void driver() {
		this.driver = new FileVolumeDriver(COMMANDS, this.directory.resolve("volumes"), new OwnerOnlyFiles());
		this.driver.doSetup();
	}

	@Test
	void aVolumeFromAQcow2ImageHoldsItsDiskAsRawDataAtTheVolumesSize() throws IOException {
		Path image = this.directory.resolve("guest.qcow2");
		COMMANDS.run("qemu-img", "create", "-f", "qcow2", image.toString(), "64M");
		COMMANDS.run("qemu-io", "-f", "qcow2", "-c", "write -P 0xab 1M 64k", image.toString());

		this.driver.createVolumeFromImage(VOLUME, 1, image);

		Path file = this.driver.path(VOLUME);
		assertThat(Files.size(file)).isEqualTo(GIB);
		assertThat(bytes(file, 1024 * 1024, 4)).containsOnly((byte) 0xab);
		assertThat(bytes(file, 0, 4)).containsOnly((byte) 0);
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
		assertThat(names(this.directory.resolve("volumes"))).containsExactly(VOLUME);
	}

	@Test
	void aVolumeFromARawImageHoldsItsBytes() throws IOException {
		Path image = this.directory.resolve("disk.img");
		Files.write(image, "a raw disk".getBytes());

		this.driver.createVolumeFromImage(VOLUME, 1, image);

		assertThat(new String(bytes(this.driver.path(VOLUME), 0, 10))).isEqualTo("a raw disk");
	}

	@Test
	void anImageLargerThanTheVolumeIsRefusedAndLeavesNoFile() {
		Path image = this.directory.resolve("big.qcow2");
		COMMANDS.run("qemu-img", "create", "-f", "qcow2", image.toString(), "2G");

		assertThatExceptionOfType(VolumeDriverException.class)
			.isThrownBy(() -> this.driver.createVolumeFromImage(VOLUME, 1, image))
			.withMessageContaining("Image virtual size is 2GB and doesn't fit in a volume of size 1GB.");
		assertThat(names(this.directory.resolve("volumes"))).isEmpty();
	}

	@Test
	void anImageWithABackingFileIsRefused() throws IOException {
		Path secret = this.directory.resolve("host-secret.raw");
		Files.write(secret, "not for guests".getBytes());
		Path overlay = this.directory.resolve("overlay.qcow2");
		COMMANDS.run("qemu-img", "create", "-f", "qcow2", "-b", secret.toString(), "-F", "raw", overlay.toString());

		assertThatExceptionOfType(VolumeDriverException.class)
			.isThrownBy(() -> this.driver.createVolumeFromImage(VOLUME, 1, overlay))
			.withMessageContaining("backed by: " + secret);
		assertThat(names(this.directory.resolve("volumes"))).isEmpty();
	}

	@Test
	void aVolumeWrittenOutAsQcow2IsAnImageOfItsData() throws IOException {
		this.driver.createVolume(VOLUME, 1);
		try (RandomAccessFile raf = new RandomAccessFile(this.driver.path(VOLUME).toFile(), "rw")) {
			raf.seek(4096);
			raf.write("uploaded".getBytes());
		}
		Path image = this.directory.resolve("upload");
		Files.createFile(image);

		this.driver.copyVolumeToImage(VOLUME, image, "qcow2");

		assertThat(COMMANDS.run("qemu-img", "info", "--output=json", image.toString()).stdout())
			.contains("\"format\": \"qcow2\"")
			.contains("\"virtual-size\": " + GIB);
		Path back = this.directory.resolve("back.raw");
		COMMANDS.run("qemu-img", "convert", "-f", "qcow2", "-O", "raw", image.toString(), back.toString());
		assertThat(new String(bytes(back, 4096, 8))).isEqualTo("uploaded");
	}

	@Test
	void aMissingVolumeCannotBeUploaded() {
		assertThatExceptionOfType(VolumeBackingMissingException.class)
			.isThrownBy(() -> this.driver.copyVolumeToImage(VOLUME, this.directory.resolve("upload"), "raw"));
	}

	private static byte[] bytes(Path file, long offset, int length) throws IOException {
		try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "r")) {
			byte[] bytes = new byte[length];
			raf.seek(offset);
			raf.readFully(bytes);
			return bytes;
		}
	}

	private static List<String> names(Path directory) {
		try (var entries = Files.list(directory)) {
			return entries.map((path) -> path.getFileName().toString()).toList();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
