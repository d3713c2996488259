package dev.novaboot.compute.api;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

import dev.novaboot.service.api.BadRequestException;

/**
 * Reads a server's metadata as Nova's {@code parameter_types.metadata} and
 * {@code schemas/server_metadata.py} take it: an object whose keys are 1 to 255 letters,
 * digits, spaces and {@code - _ : .}, and whose values are strings of at most 255
 * characters; {@code {"meta": {...}}} holds exactly one item.
 */
final class MetadataRequests {

	/** Nova's key pattern, {@code ^[a-zA-Z0-9-_:. ]{1,255}$}. */
	private static final Pattern KEY = Pattern.compile("[a-zA-Z0-9\\-_:. ]{1,255}");

	/** {@code instance_metadata.meta_value}, Nova's 255. */
	static final int MAX_VALUE = 255;

	private MetadataRequests() {
	}

	/** {@code {"metadata": {...}}} of {@code POST} and {@code PUT /servers/{id}/metadata}. */
	static Map<String, String> metadataBody(Map<String, Object> body) {
		requireOnly(body, "metadata");
		return metadata(body.get("metadata"), "metadata");
	}

	/**
	 * {@code {"meta": {"key": "value"}}} of {@code PUT /servers/{id}/metadata/{key}}: one
	 * item, whose key is the one of the URI.
	 */
	static Map<String, String> metaBody(Map<String, Object> body, String key) {
		requireOnly(body, "meta");
		Map<String, String> meta = metadata(body.get("meta"), "meta");
		if (meta.size() != 1) {
			throw new BadRequestException("Invalid input for field/attribute meta. Value: " + meta + ". "
					+ (meta.isEmpty() ? "{} does not have enough properties" : "It has too many properties"));
		}
		if (!meta.containsKey(key)) {
			throw new BadRequestException("Request body and URI mismatch");
		}
		return meta;
	}

	/** Metadata as Nova's schema checks it, wherever it is given ({@code field} names it in a message). */
	static Map<String, String> metadata(Object value, String field) {
		if (!(value instanceof Map<?, ?> items)) {
			throw ServerRequests.invalid(field, value, "It is not of type 'object'.");
		}
		Map<String, String> metadata = new LinkedHashMap<>();
		for (Map.Entry<?, ?> item : items.entrySet()) {
			String key = String.valueOf(item.getKey());
			if (!KEY.matcher(key).matches()) {
				throw new BadRequestException("Invalid input for field/attribute " + field
						+ ". Additional properties are not allowed ('" + ServerRequests.shown(key)
						+ "' was unexpected): a key is 1 to 255 letters, digits, spaces, '-', '_', ':' or '.'");
			}
			if (!(item.getValue() instanceof String text)) {
				throw ServerRequests.invalid(key, item.getValue(), "It is not of type 'string'.");
			}
			if (text.length() > MAX_VALUE) {
				throw ServerRequests.invalid(key, text, "It is too long: " + text.length() + " characters, at most "
						+ MAX_VALUE + ".");
			}
			metadata.put(key, text);
		}
		return metadata;
	}

	private static void requireOnly(Map<String, Object> body, String key) {
		if (body == null || !body.containsKey(key)) {
			throw new BadRequestException("Invalid input for field/attribute body. '" + key + "' is a required property");
		}
		for (String other : body.keySet()) {
			if (!key.equals(other)) {
				throw new BadRequestException("Invalid input for field/attribute body. Additional properties are not "
						+ "allowed ('" + ServerRequests.shown(other) + "' was unexpected)");
			}
		}
	}

}
