package dev.novaboot.volume.api;

import java.util.Map;

import dev.novaboot.service.context.RequestContext;

import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Cinder's volume metadata API, {@code /v3/{project_id}/volumes/{id}/metadata}
 * ({@code cinder/api/v3/volume_metadata.py}, schema {@code schemas/volume_metadata.py}).
 */
@RestController
@RequestMapping("/v3/{projectId}/volumes/{id}/metadata")
class VolumeMetadataController extends MetadataController {

	private final BlockStorageApi api;

	VolumeMetadataController(BlockStorageApi api) {
		super("Volume", "volume_metadata", true);
		this.api = api;
	}

	@Override
	Map<String, String> read(RequestContext context, String id) {
		return this.api.metadata(context, id);
	}

	@Override
	Map<String, String> write(RequestContext context, String id, Map<String, String> items, boolean replace) {
		return this.api.setMetadata(context, id, items, replace);
	}

	@Override
	void remove(RequestContext context, String id, String key) {
		this.api.deleteMetadata(context, id, key);
	}

}
