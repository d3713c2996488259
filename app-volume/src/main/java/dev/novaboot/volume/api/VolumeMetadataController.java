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
 * Cinder's volume metadata API, {@code /v3/{project_id}/volumes/{id}/metadata}
 * ({@code cinder/api/v3/volume_metadata.py}, schema {@code schemas/volume_metadata.py}):
 * every answer is {@code 200}; {@code POST} merges, {@code PUT} replaces, one key is
 * {@code {"meta": {key: value}}}.
 */
@RestController
@RequestMapping("/v3/{projectId}/volumes/{volumeId}/metadata")
class VolumeMetadataController {

	private final BlockStorageApi api;

	VolumeMetadataController(BlockStorageApi api) {
		this.api = api;
	}

	@GetMapping
	Map<String, Map<String, String>> index(RequestContext context, @PathVariable String projectId,
			@PathVariable String volumeId) {
		ProjectScope.check(context, projectId);
		return Map.of("metadata", this.api.metadata(context, RequestBodies.pathId("Volume", volumeId)));
	}

	@PostMapping
	Map<String, Map<String, String>> create(RequestContext context, @PathVariable String projectId,
			@PathVariable String volumeId, @RequestBody Map<String, Object> body) {
		ProjectScope.checkWrite(context, projectId, "volume:create_volume_metadata");
		return Map.of("metadata", this.api.setMetadata(context, RequestBodies.pathId("Volume", volumeId),
				MetadataBodies.all(body, true), false));
	}

	@PutMapping
	Map<String, Map<String, String>> replace(RequestContext context, @PathVariable String projectId,
			@PathVariable String volumeId, @RequestBody Map<String, Object> body) {
		ProjectScope.checkWrite(context, projectId, "volume:update_volume_metadata");
		return Map.of("metadata", this.api.setMetadata(context, RequestBodies.pathId("Volume", volumeId),
				MetadataBodies.all(body, true), true));
	}

	@GetMapping("/{key}")
	Map<String, Map<String, String>> show(RequestContext context, @PathVariable String projectId,
			@PathVariable String volumeId, @PathVariable String key) {
		ProjectScope.check(context, projectId);
		Map<String, String> metadata = this.api.metadata(context, RequestBodies.pathId("Volume", volumeId));
		if (!metadata.containsKey(key)) {
			throw MetadataBodies.noKey("Volume", volumeId, key);
		}
		return Map.of("meta", Map.of(key, metadata.get(key)));
	}

	@PutMapping("/{key}")
	Map<String, Map<String, String>> update(RequestContext context, @PathVariable String projectId,
			@PathVariable String volumeId, @PathVariable String key, @RequestBody Map<String, Object> body) {
		ProjectScope.checkWrite(context, projectId, "volume:update_volume_metadata");
		Map<String, String> item = MetadataBodies.one(body, key, true);
		this.api.setMetadata(context, RequestBodies.pathId("Volume", volumeId), item, false);
		return Map.of("meta", item);
	}

	@DeleteMapping("/{key}")
	ResponseEntity<Void> delete(RequestContext context, @PathVariable String projectId, @PathVariable String volumeId,
			@PathVariable String key) {
		ProjectScope.checkWrite(context, projectId, "volume:delete_volume_metadata");
		this.api.deleteMetadata(context, RequestBodies.pathId("Volume", volumeId), key);
		return ResponseEntity.ok().build();
	}

}
