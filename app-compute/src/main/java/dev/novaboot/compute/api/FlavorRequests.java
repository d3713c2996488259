package dev.novaboot.compute.api;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import dev.novaboot.service.api.BadRequestException;
import dev.novaboot.service.api.Names;

/**
 * Reads the flavor APIs' request bodies as Nova's schemas ({@code schemas/flavor_manage.py},
 * {@code flavors_extraspecs.py}, {@code flavor_access.py}) define them, saying precisely
 * what is wrong with a bad one.
 */
final class FlavorRequests {

	/** Nova's database's largest integer for a flavor's sizes. */
	static final int MAX_INT = Integer.MAX_VALUE;

	// Nova's SQL_SP_FLOAT_MAX, the largest rxtx_factor
	private static final double MAX_FLOAT = 3.40282e+38;

	private static final Pattern FLAVOR_ID = Pattern.compile("(?! )[a-zA-Z0-9. _-]+(?<! )");

	private static final Pattern DIGITS = Pattern.compile("[0-9]+");

	private static final Pattern DECIMAL = Pattern.compile("[0-9]+(\\.[0-9]+)?");

	private static final Pattern SPEC_KEY = Pattern.compile("[a-zA-Z0-9-_:. ]{1,255}");

	// Nova's parameter_types.boolean
	private static final Set<Object> TRUE = Set.of(true, "True", "TRUE", "true", "1", "ON", "On", "on", "YES", "Yes",
			"yes");

	private static final Set<Object> FALSE = Set.of(false, "False", "FALSE", "false", "0", "OFF", "Off", "off", "NO",
			"No", "no");

	private static final Set<String> CREATE_FIELDS = Set.of("name", "id", "ram", "vcpus", "disk",
			"OS-FLV-EXT-DATA:ephemeral", "swap", "rxtx_factor", "os-flavor-access:is_public");

	private FlavorRequests() {
	}

	/** The body of {@code POST /flavors} at 2.1 to 2.54. */
	record CreateFlavor(String id, String name, int ram, int vcpus, int disk, int ephemeral, int swap,
			double rxtxFactor, boolean isPublic) {
	}

	static CreateFlavor create(Map<String, Object> body) {
		Map<String, Object> flavor = object(body, "flavor");
		for (String field : flavor.keySet()) {
			if (!CREATE_FIELDS.contains(field)) {
				throw additional("flavor", field);
			}
		}
		for (String required : new String[] { "name", "ram", "vcpus", "disk" }) {
			if (!flavor.containsKey(required)) {
				throw new BadRequestException("Invalid input for field/attribute flavor. '" + required
						+ "' is a required property");
			}
		}
		Object rawName = flavor.get("name");
		if (!(rawName instanceof String name)) {
			throw invalid("name", rawName, "It is not of type 'string'.");
		}
		if (name.isEmpty() || name.length() > ServerRequests.MAX_TEXT) {
			throw invalid("name", name, "It must be 1 to " + ServerRequests.MAX_TEXT + " characters.");
		}
		if (!Names.isValid(name)) {
			throw new BadRequestException("An invalid 'name' value was provided. The name must be: " + Names.RULE);
		}
		return new CreateFlavor(flavorId(flavor.get("id")), name, size(flavor, "ram", 1), size(flavor, "vcpus", 1),
				size(flavor, "disk", 0), size(flavor, "OS-FLV-EXT-DATA:ephemeral", 0), size(flavor, "swap", 0),
				rxtxFactor(flavor.get("rxtx_factor")), bool(flavor, "os-flavor-access:is_public", true));
	}

	/** The project of an {@code addTenantAccess} or {@code removeTenantAccess} action. */
	static String tenant(Object argument, String action) {
		if (!(argument instanceof Map<?, ?> access)) {
			throw invalid(action, argument, "It is not of type 'object'.");
		}
		for (Object field : access.keySet()) {
			if (!"tenant".equals(field)) {
				throw additional(action, String.valueOf(field));
			}
		}
		Object tenant = access.get("tenant");
		if (!(tenant instanceof String project) || project.isEmpty() || project.length() > ServerRequests.MAX_TEXT) {
			throw invalid("tenant", tenant, "It must be a string of 1 to " + ServerRequests.MAX_TEXT + " characters.");
		}
		return project;
	}

	/**
	 * Extra specs as Nova's schema takes them: keys of 1 to 255 letters, digits and
	 * {@code -_:. }, values strings of up to 255 characters or numbers (kept as their text).
	 */
	static Map<String, String> extraSpecs(Object value) {
		if (!(value instanceof Map<?, ?> specs)) {
			throw invalid("extra_specs", value, "It is not of type 'object'.");
		}
		Map<String, String> checked = new LinkedHashMap<>();
		specs.forEach((key, spec) -> {
			String name = String.valueOf(key);
			if (!SPEC_KEY.matcher(name).matches()) {
				throw invalid("extra_specs", name, "Additional properties are not allowed: a key is 1 to 255 of "
						+ "the characters a-z, A-Z, 0-9, '-', '_', ':', '.' and ' '.");
			}
			String text;
			if (spec instanceof String string) {
				text = string;
			}
			else if (spec instanceof Number number && !(spec instanceof Double d && (d.isNaN() || d.isInfinite()))) {
				text = (number instanceof Double || number instanceof Float || number instanceof BigDecimal)
						? String.valueOf(number.doubleValue()) : number.toString();
			}
			else {
				throw invalid(name, spec, "It is not of type 'string' or 'number'.");
			}
			if (text.length() > 255) {
				throw invalid(name, text, "It is too long: at most 255 characters.");
			}
			checked.put(name, text);
		});
		return checked;
	}

	/** {@code POST /flavors/{id}/os-extra_specs}: {@code {"extra_specs": {...}}}. */
	static Map<String, String> createExtraSpecs(Map<String, Object> body) {
		for (String field : body.keySet()) {
			if (!field.equals("extra_specs")) {
				throw additional("body", field);
			}
		}
		if (!body.containsKey("extra_specs")) {
			throw new BadRequestException("Invalid input for field/attribute body. 'extra_specs' is a required property");
		}
		return extraSpecs(body.get("extra_specs"));
	}

	/** {@code PUT /flavors/{id}/os-extra_specs/{key}}: exactly {@code {key: value}}. */
	static Map<String, String> updateExtraSpec(String key, Map<String, Object> body) {
		if (body.isEmpty()) {
			throw new BadRequestException("Invalid input for field/attribute body. {} does not have enough properties");
		}
		if (body.size() > 1) {
			throw new BadRequestException("Invalid input for field/attribute body. It has too many properties: "
					+ "give exactly the one extra spec of the URI.");
		}
		Map<String, String> spec = extraSpecs(body);
		if (!spec.containsKey(key)) {
			throw new BadRequestException("Request body and URI mismatch");
		}
		return spec;
	}

	// Nova's flavor id: a string (or number) of 1 to 255 of [a-zA-Z0-9. _-], no blank at either end; a uuid when absent
	private static String flavorId(Object value) {
		if (value == null) {
			return UUID.randomUUID().toString();
		}
		String id = (value instanceof Number) ? value.toString() : (value instanceof String text) ? text : null;
		if (id == null) {
			throw invalid("id", value, "It is not of type 'string', 'number' or 'null'.");
		}
		if (id.isEmpty() || id.length() > ServerRequests.MAX_TEXT || !FLAVOR_ID.matcher(id).matches()) {
			throw invalid("id", id, "It must be 1 to 255 of the characters a-z, A-Z, 0-9, '.', ' ', '_' and '-', "
					+ "without a blank at either end.");
		}
		return id;
	}

	// an integer, or a string of digits, from minimum to Nova's maximum; absent is 0
	private static int size(Map<String, Object> flavor, String field, int minimum) {
		Object value = flavor.get(field);
		if (value == null && !flavor.containsKey(field)) {
			return 0;
		}
		long number;
		if (value instanceof Integer || value instanceof Long) {
			number = ((Number) value).longValue();
		}
		else if (value instanceof String text && DIGITS.matcher(text).matches() && text.length() <= 10) {
			number = Long.parseLong(text);
		}
		else {
			throw invalid(field, value, "It must be an integer from " + minimum + " to " + MAX_INT + ".");
		}
		if (number < minimum || number > MAX_INT) {
			throw invalid(field, value, value + " is not an integer from " + minimum + " to " + MAX_INT + ".");
		}
		return (int) number;
	}

	private static double rxtxFactor(Object value) {
		if (value == null) {
			return 1.0;
		}
		double factor;
		if (value instanceof Number number && !(value instanceof Double d && (d.isNaN() || d.isInfinite()))) {
			factor = number.doubleValue();
		}
		else if (value instanceof String text && DECIMAL.matcher(text).matches()) {
			factor = Double.parseDouble(text);
		}
		else {
			throw invalid("rxtx_factor", value, "It must be a number greater than 0.");
		}
		if (!(factor > 0) || factor > MAX_FLOAT) {
			throw invalid("rxtx_factor", value, "It must be greater than 0 and at most " + MAX_FLOAT + ".");
		}
		return factor;
	}

	private static boolean bool(Map<String, Object> flavor, String field, boolean absent) {
		if (!flavor.containsKey(field)) {
			return absent;
		}
		Object value = flavor.get(field);
		if (TRUE.contains(value)) {
			return true;
		}
		if (FALSE.contains(value)) {
			return false;
		}
		throw invalid(field, value, "It is not a boolean.");
	}

	/** A query parameter that Nova parses as a boolean ({@code strutils.bool_from_string}, strict). */
	static Boolean queryBool(String value) {
		String lower = value.strip().toLowerCase(Locale.ROOT);
		if (Set.of("1", "t", "true", "on", "y", "yes").contains(lower)) {
			return true;
		}
		if (Set.of("0", "f", "false", "off", "n", "no").contains(lower)) {
			return false;
		}
		return null;
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> object(Map<String, Object> body, String key) {
		for (String field : body.keySet()) {
			if (!field.equals(key)) {
				throw additional("body", field);
			}
		}
		if (body.get(key) instanceof Map<?, ?> map) {
			return (Map<String, Object>) map;
		}
		throw new BadRequestException("The request body must be an object with \"" + key + "\": {...}.");
	}

	private static BadRequestException additional(String object, String field) {
		return new BadRequestException("Invalid input for field/attribute " + object
				+ ". Additional properties are not allowed ('" + ServerRequests.shown(field) + "' was unexpected)");
	}

	private static BadRequestException invalid(String field, Object value, String reason) {
		return new BadRequestException("Invalid input for field/attribute " + field + ". Value: "
				+ ServerRequests.shown(String.valueOf(value)) + ". " + reason);
	}

}
