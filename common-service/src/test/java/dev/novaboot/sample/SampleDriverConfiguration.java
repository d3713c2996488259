package dev.novaboot.sample;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.health.contributor.Health;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * One bean per implementation, the default when the property is absent: the pattern
 * every subsystem follows.
 */
@Configuration(proxyBeanMethods = false)
public class SampleDriverConfiguration {

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnProperty(name = "sample.driver", havingValue = "alpha", matchIfMissing = true)
	static class Alpha {

		@Bean
		SampleDriver alphaDriver() {
			return new NamedDriver("alpha");
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnProperty(name = "sample.driver", havingValue = "beta")
	static class Beta {

		@Bean
		SampleDriver betaDriver() {
			return new NamedDriver("beta");
		}

	}

	record NamedDriver(String name) implements SampleDriver {

		@Override
		public Health health() {
			return Health.up().withDetail("driver", this.name).build();
		}

	}

}
