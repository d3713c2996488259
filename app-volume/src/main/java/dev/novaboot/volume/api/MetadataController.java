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

/**
 * Cinder's metadata API of one kind of resource, {@code .../{id}/metadata}: every answer
 * is {@code 200}; {@code POST} merges, {@code PUT} replaces, one key is
 * {@code {"meta": {key: value}}}. Volumes and snapshots differ only in what they are
 * called, their policy names, whether a key may hold a slash, and where the metadata is
 * kept.
 */
abstract class MetadataController {

	private final String resource;

	private final String policy;

	private final boolean slashInKeys;

	/**
	 * @param resource the resource as messages name it ({@code Volume})
	 * @param policy the policy names' stem ({@code volume_metadata})
	 * @param slashInKeys whether a key may hold a {@code /}
	 */
	MetadataController(String resource, String policy, boolean slashInKeys) {
		this.resource = resource;
		this.policy = policy;
		this.slashInKeys = slashInKeys;
	}

	abstract Map<String, String> read(RequestContext context, String id);

	abstract Map<String, String> write(RequestContext context, String id, Map<String, String> items, boolean replace);

	abstract void remove(RequestContext context, String id, String key);

	@GetMapping
	Map<String, Map<String, String>> index(RequestContext context, @PathVariable String projectId,
			@PathVariable String id) {
		ProjectScope.check(context, projectId);
		return Map.of("metadata", read(context, pathId(id)));
	}

	@PostMapping
	Map<String, Map<String, String>> create(RequestContext context, @PathVariable String projectId,
			@PathVariable String id, @RequestBody Map<String, Object> body) {
		ProjectScope.checkWrite(context, projectId, "volume:create_" + this.policy);
		return Map.of("metadata", write(context, pathId(id), MetadataBodies.all(body, this.slashInKeys), false));
	}

	@PutMapping
	Map<String, Map<String, String>> replace(RequestContext context, @PathVariable String projectId,
			@PathVariable String id, @RequestBody Map<String, Object> body) {
		ProjectScope.checkWrite(context, projectId, "volume:update_" + this.policy);
		return Map.of("metadata", write(context, pathId(id), MetadataBodies.all(body, this.slashInKeys), true));
	}

	@GetMapping("/{key}")
	Map<String, Map<String, String>> show(RequestContext context, @PathVariable String projectId,
			@PathVariable String id, @PathVariable String key) {
		ProjectScope.check(context, projectId);
		Map<String, String> metadata = read(context, pathId(id));
		if (!metadata.containsKey(key)) {
			throw MetadataBodies.noKey(this.resource, id, key);
		}
		return Map.of("meta", Map.of(key, metadata.get(key)));
	}

	@PutMapping("/{key}")
	Map<String, Map<String, String>> update(RequestContext context, @PathVariable String projectId,
			@PathVariable String id, @PathVariable String key, @RequestBody Map<String, Object> body) {
		ProjectScope.checkWrite(context, projectId, "volume:update_" + this.policy);
		Map<String, String> item = MetadataBodies.one(body, key, this.slashInKeys);
		write(context, pathId(id), item, false);
		return Map.of("meta", item);
	}

	@DeleteMapping("/{key}")
	ResponseEntity<Void> delete(RequestContext context, @PathVariable String projectId, @PathVariable String id,
			@PathVariable String key) {
		ProjectScope.checkWrite(context, projectId, "volume:delete_" + this.policy);
		remove(context, pathId(id), key);
		return ResponseEntity.ok().build();
	}

	private String pathId(String id) {
		return RequestBodies.pathId(this.resource, id);
	}

}
