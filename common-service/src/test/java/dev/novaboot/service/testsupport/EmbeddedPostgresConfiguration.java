package dev.novaboot.service.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistrar;

/**
 * A real PostgreSQL server (the zonky embedded binaries, nothing installed) for the
 * Spring context that imports this configuration. It is a bean so that it stops after
 * the context, once Hikari and the heartbeat have let go of it.
 */
@TestConfiguration(proxyBeanMethods = false)
public class EmbeddedPostgresConfiguration {

	@Bean(destroyMethod = "close")
	EmbeddedPostgres embeddedPostgres() {
		return start();
	}

	@Bean
	DynamicPropertyRegistrar embeddedPostgresProperties(EmbeddedPostgres postgres) {
		return (registry) -> {
			registry.add("spring.datasource.url", () -> postgres.getJdbcUrl("postgres", "postgres"));
			registry.add("spring.datasource.username", () -> "postgres");
			registry.add("spring.datasource.password", () -> "");
		};
	}

	/** Starts a fresh server on a free port; the caller closes it. */
	public static EmbeddedPostgres start() {
		try {
			return EmbeddedPostgres.builder().start();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot start the embedded PostgreSQL", ex);
		}
	}

}
