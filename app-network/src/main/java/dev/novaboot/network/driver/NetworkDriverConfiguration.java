package dev.novaboot.network.driver;

import dev.novaboot.network.NetworkProperties;
import dev.novaboot.service.command.CommandRunner;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * One network driver bean, chosen by {@code nova.network.driver} ({@code noop} when unset).
 */
@Configuration(proxyBeanMethods = false)
public class NetworkDriverConfiguration {

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnProperty(name = "nova.network.driver", havingValue = "noop", matchIfMissing = true)
	static class Noop {

		@Bean
		NoopNetworkDriver noopNetworkDriver() {
			return new NoopNetworkDriver();
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnProperty(name = "nova.network.driver", havingValue = "linux")
	static class Linux {

		@Bean
		LinuxNetworkDriver linuxNetworkDriver(CommandRunner commandRunner, NetworkProperties properties) {
			HostCommands commands = new HostCommands(commandRunner, properties.namespace());
			return new LinuxNetworkDriver(commands, properties.publicInterface(),
					new Dnsmasq(commands, properties.stateDirectory()));
		}

	}

}
