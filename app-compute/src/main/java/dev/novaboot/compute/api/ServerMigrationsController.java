package dev.novaboot.compute.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import dev.novaboot.compute.store.MigrationRecord;
import dev.novaboot.service.api.BadRequestException;
import dev.novaboot.service.api.Microversion;
import dev.novaboot.service.context.RequestContext;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /v2.1/servers/{id}/migrations} (Nova's {@code server_migrations}, admin): the
 * server's live migrations under way (2.23), one of them (2.23), its abort
 * ({@code DELETE}, 2.24) and force-complete ({@code POST .../action}, 2.22), as Nova
 * shows them up to 2.58 (no {@code uuid}). The progress counters are {@code null}: the
 * drivers here report none, as Nova's non-libvirt drivers.
 */
@RestController
@RequestMapping("/v2.1/servers/{serverId}/migrations")
class ServerMigrationsController {

	private final ServerLiveMigrations migrations;

	ServerMigrationsController(ServerLiveMigrations migrations) {
		this.migrations = migrations;
	}

	@GetMapping
	Map<String, Object> list(RequestContext context, @PathVariable String serverId, Microversion version) {
		List<Map<String, Object>> shown = this.migrations.inProgress(context, serverId, version)
			.stream()
			.map(ServerMigrationsController::view)
			.toList();
		return Map.of("migrations", shown);
	}

	@GetMapping("/{migrationId}")
	Map<String, Object> show(RequestContext context, @PathVariable String serverId, @PathVariable String migrationId,
			Microversion version) {
		return Map.of("migration", view(this.migrations.inProgress(context, serverId, migrationId, version)));
	}

	@DeleteMapping("/{migrationId}")
	ResponseEntity<Void> abort(RequestContext context, @PathVariable String serverId, @PathVariable String migrationId,
			Microversion version) {
		this.migrations.abort(context, serverId, migrationId, version);
		return ResponseEntity.accepted().build();
	}

	/** Nova's schema: exactly {@code {"force_complete": null}}. */
	@PostMapping("/{migrationId}/action")
	ResponseEntity<Void> action(RequestContext context, @PathVariable String serverId, @PathVariable String migrationId,
			@RequestBody Map<String, Object> body, Microversion version) {
		for (String field : new TreeSet<>(body.keySet())) {
			if (!"force_complete".equals(field)) {
				throw new BadRequestException(
						"Additional properties are not allowed ('" + field + "' was unexpected)");
			}
		}
		if (!body.containsKey("force_complete")) {
			throw new BadRequestException("'force_complete' is a required property");
		}
		if (body.get("force_complete") != null) {
			throw new BadRequestException("Invalid input for field/attribute force_complete. Value: "
					+ ServerRequests.shown(String.valueOf(body.get("force_complete"))) + ". It is not of type 'null'.");
		}
		this.migrations.forceComplete(context, serverId, migrationId, version);
		return ResponseEntity.accepted().build();
	}

	static Map<String, Object> view(MigrationRecord migration) {
		Map<String, Object> view = new LinkedHashMap<>();
		view.put("created_at", NovaTime.microseconds(migration.getCreatedAt()));
		view.put("dest_compute", migration.getDestCompute());
		view.put("dest_host", null);
		view.put("dest_node", migration.getDestCompute());
		view.put("disk_processed_bytes", null);
		view.put("disk_remaining_bytes", null);
		view.put("disk_total_bytes", null);
		view.put("id", migration.getId());
		view.put("memory_processed_bytes", null);
		view.put("memory_remaining_bytes", null);
		view.put("memory_total_bytes", null);
		view.put("server_uuid", migration.getInstanceUuid());
		view.put("source_compute", migration.getSourceCompute());
		view.put("source_node", migration.getSourceCompute());
		view.put("status", migration.getStatus());
		view.put("updated_at",
				(migration.getUpdatedAt() != null) ? NovaTime.microseconds(migration.getUpdatedAt()) : null);
		return view;
	}

}
