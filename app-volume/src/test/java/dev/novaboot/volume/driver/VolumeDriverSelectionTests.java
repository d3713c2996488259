package dev.novaboot.volume.driver;

import java.time.Duration;
import java.util.List;

import dev.novaboot.service.command.CommandRunner;
import dev.novaboot.service.files.OwnerOnlyFiles;
import dev.novaboot.volume.VolumeProperties;
import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code nova.volume.driver} picks exactly one volume driver; {@code file} by default.
 */
class VolumeDriverSelectionTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withUserConfiguration(PropertiesConfiguration.class, VolumeDriverConfiguration.class)
		.withBean(CommandRunner.class, () -> new CommandRunner(List.of(), Duration.ofSeconds(5)))
		.withBean(OwnerOnlyFiles.class, OwnerOnlyFiles::new);

	@Test
	void fileDriverByDefault() {
		this.runner.run((context) -> assertThat(context).hasSingleBean(VolumeDriver.class)
			.getBean(VolumeDriver.class)
			.isInstanceOf(FileVolumeDriver.class));
	}

	@Test
	void eachChoiceGivesItsDriver() {
		this.runner.withPropertyValues("nova.volume.driver=lvm")
			.run((context) -> assertThat(context).getBean(VolumeDriver.class).isInstanceOf(LvmVolumeDriver.class));
		this.runner.withPropertyValues("nova.volume.driver=fake")
			.run((context) -> assertThat(context).getBean(VolumeDriver.class).isInstanceOf(FakeVolumeDriver.class));
		this.runner.withPropertyValues("nova.volume.driver=file")
			.run((context) -> assertThat(context).getBean(VolumeDriver.class).isInstanceOf(FileVolumeDriver.class));
	}


	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties(VolumeProperties.class)
	static class PropertiesConfiguration {

	}

}
