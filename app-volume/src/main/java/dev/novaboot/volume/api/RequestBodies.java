package dev.novaboot.volume.api;

import java.util.Map;

import dev.novaboot.service.api.BadRequestException;
import dev.novaboot.service.api.Uuids;
import dev.novaboot.volume.manager.InvalidInputException;
import dev.novaboot.volume.manager.VolumeNotFoundException;

/**
 * Reads the JSON objects of Block Storage requests with messages that say which field is
 * wrong and why, instead of a type error. Every string that is stored is checked against
 * its column in V1__volumes.sql (the same sizes as Cinder's schemas), and every id against
 * the uuid form, before anything is looked up or sent to a volume host.
 */
final class RequestBodies {

	/**
	 * Cinder's limit for names, descriptions, zones, host names and mount points, and the
	 * size of the columns they are stored in.
	 */
	static final int MAX_TEXT = 255;

	// how much of a bad value a message quotes back
	private static final int SHOWN = 64;

	private RequestBodies() {
	}

	/** The object under {@code key}, such as {@code volume} in {@code {"volume": {...}}}. */
	@SuppressWarnings("unchecked")
	static Map<String, Object> object(Map<String, Object> body, String key) {
		Object value = (body != null) ? body.get(key) : null;
		if (!(value instanceof Map)) {
			throw new InvalidInputException("the request body must be a JSON object with an object '" + key + "'.");
		}
		return (Map<String, Object>) value;
	}

	/** A whole number greater than 0 (a JSON number or a string of digits, as Cinder accepts). */
	static Integer positiveInt(Map<String, Object> object, String key) {
		Object value = object.get(key);
		if (value == null) {
			return null;
		}
		long number;
		if (value instanceof Integer || value instanceof Long) {
			number = ((Number) value).longValue();
		}
		else if (value instanceof String text && text.strip().matches("[0-9]{1,10}")) {
			number = Long.parseLong(text.strip());
		}
		else {
			throw new InvalidInputException("'" + key + "' must be an integer greater than 0, not " + describe(value) + ".");
		}
		if (number < 1 || number > Integer.MAX_VALUE) {
			throw new InvalidInputException("'" + key + "' must be an integer greater than 0, not " + number + ".");
		}
		return (int) number;
	}

	/** A string of at most {@link #MAX_TEXT} characters. */
	static String text(Map<String, Object> object, String key) {
		return text(object, key, MAX_TEXT);
	}

	/** A string of at most {@code maxLength} characters (Cinder's {@code check_string_length} words). */
	static String text(Map<String, Object> object, String key, int maxLength) {
		Object value = object.get(key);
		if (value == null) {
			return null;
		}
		if (!(value instanceof String text)) {
			throw new InvalidInputException("'" + key + "' must be a string, not " + describe(value) + ".");
		}
		if (text.length() > maxLength) {
			throw new InvalidInputException(key + " has " + text.length() + " characters, more than " + maxLength + ".");
		}
		return text;
	}

	/** A string of 1 to {@code maxLength} characters, when given. */
	static String nonEmptyText(Map<String, Object> object, String key, int maxLength) {
		String text = text(object, key, maxLength);
		if (text != null && text.isEmpty()) {
			throw new InvalidInputException(key + " has 0 characters, less than 1.");
		}
		return text;
	}

	/** The first of {@code keys} that is given: Cinder takes {@code name} or the older {@code display_name}. */
	static String text(Map<String, Object> object, String key, String olderKey) {
		String text = text(object, key);
		return (text != null) ? text : text(object, olderKey);
	}

	/**
	 * A uuid (Cinder's {@code parameter_types.uuid}), checked before anything is looked up
	 * by it; the message is Cinder's schema error.
	 */
	static String uuid(Map<String, Object> object, String key) {
		Object value = object.get(key);
		if (value == null) {
			return null;
		}
		if (!(value instanceof String text) || !Uuids.isUuid(text)) {
			String shown = shown(String.valueOf(value));
			throw new BadRequestException("Invalid input for field/attribute " + key + ". Value: " + shown + ". '"
					+ shown + "' is not a 'uuid'");
		}
		return text;
	}

	/**
	 * The id of a path, which must be a uuid: anything else names no volume or snapshot, so
	 * it is "not found" (as Cinder answers) without a lookup.
	 */
	static String pathId(String resource, String id) {
		if (!Uuids.isUuid(id)) {
			throw new VolumeNotFoundException(resource + " " + shown(id) + " could not be found.");
		}
		return id;
	}

	/** The value as a message quotes it: whole when short, else its start and its length. */
	static String shown(String value) {
		return (value.length() <= SHOWN) ? value : value.substring(0, SHOWN) + "... (" + value.length() + " characters)";
	}

	static boolean flag(Map<String, Object> object, String key) {
		Object value = object.get(key);
		if (value == null) {
			return false;
		}
		if (value instanceof Boolean bool) {
			return bool;
		}
		if (value instanceof String text && (text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false"))) {
			return Boolean.parseBoolean(text);
		}
		throw new InvalidInputException("'" + key + "' must be a boolean, not " + describe(value) + ".");
	}

	/** Refuses a field this service does not implement, rather than ignoring what the caller asked. */
	static void unsupported(Map<String, Object> object, String key, String what) {
		Object value = object.get(key);
		if (value != null && !(value instanceof Map<?, ?> map && map.isEmpty())) {
			throw new InvalidInputException(what + " ('" + key + "') is not supported by this service.");
		}
	}

	private static String describe(Object value) {
		return (value instanceof String text) ? "'" + shown(text) + "'" : shown(String.valueOf(value));
	}

}
