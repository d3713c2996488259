package dev.novaboot.compute.driver;

import java.nio.file.Path;
import java.time.Instant;

import dev.novaboot.compute.ComputeProperties;
import dev.novaboot.compute.manager.ComputeImages;
import dev.novaboot.compute.manager.ConfiguredImages;
import dev.novaboot.compute.manager.DirectoryImages;
import dev.novaboot.service.command.CommandRunner;
import dev.novaboot.service.files.OwnerOnlyFiles;
import dev.novaboot.service.image.ImageProperties;
import dev.novaboot.service.image.ImageStore;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * One compute driver bean, chosen by {@code nova.compute.driver} ({@code fake} when unset),
 * with the images that driver can boot.
 */
@Configuration(proxyBeanMethods = false)
public class ComputeDriverConfiguration {

	/**
	 * The suite's image store, {@code nova.image.directory}; the older
	 * {@code nova.compute.qemu.image-directory}, when set, still names it for this app.
	 */
	@Bean
	ImageStore imageStore(ComputeProperties properties, ImageProperties images, OwnerOnlyFiles ownerOnlyFiles) {
		Path olderDirectory = properties.qemu().imageDirectory();
		return new ImageStore((olderDirectory != null) ? olderDirectory : images.directory(), ownerOnlyFiles);
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnProperty(name = "nova.compute.driver", havingValue = "fake", matchIfMissing = true)
	static class Fake {

		@Bean
		FakeComputeDriver fakeComputeDriver(ComputeProperties properties) {
			ComputeProperties.Fake fake = properties.fake();
			return new FakeComputeDriver(fake.vcpus(), fake.memoryMb(), fake.localGb(), fake.spawnDelay());
		}

		@Bean
		ComputeImages computeImages(ComputeProperties properties, ImageStore imageStore) {
			return new ConfiguredImages(properties.fake().images(), Instant.parse("2026-01-01T00:00:00Z"), imageStore);
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnProperty(name = "nova.compute.driver", havingValue = "qemu")
	static class Qemu {

		@Bean
		QemuComputeDriver qemuComputeDriver(CommandRunner commandRunner, ObjectProvider<JsonMapper> jsonMapper,
				ComputeProperties properties) {
			return new QemuComputeDriver(commandRunner, jsonMapper.getIfAvailable(JsonMapper::new), properties.qemu());
		}

		@Bean
		ComputeImages computeImages(ImageStore imageStore) {
			return new DirectoryImages(imageStore);
		}

	}

}
