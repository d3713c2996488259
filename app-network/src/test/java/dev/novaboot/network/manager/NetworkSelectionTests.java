package dev.novaboot.network.manager;

import java.time.Duration;
import java.util.List;

import dev.novaboot.network.NetworkApplication;
import dev.novaboot.network.driver.LinuxNetworkDriver;
import dev.novaboot.network.driver.NetworkDriver;
import dev.novaboot.network.driver.NetworkDriverConfiguration;
import dev.novaboot.network.driver.NoopNetworkDriver;
import dev.novaboot.service.command.CommandRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static dev.novaboot.service.testsupport.StartupFailures.assertStartupFails;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code nova.network.manager} picks the strategy (flat by default) and
 * {@code nova.network.driver} the driver (noop by default), independently.
 */
@ExtendWith(OutputCaptureExtension.class)
class NetworkSelectionTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withUserConfiguration(NetworkDriverConfiguration.class, FlatManager.class, FlatDhcpManager.class,
				VlanManager.class)
		.withBean(CommandRunner.class, () -> new CommandRunner(List.of(), Duration.ofSeconds(5)));

	@Test
	void flatManagerAndNoopDriverByDefault() {
		this.runner.run((context) -> {
			assertThat(context).hasSingleBean(NetworkManager.class).getBean(NetworkManager.class).isInstanceOf(FlatManager.class);
			assertThat(context).hasSingleBean(NetworkDriver.class).getBean(NetworkDriver.class).isInstanceOf(NoopNetworkDriver.class);
		});
	}

	@Test
	void eachStrategyIsChosenByItsValue() {
		this.runner.withPropertyValues("nova.network.manager=flat-dhcp")
			.run((context) -> assertThat(context).getBean(NetworkManager.class).isInstanceOf(FlatDhcpManager.class));
		this.runner.withPropertyValues("nova.network.manager=vlan")
			.run((context) -> assertThat(context).getBean(NetworkManager.class).isInstanceOf(VlanManager.class));
	}

	@Test
	void linuxDriverIsChosenIndependentlyOfTheStrategy() {
		this.runner.withPropertyValues("nova.network.manager=vlan", "nova.network.driver=linux").run((context) -> {
			assertThat(context).getBean(NetworkManager.class).isInstanceOf(VlanManager.class);
			assertThat(context).getBean(NetworkDriver.class).isInstanceOf(LinuxNetworkDriver.class);
		});
	}

	@Test
	void bogusStrategyStopsStartUpNamingPropertyValueAndChoices(CapturedOutput output) {
		assertStartupFails(NetworkApplication.class, "--nova.network.manager=cisco");
		assertThat(output).contains("Property 'nova.network.manager' has the value 'cisco', which names no "
				+ "NetworkManager. Valid values: flat, flat-dhcp, vlan.");
	}

	@Test
	void bogusDriverStopsStartUpNamingPropertyValueAndChoices(CapturedOutput output) {
		assertStartupFails(NetworkApplication.class, "--nova.network.driver=bogus");
		assertThat(output).contains(
				"Property 'nova.network.driver' has the value 'bogus', which names no NetworkDriver. Valid values: noop, linux.");
	}

}
