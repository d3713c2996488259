package dev.novaboot.compute.driver;

import java.nio.file.Path;
import java.util.Map;

import dev.novaboot.compute.ComputeProperties;
import dev.novaboot.service.files.OwnerOnlyFiles;
import dev.novaboot.service.image.ImageProperties;
import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * nova-compute's image store is the suite's, {@code nova.image.directory}, unless the
 * older {@code nova.compute.qemu.image-directory} is set, which still names it.
 */
class ImageStoreDirectoryTests {

	@Test
	void theSuitesDirectoryByDefault() {
		assertThat(directoryOf(Map.of("nova.image.directory", "/srv/images"))).isEqualTo(Path.of("/srv/images"));
		assertThat(directoryOf(Map.of())).isEqualTo(Path.of("var/images").toAbsolutePath());
	}

	@Test
	void theOlderQemuPropertyStillNamesIt() {
		assertThat(directoryOf(Map.of("nova.image.directory", "/srv/images", "nova.compute.qemu.image-directory",
				"/var/lib/nova/images")))
			.isEqualTo(Path.of("/var/lib/nova/images"));
	}

	private static Path directoryOf(Map<String, String> properties) {
		Binder binder = new Binder(new MapConfigurationPropertySource(properties));
		return new ComputeDriverConfiguration()
			.imageStore(binder.bindOrCreate("nova.compute", ComputeProperties.class),
					binder.bindOrCreate("nova.image", ImageProperties.class), new OwnerOnlyFiles())
			.directory();
	}

}
