package dev.novaboot.service.schema;

import java.util.Set;

import org.springframework.boot.sql.init.dependency.AbstractBeansOfTypeDatabaseInitializerDetector;

/**
 * Tells Spring Boot that {@link ModuleMigrations} initializes the database, so that JPA,
 * JDBC templates and everything else that depends on database initialization wait for it.
 */
class ModuleMigrationsDetector extends AbstractBeansOfTypeDatabaseInitializerDetector {

	@Override
	protected Set<Class<?>> getDatabaseInitializerBeanTypes() {
		return Set.of(ModuleMigrations.class);
	}

}
