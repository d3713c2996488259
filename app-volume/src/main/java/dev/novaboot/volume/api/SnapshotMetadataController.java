package dev.novaboot.volume.api;

import java.util.Map;

import dev.novaboot.service.context.RequestContext;

import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Cinder's snapshot metadata API, {@code /v3/{project_id}/snapshots/{id}/metadata}
 * ({@code cinder/api/v3/snapshot_metadata.py}, schema {@code schemas/snapshot_metadata.py},
 * whose keys may not hold a slash).
 */
@RestController
@RequestMapping("/v3/{projectId}/snapshots/{id}/metadata")
class SnapshotMetadataController extends MetadataController {

	private final BlockStorageApi api;

	SnapshotMetadataController(BlockStorageApi api) {
		super("Snapshot", "snapshot_metadata", false);
		this.api = api;
	}

	@Override
	Map<String, String> read(RequestContext context, String id) {
		return this.api.snapshotMetadata(context, id);
	}

	@Override
	Map<String, String> write(RequestContext context, String id, Map<String, String> items, boolean replace) {
		return this.api.setSnapshotMetadata(context, id, items, replace);
	}

	@Override
	void remove(RequestContext context, String id, String key) {
		this.api.deleteSnapshotMetadata(context, id, key);
	}

}
