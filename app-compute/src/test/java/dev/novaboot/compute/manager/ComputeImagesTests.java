package dev.novaboot.compute.manager;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import dev.novaboot.service.files.OwnerOnlyFiles;
import dev.novaboot.service.image.ImageStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The images compute hosts boot: the suite's image store for the {@code qemu} driver,
 * and for the {@code fake} driver its configured names plus the store's images (such as
 * volumes uploaded as images), with the ids nova-volume tells for them.
 */
class ComputeImagesTests {

	static final Instant SINCE = Instant.parse("2026-01-01T00:00:00Z");

	@TempDir
	Path directory;

	@Test
	void theFakeDriverBootsItsConfiguredImagesAndTheStoredOnes() throws IOException {
		ImageStore store = new ImageStore(this.directory, new OwnerOnlyFiles());
		ConfiguredImages images = new ConfiguredImages(List.of("cirros", "fedora"), SINCE, store);
		assertThat(images.list()).extracting(Image::name).containsExactly("cirros", "fedora");

		Files.writeString(this.directory.resolve("uploaded-volume"), "disk");
		Files.writeString(this.directory.resolve("fedora"), "a real fedora");

		assertThat(images.list()).extracting(Image::name).containsExactly("cirros", "fedora", "uploaded-volume");
		assertThat(images.find(ImageStore.idOf("uploaded-volume"))).get()
			.extracting(Image::path)
			.isEqualTo(this.directory.resolve("uploaded-volume"));
		// a stored image of a configured name is the stored one
		assertThat(images.find(ComputeImages.idOf("fedora"))).get().extracting(Image::size).isEqualTo(13L);
	}

	@Test
	void theQemuDriverBootsTheStoredImagesWithTheIdsNovaVolumeTells() throws IOException {
		Files.writeString(this.directory.resolve("web"), "disk");

		List<Image> images = new DirectoryImages(new ImageStore(this.directory, new OwnerOnlyFiles())).list();

		assertThat(images).singleElement().satisfies((image) -> {
			assertThat(image.id()).isEqualTo(ComputeImages.idOf("web")).isEqualTo(ImageStore.idOf("web"));
			assertThat(image.diskFormat()).isEqualTo("raw");
		});
	}

}
