package dev.novaboot.volume.driver;

import dev.novaboot.service.command.CommandRunner;
import dev.novaboot.service.files.OwnerOnlyFiles;
import dev.novaboot.volume.VolumeProperties;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * One volume driver bean, chosen by {@code nova.volume.driver} ({@code file} when unset).
 */
@Configuration(proxyBeanMethods = false)
public class VolumeDriverConfiguration {

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnProperty(name = "nova.volume.driver", havingValue = "file", matchIfMissing = true)
	static class File {

		@Bean
		FileVolumeDriver fileVolumeDriver(CommandRunner commandRunner, VolumeProperties properties,
				OwnerOnlyFiles ownerOnlyFiles, ObjectProvider<JsonMapper> jsonMapper) {
			return new FileVolumeDriver(commandRunner, properties.file().directory(), ownerOnlyFiles,
					jsonMapper.getIfAvailable(JsonMapper::new), properties.imageConversionTimeout());
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnProperty(name = "nova.volume.driver", havingValue = "lvm")
	static class Lvm {

		@Bean
		LvmVolumeDriver lvmVolumeDriver(CommandRunner commandRunner, VolumeProperties properties,
				ObjectProvider<JsonMapper> jsonMapper) {
			return new LvmVolumeDriver(commandRunner, properties.lvm().volumeGroup(),
					jsonMapper.getIfAvailable(JsonMapper::new), properties.imageConversionTimeout());
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnProperty(name = "nova.volume.driver", havingValue = "fake")
	static class Fake {

		@Bean
		FakeVolumeDriver fakeVolumeDriver(VolumeProperties properties) {
			return new FakeVolumeDriver(properties.fake().totalGb());
		}

	}

}
