package dev.novaboot.volume.store;

import java.util.List;
import java.util.Locale;

import javax.sql.DataSource;

import dev.novaboot.service.testsupport.EmbeddedPostgresConfiguration;
import dev.novaboot.service.testsupport.SchemaNames;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.embedded.EmbeddedDatabase;
import org.springframework.jdbc.datasource.embedded.EmbeddedDatabaseBuilder;
import org.springframework.jdbc.datasource.embedded.EmbeddedDatabaseType;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code volume} schema module's V2 on a database that already ran V1 with volumes and
 * snapshots in it, as an existing installation has: the boolean {@code deleted} becomes
 * Nova's {@code deleted BIGINT} (0 for live rows, 1 for deleted ones, {@code deleted_at}
 * kept) and the indexes take the suite's names, on H2 and on PostgreSQL alike.
 */
class VolumeSchemaMigrationTests {

	private static final String LOCATION = "classpath:db/migration/volume";

	@Test
	void onH2DeletedRowsBecomeOneLiveRowsZeroAndTheIndexesAreRenamed() {
		EmbeddedDatabase h2 = new EmbeddedDatabaseBuilder().setType(EmbeddedDatabaseType.H2)
			.generateUniqueName(true)
			.build();
		try {
			migrateAnExistingInstallation(h2);
			assertThat(indexes(h2, "SELECT index_name FROM information_schema.indexes WHERE table_name = ?", "VOLUMES"))
				.contains("ix_volumes_project_id_deleted_created_at_id", "ix_volumes_deleted_created_at_id",
						"ix_volumes_host_deleted")
				.doesNotContain("volumes_project_idx", "volumes_host_idx");
			assertThat(indexes(h2, "SELECT index_name FROM information_schema.indexes WHERE table_name = ?", "SNAPSHOTS"))
				.contains("ix_snapshots_project_id_deleted", "ix_snapshots_volume_id_deleted", "ix_snapshots_host_deleted")
				.doesNotContain("snapshots_project_idx", "snapshots_volume_idx", "snapshots_host_idx");
		}
		finally {
			h2.shutdown();
		}
	}

	@Test
	void onPostgresDeletedRowsBecomeOneLiveRowsZeroAndEveryIndexFollowsTheNamingScheme() throws Exception {
		try (EmbeddedPostgres postgres = EmbeddedPostgresConfiguration.start()) {
			DataSource database = postgres.getPostgresDatabase();
			migrateAnExistingInstallation(database);
			assertThat(indexes(database, "SELECT indexname FROM pg_indexes WHERE tablename = ?", "volumes"))
				.containsExactlyInAnyOrder("volumes_pkey", "ix_volumes_project_id_deleted_created_at_id",
						"ix_volumes_deleted_created_at_id", "ix_volumes_host_deleted", "ix_volumes_volume_type_id_deleted");
			assertThat(indexes(database, "SELECT indexname FROM pg_indexes WHERE tablename = ?", "snapshots"))
				.containsExactlyInAnyOrder("snapshots_pkey", "ix_snapshots_project_id_deleted",
						"ix_snapshots_volume_id_deleted", "ix_snapshots_host_deleted");
			assertThat(SchemaNames.offending(new JdbcTemplate(database))).isEmpty();
		}
	}

	private static void migrateAnExistingInstallation(DataSource database) {
		JdbcTemplate jdbc = new JdbcTemplate(database);
		assertThat(flyway(database, "1").migrate().migrationsExecuted).isEqualTo(1);
		jdbc.update("INSERT INTO volumes (id, project_id, user_id, host, availability_zone, size_gb, status, "
				+ "created_at, deleted) VALUES ('v-live', 'p', 'u', 'h', 'nova', 1, 'available', "
				+ "TIMESTAMP WITH TIME ZONE '2026-01-01 00:00:00+00', FALSE)");
		jdbc.update("INSERT INTO volumes (id, project_id, user_id, host, availability_zone, size_gb, status, "
				+ "created_at, deleted_at, deleted) VALUES ('v-gone', 'p', 'u', 'h', 'nova', 1, 'deleted', "
				+ "TIMESTAMP WITH TIME ZONE '2026-01-01 00:00:00+00', "
				+ "TIMESTAMP WITH TIME ZONE '2026-01-02 00:00:00+00', TRUE)");
		jdbc.update("INSERT INTO snapshots (id, project_id, user_id, volume_id, host, size_gb, status, created_at, "
				+ "deleted) VALUES ('s-live', 'p', 'u', 'v-live', 'h', 1, 'available', "
				+ "TIMESTAMP WITH TIME ZONE '2026-01-01 00:00:00+00', FALSE)");
		jdbc.update("INSERT INTO snapshots (id, project_id, user_id, volume_id, host, size_gb, status, created_at, "
				+ "deleted_at, deleted) VALUES ('s-gone', 'p', 'u', 'v-live', 'h', 1, 'deleted', "
				+ "TIMESTAMP WITH TIME ZONE '2026-01-01 00:00:00+00', "
				+ "TIMESTAMP WITH TIME ZONE '2026-01-02 00:00:00+00', TRUE)");

		flyway(database, "latest").migrate();

		for (String table : List.of("volumes", "snapshots")) {
			assertThat(jdbc.queryForObject("SELECT data_type FROM information_schema.columns "
					+ "WHERE LOWER(table_name) = ? AND LOWER(column_name) = 'deleted'", String.class, table))
				.isEqualToIgnoringCase("bigint");
			assertThat(jdbc.queryForList("SELECT id FROM " + table + " WHERE deleted = 0", String.class))
				.containsExactly(table.charAt(0) + "-live");
			assertThat(jdbc.queryForList("SELECT id FROM " + table + " WHERE deleted = 1", String.class))
				.containsExactly(table.charAt(0) + "-gone");
			assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM " + table + " WHERE deleted_at IS NOT NULL",
					Integer.class))
				.isOne();
		}
		// a row written without it is live: the column keeps its default
		jdbc.update("INSERT INTO volumes (id, project_id, user_id, availability_zone, size_gb, status, created_at) "
				+ "VALUES ('v-new', 'p', 'u', 'nova', 1, 'creating', CURRENT_TIMESTAMP)");
		assertThat(jdbc.queryForObject("SELECT deleted FROM volumes WHERE id = 'v-new'", Long.class)).isZero();
	}

	private static Flyway flyway(DataSource database, String target) {
		// as ModuleMigrations configures the module, stopped at the given version
		return Flyway.configure()
			.dataSource(database)
			.locations(LOCATION)
			.table("flyway_history_volume")
			.baselineOnMigrate(true)
			.baselineVersion("0")
			.target(target)
			.load();
	}

	private static List<String> indexes(DataSource database, String query, String table) {
		return new JdbcTemplate(database).queryForList(query, String.class, table)
			.stream()
			.map((name) -> name.toLowerCase(Locale.ROOT))
			.toList();
	}

}
