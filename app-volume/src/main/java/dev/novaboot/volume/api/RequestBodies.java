package dev.novaboot.volume.api;

import java.util.Map;

import dev.novaboot.volume.manager.InvalidInputException;

/**
 * Reads the JSON objects of Block Storage requests with messages that say which field is
 * wrong and why, instead of a type error.
 */
final class RequestBodies {

	static final int MAX_TEXT = 255;

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

	static String text(Map<String, Object> object, String key) {
		Object value = object.get(key);
		if (value == null) {
			return null;
		}
		if (!(value instanceof String text)) {
			throw new InvalidInputException("'" + key + "' must be a string, not " + describe(value) + ".");
		}
		if (text.length() > MAX_TEXT) {
			throw new InvalidInputException("'" + key + "' must be at most " + MAX_TEXT + " characters long.");
		}
		return text;
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
		return (value instanceof String) ? "'" + value + "'" : String.valueOf(value);
	}

}
