package dev.novaboot.volume.api;

import java.util.Map;

import dev.novaboot.service.context.RequestContext;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Cinder's snapshot metadata API, {@code /v3/{project_id}/snapshots/{id}/metadata}
 * ({@code cinder/api/v3/snapshot_metadata.py}, schema {@code schemas/snapshot_metadata.py},
 * whose keys may not hold a slash):
 * every answer is {@code 200}; {@code POST} merges, {@code PUT} replaces, one key is
 * {@code {"meta": {key: value}}}.
 */
@RestController
@RequestMapping("/v3/{projectId}/snapshots/{snapshotId}/metadata")
class SnapshotMetadataController {

	private final BlockStorageApi api;

	SnapshotMetadataController(BlockStorageApi api) {
		this.api = api;
	}

	@GetMapping
	Map<String, Map<String, String>> index(RequestContext context, @PathVariable String projectId,
			@PathVariable String snapshotId) {
		ProjectScope.check(context, projectId);
		return Map.of("metadata", this.api.snapshotMetadata(context, RequestBodies.pathId("Snapshot", snapshotId)));
	}

	@PostMapping
	Map<String, Map<String, String>> create(RequestContext context, @PathVariable String projectId,
			@PathVariable String snapshotId, @RequestBody Map<String, Object> body) {
		ProjectScope.checkWrite(context, projectId, "volume:create_snapshot_metadata");
		return Map.of("metadata", this.api.setSnapshotMetadata(context, RequestBodies.pathId("Snapshot", snapshotId),
				MetadataBodies.all(body, false), false));
	}

	@PutMapping
	Map<String, Map<String, String>> replace(RequestContext context, @PathVariable String projectId,
			@PathVariable String snapshotId, @RequestBody Map<String, Object> body) {
		ProjectScope.checkWrite(context, projectId, "volume:update_snapshot_metadata");
		return Map.of("metadata", this.api.setSnapshotMetadata(context, RequestBodies.pathId("Snapshot", snapshotId),
				MetadataBodies.all(body, false), true));
	}

	@GetMapping("/{key}")
	Map<String, Map<String, String>> show(RequestContext context, @PathVariable String projectId,
			@PathVariable String snapshotId, @PathVariable String key) {
		ProjectScope.check(context, projectId);
		Map<String, String> metadata = this.api.snapshotMetadata(context, RequestBodies.pathId("Snapshot", snapshotId));
		if (!metadata.containsKey(key)) {
			throw MetadataBodies.noKey("Snapshot", snapshotId, key);
		}
		return Map.of("meta", Map.of(key, metadata.get(key)));
	}

	@PutMapping("/{key}")
	Map<String, Map<String, String>> update(RequestContext context, @PathVariable String projectId,
			@PathVariable String snapshotId, @PathVariable String key, @RequestBody Map<String, Object> body) {
		ProjectScope.checkWrite(context, projectId, "volume:update_snapshot_metadata");
		Map<String, String> item = MetadataBodies.one(body, key, false);
		this.api.setSnapshotMetadata(context, RequestBodies.pathId("Snapshot", snapshotId), item, false);
		return Map.of("meta", item);
	}

	@DeleteMapping("/{key}")
	ResponseEntity<Void> delete(RequestContext context, @PathVariable String projectId, @PathVariable String snapshotId,
			@PathVariable String key) {
		ProjectScope.checkWrite(context, projectId, "volume:delete_snapshot_metadata");
		this.api.deleteSnapshotMetadata(context, RequestBodies.pathId("Snapshot", snapshotId), key);
		return ResponseEntity.ok().build();
	}

}
