package dev.novaboot.compute.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.novaboot.compute.store.MigrationRecord;
import dev.novaboot.service.api.Microversion;
import dev.novaboot.service.context.RequestContext;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /v2.1/os-migrations} (admin): the migrations of servers between hosts, newest
 * first, as Nova's migrations view shows them up to 2.53 (the newest microversion served):
 * {@code migration_type} from 2.23. Filters {@code instance_uuid}, {@code status},
 * {@code migration_type} and {@code host} (source or destination); other query
 * parameters are ignored, as Nova's schema before 2.59 allows them. 2.59's paging and
 * {@code uuid}, 2.80's {@code user_id} and {@code project_id} come with those versions.
 */
@RestController
class MigrationsController {

	private final ServerMigrations migrations;

	MigrationsController(ServerMigrations migrations) {
		this.migrations = migrations;
	}

	@GetMapping("/v2.1/os-migrations")
	Map<String, Object> list(RequestContext context, Microversion version,
			@RequestParam(name = "instance_uuid", required = false) String instanceUuid,
			@RequestParam(required = false) String status,
			@RequestParam(name = "migration_type", required = false) String migrationType,
			@RequestParam(required = false) String host) {
		ServerMigrations.MigrationFilters filters = new ServerMigrations.MigrationFilters(instanceUuid, status,
				migrationType, host);
		List<Map<String, Object>> shown = this.migrations.list(context, filters)
			.stream()
			.map((migration) -> view(migration, version))
			.toList();
		return Map.of("migrations", shown);
	}

	static Map<String, Object> view(MigrationRecord migration, Microversion version) {
		Map<String, Object> view = new LinkedHashMap<>();
		view.put("id", migration.getId());
		view.put("source_node", migration.getSourceCompute());
		view.put("dest_node", migration.getDestCompute());
		view.put("source_compute", migration.getSourceCompute());
		view.put("dest_compute", migration.getDestCompute());
		view.put("dest_host", null);
		view.put("status", migration.getStatus());
		view.put("instance_uuid", migration.getInstanceUuid());
		view.put("old_instance_type_id", flavorId(migration.getOldFlavorId()));
		view.put("new_instance_type_id", flavorId(migration.getNewFlavorId()));
		view.put("created_at", NovaTime.microseconds(migration.getCreatedAt()));
		view.put("updated_at",
				(migration.getUpdatedAt() != null) ? NovaTime.microseconds(migration.getUpdatedAt()) : null);
		if (version.isAtLeast(2, 23)) {
			view.put("migration_type", migration.getMigrationType());
		}
		return view;
	}

	// Nova shows the flavor's integer id; a flavor id that is not a number is shown as it is
	private static Object flavorId(String flavorId) {
		if (flavorId == null) {
			return null;
		}
		try {
			return Integer.parseInt(flavorId);
		}
		catch (NumberFormatException ex) {
			return flavorId;
		}
	}

}
