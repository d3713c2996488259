package dev.novaboot.service.config;

import java.io.IOException;
import java.io.UncheckedIOException;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.ResourcePropertySource;

/**
 * Adds the suite-wide defaults ({@code nova-suite.properties}, kept at the top of the
 * repository) as the lowest-precedence property source, so that every app shares them and
 * each app's {@code application.properties}, the command line and the environment can
 * still override any of them. Ordered just before the post-processors that read the
 * resulting settings (such as the embedded database's).
 */
class SuiteDefaultsEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

	static final String LOCATION = "nova-suite.properties";

	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE - 10;
	}

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		ClassPathResource resource = new ClassPathResource(LOCATION, getClass().getClassLoader());
		if (!resource.exists()) {
			return;
		}
		try {
			environment.getPropertySources().addLast(new ResourcePropertySource("novaSuiteDefaults", resource));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read the suite defaults " + LOCATION, ex);
		}
	}

}
