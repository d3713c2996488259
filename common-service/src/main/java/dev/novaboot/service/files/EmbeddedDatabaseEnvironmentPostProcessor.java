package dev.novaboot.service.files;

import org.apache.commons.logging.Log;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Prepares the suite's embedded H2 file database before H2 opens it, so that no other
 * user of the machine can read it:
 * <ul>
 * <li>its directory ({@code ./var} by default) is created, or restricted, owner-only, so
 * that the files H2 creates there with the process's umask are out of others' reach from
 * the first moment;</li>
 * <li>with {@code AUTO_SERVER=TRUE}, the TCP server that H2 starts for the other apps
 * listens on loopback only. H2 starts it with {@code -tcpAllowOthers} on every interface
 * unless the system property {@code h2.bindAddress} is set, and reads that property once,
 * when its {@code SysProperties} class loads: hence here, before any connection. An
 * operator's own {@code -Dh2.bindAddress} is kept.</li>
 * </ul>
 * Runs after the suite defaults, which bring the default URL.
 */
class EmbeddedDatabaseEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

	static final String BIND_ADDRESS = "h2.bindAddress";

	static final String LOOPBACK = "127.0.0.1";

	private final Log logger;

	private final OwnerOnlyFiles files = new OwnerOnlyFiles();

	EmbeddedDatabaseEnvironmentPostProcessor(DeferredLogFactory logs) {
		this.logger = logs.getLog(EmbeddedDatabaseEnvironmentPostProcessor.class);
	}

	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE;
	}

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		H2FileDatabase.of(environment.getProperty("spring.datasource.url")).ifPresent((database) -> {
			this.files.directory(database.directory());
			if (database.autoServer() && System.getProperty(BIND_ADDRESS) == null) {
				System.setProperty(BIND_ADDRESS, LOOPBACK);
				this.logger.debug("H2 AUTO_SERVER of " + database.directory().resolve(database.name())
						+ " listens on " + LOOPBACK + " only (" + BIND_ADDRESS + ")");
			}
		});
	}

}
