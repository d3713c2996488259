package dev.novaboot.network;

import dev.novaboot.service.driver.UnknownChoiceException;
import org.junit.jupiter.api.Test;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * An unknown strategy or driver stops start-up with a message that names the property,
 * the value and the valid choices, before any bean is made.
 */
class StrategySelectionTests {

	@Test
	void unknownManagerStrategy() {
		assertThatThrownBy(() -> start("--nova.network.manager=cisco"))
			.isInstanceOf(UnknownChoiceException.class)
			.hasMessageContaining("nova.network.manager")
			.hasMessageContaining("'cisco'")
			.hasMessageContaining("flat, flat-dhcp, vlan");
	}

	@Test
	void unknownDriver() {
		assertThatThrownBy(() -> start("--nova.network.driver=cisco"))
			.isInstanceOf(UnknownChoiceException.class)
			.hasMessageContaining("nova.network.driver")
			.hasMessageContaining("noop, linux");
	}

	private static void start(String argument) {
		new SpringApplicationBuilder(NetworkApplication.class).web(WebApplicationType.NONE)
			.run(argument, "--spring.main.banner-mode=off")
			.close();
	}

}
