package dev.novaboot.compute.driver;

import dev.novaboot.compute.ComputeProperties;
import dev.novaboot.service.command.CommandRunner;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * One compute driver bean, chosen by {@code nova.compute.driver} ({@code fake} when unset).
 */
@Configuration(proxyBeanMethods = false)
public class ComputeDriverConfiguration {

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnProperty(name = "nova.compute.driver", havingValue = "fake", matchIfMissing = true)
	static class Fake {

		@Bean
		FakeComputeDriver fakeComputeDriver() {
			return new FakeComputeDriver();
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnProperty(name = "nova.compute.driver", havingValue = "qemu")
	static class Qemu {

		@Bean
		QemuComputeDriver qemuComputeDriver(CommandRunner commandRunner, ComputeProperties properties) {
			return new QemuComputeDriver(commandRunner, properties.qemu().binary());
		}

	}

}
