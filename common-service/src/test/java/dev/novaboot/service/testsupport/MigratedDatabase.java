package dev.novaboot.service.testsupport;

import java.util.List;

import javax.sql.DataSource;

import dev.novaboot.service.schema.ModuleMigrations;
import dev.novaboot.service.schema.SchemaModule;

import org.springframework.jdbc.datasource.embedded.EmbeddedDatabaseBuilder;
import org.springframework.jdbc.datasource.embedded.EmbeddedDatabaseType;

/**
 * An in-memory H2 database built by the modules' own Flyway migrations, for
 * {@code @DataJpaTest} slices: the entities are checked against the schema the apps
 * really run on ({@code ddl-auto=validate}), not one Hibernate made up.
 */
public final class MigratedDatabase {

	private MigratedDatabase() {
	}

	/** A fresh database with the tables of {@code modules}, the starter's own first. */
	public static DataSource of(SchemaModule... modules) {
		DataSource dataSource = new EmbeddedDatabaseBuilder().setType(EmbeddedDatabaseType.H2)
			.generateUniqueName(true)
			.build();
		List<SchemaModule> all = new java.util.ArrayList<>();
		all.add(new SchemaModule("service", "classpath:db/migration/service"));
		all.addAll(List.of(modules));
		new ModuleMigrations(dataSource, all).afterPropertiesSet();
		return dataSource;
	}

}
