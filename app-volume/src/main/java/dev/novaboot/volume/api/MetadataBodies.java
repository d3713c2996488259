package dev.novaboot.volume.api;

import java.util.Map;
import java.util.Set;

import dev.novaboot.service.api.BadRequestException;
import dev.novaboot.volume.manager.VolumeNotFoundException;

/**
 * The bodies of Cinder's metadata APIs: {@code {"metadata": {...}}} for all keys,
 * {@code {"meta": {key: value}}} for one, checked as its schemas check them.
 */
final class MetadataBodies {

	private MetadataBodies() {
	}

	/** {@code {"metadata": {...}}} and nothing else. */
	static Map<String, String> all(Map<String, Object> body, boolean slashInKeys) {
		if (body == null || !body.containsKey("metadata")) {
			throw RequestBodies.schemaError("body", (body == null) ? null : body.keySet(),
					"'metadata' is a required property");
		}
		RequestBodies.onlyKeys(body, "body", Set.of("metadata"));
		return RequestBodies.metadata(body.get("metadata"), "metadata", slashInKeys);
	}

	/**
	 * {@code {"meta": {key: value}}} with exactly one item, whose key is the one of the
	 * URL ("Request body and URI mismatch" otherwise, as Cinder says).
	 */
	static Map<String, String> one(Map<String, Object> body, String key, boolean slashInKeys) {
		if (body == null || !body.containsKey("meta")) {
			throw RequestBodies.schemaError("body", (body == null) ? null : body.keySet(), "'meta' is a required property");
		}
		RequestBodies.onlyKeys(body, "body", Set.of("meta"));
		Map<String, String> item = RequestBodies.metadata(body.get("meta"), "meta", slashInKeys);
		if (item.size() != 1) {
			throw RequestBodies.schemaError("meta", item, (item.isEmpty() ? "does not have enough properties"
					: "has too many properties"));
		}
		if (!item.containsKey(key)) {
			throw new BadRequestException("Request body and URI mismatch");
		}
		return item;
	}

	static VolumeNotFoundException noKey(String resource, String id, String key) {
		return new VolumeNotFoundException(resource + " " + id + " has no metadata with key " + RequestBodies.shown(key)
				+ ".");
	}

}
