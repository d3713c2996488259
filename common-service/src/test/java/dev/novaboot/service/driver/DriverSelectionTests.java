package dev.novaboot.service.driver;

import dev.novaboot.sample.SampleDriver;
import dev.novaboot.sample.SampleDriverConfiguration;
import dev.novaboot.sample.SampleServiceApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.boot.autoconfigure.AutoConfigurationPackages;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static dev.novaboot.service.testsupport.StartupFailures.assertStartupFails;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The driver-selection pattern: one bean per implementation chosen by a property, a
 * default when it is absent, and a clear start-up failure for a value naming none.
 */
@ExtendWith(OutputCaptureExtension.class)
class DriverSelectionTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withInitializer((context) -> AutoConfigurationPackages.register((BeanDefinitionRegistry) context.getBeanFactory(),
				SampleDriver.class.getPackageName()))
		.withBean(SelectedByValidator.class)
		.withUserConfiguration(SampleDriverConfiguration.class);

	@Test
	void defaultImplementationWhenThePropertyIsAbsent() {
		this.runner.run((context) -> assertThat(context).getBean(SampleDriver.class)
			.extracting(SampleDriver::name)
			.isEqualTo("alpha"));
	}

	@Test
	void propertyChoosesTheImplementation() {
		this.runner.withPropertyValues("sample.driver=beta")
			.run((context) -> assertThat(context).hasSingleBean(SampleDriver.class)
				.getBean(SampleDriver.class)
				.extracting(SampleDriver::name)
				.isEqualTo("beta"));
	}

	@Test
	void choiceIgnoresCaseAsConditionalOnPropertyDoes() {
		this.runner.withPropertyValues("sample.driver=BETA")
			.run((context) -> assertThat(context).getBean(SampleDriver.class)
				.extracting(SampleDriver::name)
				.isEqualTo("beta"));
	}

	@Test
	void unknownValueFailsBeforeAnyBeanIsCreated() {
		this.runner.withPropertyValues("sample.driver=bogus").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).isInstanceOf(UnknownChoiceException.class)
				.hasMessage("Property 'sample.driver' has the value 'bogus', which names no SampleDriver. "
						+ "Valid values: alpha, beta.");
		});
	}

	@Test
	void operatorSeesPropertyValueAndValidChoicesInsteadOfAStackTrace(CapturedOutput output) {
		assertStartupFails(SampleServiceApplication.class, "--sample.driver=bogus");
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("Property 'sample.driver' has the value 'bogus', which names no SampleDriver. Valid values: alpha, beta.")
			.contains("Set sample.driver to one of: alpha, beta (or remove it to get the default).")
			.doesNotContain("NoSuchBeanDefinitionException");
	}

}
