package dev.novaboot.volume;

import dev.novaboot.service.driver.UnknownChoiceException;
import org.junit.jupiter.api.Test;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * An unknown {@code nova.volume.driver} stops start-up, before any bean is made, with a
 * message that names the property, the value and the choices.
 */
class VolumeDriverChoiceTests {

	@Test
	void anUnknownDriverStopsStartUpClearly() {
		assertThatThrownBy(() -> new SpringApplicationBuilder(VolumeApplication.class)
			.web(WebApplicationType.NONE)
			// command-line arguments: they outrank the tests' application.properties, which choose fake
			.run("--nova.volume.driver=nfs", "--spring.datasource.url=jdbc:h2:mem:volume-choice;DB_CLOSE_DELAY=-1",
					"--nova.host=volume-choice-host")
			.close()).isInstanceOf(UnknownChoiceException.class)
			.hasMessageContaining("nova.volume.driver")
			.hasMessageContaining("nfs")
			.hasMessageContaining("file")
			.hasMessageContaining("lvm")
			.hasMessageContaining("fake");
	}

}
