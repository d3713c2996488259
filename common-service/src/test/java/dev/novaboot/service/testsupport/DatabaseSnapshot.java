package dev.novaboot.service.testsupport;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Every row of every table of a database as text, to compare before and after something
 * that must change nothing. Tables that services write on their own (heartbeats, capacity
 * reports) are left out by a pattern.
 */
public final class DatabaseSnapshot {

	private DatabaseSnapshot() {
	}

	public static Map<String, List<String>> of(DataSource dataSource, String excludedTables) {
		JdbcTemplate jdbc = new JdbcTemplate(dataSource);
		Pattern excluded = Pattern.compile(excludedTables, Pattern.CASE_INSENSITIVE);
		Map<String, List<String>> tables = new TreeMap<>();
		for (String table : jdbc.queryForList("SELECT table_name FROM information_schema.tables "
				+ "WHERE LOWER(table_schema) = 'public' AND table_type IN ('TABLE', 'BASE TABLE')", String.class)) {
			if (excluded.matcher(table).matches()) {
				continue;
			}
			List<String> rows = new ArrayList<>();
			for (Map<String, Object> row : jdbc.queryForList("SELECT * FROM \"" + table + "\"")) {
				rows.add(new TreeMap<>(row).toString());
			}
			rows.sort(null);
			tables.put(table.toLowerCase(), rows);
		}
		return tables;
	}

}
