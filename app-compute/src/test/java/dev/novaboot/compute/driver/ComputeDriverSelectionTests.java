package dev.novaboot.compute.driver;

import java.time.Duration;
import java.util.List;

import dev.novaboot.compute.ComputeApplication;
import dev.novaboot.compute.ComputeProperties;
import dev.novaboot.service.command.CommandRunner;
import dev.novaboot.service.files.OwnerOnlyFiles;
import dev.novaboot.service.image.ImageProperties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static dev.novaboot.service.testsupport.StartupFailures.assertStartupFails;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code nova.compute.driver} picks exactly one compute driver; {@code fake} by default.
 */
@ExtendWith(OutputCaptureExtension.class)
class ComputeDriverSelectionTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withUserConfiguration(PropertiesConfiguration.class, ComputeDriverConfiguration.class)
		.withBean(CommandRunner.class, () -> new CommandRunner(List.of(), Duration.ofSeconds(5)));

	@Test
	void fakeDriverByDefault() {
		this.runner.run((context) -> assertThat(context).hasSingleBean(ComputeDriver.class)
			.getBean(ComputeDriver.class)
			.isInstanceOf(FakeComputeDriver.class));
	}

	@Test
	void qemuDriverWhenChosen() {
		this.runner.withPropertyValues("nova.compute.driver=qemu")
			.run((context) -> assertThat(context).getBean(ComputeDriver.class).isInstanceOf(QemuComputeDriver.class));
	}

	@Test
	void bogusDriverStopsStartUpNamingPropertyValueAndChoices(CapturedOutput output) {
		assertStartupFails(ComputeApplication.class, "--nova.compute.driver=libvirt");
		assertThat(output).contains(
				"Property 'nova.compute.driver' has the value 'libvirt', which names no ComputeDriver. Valid values: fake, qemu.");
	}

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties({ ComputeProperties.class, ImageProperties.class })
	static class PropertiesConfiguration {

		// the starter's, which the drivers' images read
		@Bean
		OwnerOnlyFiles ownerOnlyFiles() {
			return new OwnerOnlyFiles();
		}

	}

}
