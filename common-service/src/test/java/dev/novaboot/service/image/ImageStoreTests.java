package dev.novaboot.service.image;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import dev.novaboot.service.files.OwnerOnlyFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The suite's image store: a file per image, ids derived from names, formats from the
 * first bytes, and uploads that appear whole, owner-only, never over another image.
 */
class ImageStoreTests {

	@TempDir
	Path directory;

	@Test
	void everyVisibleRegularFileIsAnImageWithAnIdFromItsName() throws IOException {
		ImageStore store = new ImageStore(this.directory, new OwnerOnlyFiles());
		Files.write(this.directory.resolve("cirros"), new byte[] { 'Q', 'F', 'I', (byte) 0xfb, 0, 0, 0, 3 });
		Files.writeString(this.directory.resolve("plain.img"), "raw bytes");
		Files.writeString(this.directory.resolve(".upload-123"), "half");
		Files.createDirectory(this.directory.resolve("subdirectory"));

		assertThat(store.list()).extracting(StoredImage::name, StoredImage::diskFormat, StoredImage::size)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("cirros", "qcow2", 8L),
					org.assertj.core.groups.Tuple.tuple("plain.img", "raw", 9L));
		assertThat(store.find(ImageStore.idOf("cirros"))).get().extracting(StoredImage::path)
			.isEqualTo(this.directory.resolve("cirros"));
		assertThat(ImageStore.idOf("cirros")).isEqualTo(ImageStore.idOf("cirros"))
			.isNotEqualTo(ImageStore.idOf("cirros2"));
		assertThat(store.findByName("../etc")).isEmpty();
	}

	@Test
	void aMissingDirectoryHasNoImages() {
		assertThat(new ImageStore(this.directory.resolve("none"), new OwnerOnlyFiles()).list()).isEmpty();
	}

	@Test
	void anUploadIsHiddenUntilPublishedAndThenOwnerOnly() throws IOException {
		ImageStore store = new ImageStore(this.directory.resolve("images"), new OwnerOnlyFiles());

		Path upload = store.newUpload();
		Files.writeString(upload, "disk");
		assertThat(store.list()).isEmpty();
		StoredImage image = store.publish(upload, "from-volume");

		assertThat(store.list()).containsExactly(image);
		assertThat(image.id()).isEqualTo(ImageStore.idOf("from-volume"));
		assertThat(Files.exists(upload)).isFalse();
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(image.path()))).isEqualTo("rw-------");
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(store.directory())))
			.isEqualTo("rwx------");
	}

	@Test
	void anUploadNeverReplacesAnImageOfItsName() throws IOException {
		ImageStore store = new ImageStore(this.directory, new OwnerOnlyFiles());
		Files.writeString(this.directory.resolve("taken"), "first");
		Path upload = store.newUpload();
		Files.writeString(upload, "second");

		assertThatExceptionOfType(ImageExistsException.class).isThrownBy(() -> store.publish(upload, "taken"))
			.withMessage("An image named 'taken' already exists.");
		assertThat(Files.readString(this.directory.resolve("taken"))).isEqualTo("first");
		store.discard(upload);
		assertThat(Files.exists(upload)).isFalse();
	}

	@Test
	void namesArePlainFileNames() {
		assertThat(ImageStore.isValidName("cirros-0.6.2-x86_64-disk")).isTrue();
		assertThat(ImageStore.isValidName("with space")).isTrue();
		assertThat(ImageStore.isValidName("a/b")).isFalse();
		assertThat(ImageStore.isValidName("..")).isFalse();
		assertThat(ImageStore.isValidName(".hidden")).isFalse();
		assertThat(ImageStore.isValidName("")).isFalse();
		assertThat(ImageStore.isValidName("x".repeat(256))).isFalse();
		assertThat(ImageStore.isValidName("tab\there")).isFalse();
	}

}
