package dev.novaboot.service.schema;

import java.util.List;

import javax.sql.DataSource;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.output.MigrateResult;

import org.springframework.beans.factory.InitializingBean;

/**
 * Migrates the schema of every {@link SchemaModule} of this app, in order, before JPA
 * starts. A module whose tables another app already created is found up to date; a
 * module migrating into a schema that already holds other modules' tables is baselined
 * at version 0 so that its own V1 still runs.
 */
public class ModuleMigrations implements InitializingBean {

	private static final Log logger = LogFactory.getLog(ModuleMigrations.class);

	private final DataSource dataSource;

	private final List<SchemaModule> modules;

	private final MigrationLock lock;

	public ModuleMigrations(DataSource dataSource, List<SchemaModule> modules) {
		this(dataSource, modules, MigrationLock.NONE);
	}

	/** @param lock held while this app migrates, so that apps sharing the database take turns where it needs them to */
	public ModuleMigrations(DataSource dataSource, List<SchemaModule> modules, MigrationLock lock) {
		this.dataSource = dataSource;
		this.modules = modules;
		this.lock = lock;
	}

	/** How often a module's migration is retried after losing a race to another app. */
	static final int ATTEMPTS = 5;

	@Override
	public void afterPropertiesSet() {
		this.lock.during(() -> {
			for (SchemaModule module : this.modules) {
				MigrateResult result = migrate(module);
				String version = (result.targetSchemaVersion != null) ? result.targetSchemaVersion
						: result.initialSchemaVersion;
				logger.info("Schema module '" + module.name() + "' at version " + version + " ("
						+ result.migrationsExecuted + " migrations applied now)");
			}
			return null;
		});
	}

	private MigrateResult migrate(SchemaModule module) {
		for (int attempt = 1;; attempt++) {
			try {
				return flyway(module).migrate();
			}
			catch (FlywayException ex) {
				// Two apps that start together can both find no history table for a module; the
				// one that loses the race to create it fails before changing anything, and finds
				// the winner's history (and its lock) when it tries again.
				if (attempt == ATTEMPTS) {
					throw ex;
				}
				logger.info("Schema module '" + module.name() + "' is being migrated by another service; retrying ("
						+ ex.getMessage().lines().findFirst().orElse("") + ")");
				pause(attempt);
			}
		}
	}

	private static void pause(int attempt) {
		try {
			Thread.sleep(200L * attempt);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while waiting to migrate", ex);
		}
	}

	private Flyway flyway(SchemaModule module) {
		return Flyway.configure(getClass().getClassLoader())
			.dataSource(this.dataSource)
			.locations(module.location())
			.table(module.historyTable())
			.baselineOnMigrate(true)
			.baselineVersion("0")
			.load();
	}

	public List<SchemaModule> modules() {
		return this.modules;
	}

}
