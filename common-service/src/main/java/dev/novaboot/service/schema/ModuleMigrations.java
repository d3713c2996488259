package dev.novaboot.service.schema;

import java.util.List;

import javax.sql.DataSource;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.flywaydb.core.Flyway;
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

	public ModuleMigrations(DataSource dataSource, List<SchemaModule> modules) {
		this.dataSource = dataSource;
		this.modules = modules;
	}

	@Override
	public void afterPropertiesSet() {
		for (SchemaModule module : this.modules) {
			MigrateResult result = flyway(module).migrate();
			logger.info("Schema module '" + module.name() + "' at version " + result.targetSchemaVersion + " ("
					+ result.migrationsExecuted + " migrations applied now)");
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
