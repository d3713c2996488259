package dev.novaboot.service.schema;

/**
 * The tables one module of the suite owns, and the Flyway migrations that build them.
 * Each module keeps its own history table ({@code flyway_history_<name>}), so that apps
 * sharing one database migrate their own tables without tripping over each other's
 * history, in any order and at the same time.
 *
 * @param name the module, such as {@code service} or {@code volume}
 * @param location where its migrations are, such as {@code classpath:db/migration/volume}
 */
public record SchemaModule(String name, String location) {

	public SchemaModule {
		if (!name.matches("[a-z][a-z0-9_]*")) {
			throw new IllegalArgumentException("Schema module name '" + name + "' must match [a-z][a-z0-9_]*");
		}
	}

	public String historyTable() {
		return "flyway_history_" + this.name;
	}

}
