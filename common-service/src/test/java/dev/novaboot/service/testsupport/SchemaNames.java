package dev.novaboot.service.testsupport;

import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The suite's one naming scheme for what its migrations create, read off a PostgreSQL
 * schema: {@code <table>_pkey} (PostgreSQL's own name for a primary key),
 * {@code ix_<table>_<columns>} for indexes and {@code uq_<table>_<columns>} for unique keys.
 */
public final class SchemaNames {

	private SchemaNames() {
	}

	/** The indexes (unique keys included) of the current schema that break the scheme. */
	public static List<String> offending(JdbcTemplate postgres) {
		return postgres.queryForList("""
				SELECT tablename || '.' || indexname FROM pg_indexes
				WHERE schemaname = current_schema() AND tablename NOT LIKE 'flyway_history_%'
				AND indexname <> tablename || '_pkey'
				AND indexname NOT LIKE 'ix\\_' || tablename || '\\_%'
				AND indexname NOT LIKE 'uq\\_' || tablename || '\\_%'
				ORDER BY 1""", String.class);
	}

}
