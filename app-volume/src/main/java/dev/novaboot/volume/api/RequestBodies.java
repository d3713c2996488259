package dev.novaboot.volume.api;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

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

	private static final Pattern VOLUME_METADATA_KEY = Pattern
		.compile("[a-zA-Z0-9\\-_:. /]{1,255}");

	private static final Pattern SNAPSHOT_METADATA_KEY = Pattern
		.compile("[a-zA-Z0-9\\-_:. ]{1,255}");

	private static final List<String> TRUE_WORDS = List.of("True", "TRUE", "true", "1", "ON", "On",
			"on", "YES", "Yes", "yes", "y", "t");

	private static final List<String> FALSE_WORDS = List.of("False", "FALSE", "false", "0", "OFF",
			"Off", "off", "NO", "No", "no", "n", "f");

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

	/**
	 * User metadata as Cinder's schemas take it ({@code parameter_types.extra_specs}): an
	 * object whose keys are 1 to 255 of {@code a-z A-Z 0-9 - _ : . space} (and {@code /}
	 * for volumes, not for snapshots) and whose values are strings of at most 255
	 * characters.
	 */
	@SuppressWarnings("unchecked")
	static Map<String, String> metadata(Object value, String field, boolean slashInKeys) {
		if (!(value instanceof Map<?, ?> map)) {
			throw schemaError(field, value, "is not of type 'object'");
		}
		Pattern keys = slashInKeys ? VOLUME_METADATA_KEY : SNAPSHOT_METADATA_KEY;
		Map<String, String> metadata = new TreeMap<>();
		for (Map.Entry<String, Object> entry : ((Map<String, Object>) map).entrySet()) {
			if (!keys.matcher(entry.getKey()).matches()) {
				throw schemaError(field, value, "Additional properties are not allowed ('"
						+ shown(entry.getKey()) + "' was unexpected)");
			}
			if (!(entry.getValue() instanceof String text)) {
				throw schemaError(entry.getKey(), entry.getValue(), "is not of type 'string'");
			}
			if (text.length() > MAX_TEXT) {
				throw schemaError(entry.getKey(), text, "is too long");
			}
			metadata.put(entry.getKey(), text);
		}
		return metadata;
	}

	/** Cinder's message for a value its JSON schema refuses. */
	static BadRequestException schemaError(String field, Object value, String why) {
		String shown = (value == null) ? "None" : shown(String.valueOf(value));
		return new BadRequestException("Invalid input for field/attribute " + field + ". Value: " + shown + ". "
				+ (why.startsWith("Additional") ? why : "'" + shown + "' " + why));
	}

	/**
	 * Cinder's {@code parameter_types.boolean}: a JSON boolean or one of its words, as
	 * {@code os-set_bootable} and {@code os-update_readonly_flag} take them.
	 */
	static boolean strictBoolean(Map<String, Object> object, String key) {
		Object value = object.get(key);
		if (value instanceof Boolean bool) {
			return bool;
		}
		if (value instanceof String text) {
			if (TRUE_WORDS.contains(text)) {
				return true;
			}
			if (FALSE_WORDS.contains(text)) {
				return false;
			}
		}
		if (value == null && !object.containsKey(key)) {
			throw new BadRequestException("Invalid input for field/attribute " + key + ". Value: None. '" + key
					+ "' is a required property");
		}
		throw schemaError(key, value, "is not one of [True, 'True', 'TRUE', 'true', '1', 'ON', 'On', 'on', 'YES', "
				+ "'Yes', 'yes', 'y', 't', False, 'False', 'FALSE', 'false', '0', 'OFF', 'Off', 'off', 'NO', 'No', "
				+ "'no', 'n', 'f']");
	}

	/** Refuses keys other than {@code allowed}, as Cinder's schemas with {@code additionalProperties: false}. */
	static void onlyKeys(Map<String, Object> object, String field, Set<String> allowed) {
		for (String key : object.keySet()) {
			if (!allowed.contains(key)) {
				throw new BadRequestException("Invalid input for field/attribute " + field
						+ ". Additional properties are not allowed ('" + shown(key) + "' was unexpected)");
			}
		}
	}

	/** Cinder's {@code utils.get_bool_param} of a query parameter: a boolean word, else {@code 400}. */
	static boolean boolParam(String name, String value) {
		if (value == null) {
			return false;
		}
		String word = value.strip().toLowerCase(Locale.ROOT);
		if (List.of("1", "t", "true", "on", "y", "yes").contains(word)) {
			return true;
		}
		if (List.of("0", "f", "false", "off", "n", "no").contains(word)) {
			return false;
		}
		// Cinder's InvalidParameterValue
		throw new BadRequestException("Value '" + shown(value) + "' for '" + name + "' is not a boolean.");
	}

	private static String describe(Object value) {
		return (value instanceof String text) ? "'" + shown(text) + "'" : shown(String.valueOf(value));
	}

}
