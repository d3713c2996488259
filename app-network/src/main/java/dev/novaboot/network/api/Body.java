package dev.novaboot.network.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import dev.novaboot.network.manager.NetworkException;
import dev.novaboot.service.api.Names;
import dev.novaboot.service.api.Uuids;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * The resource object of a Networking API request body ({@code {"network": {...}}}), read
 * field by field so that a wrong type, an unknown attribute or a missing wrapper is a 400
 * that names the field, and so that an explicit {@code null} can be told from an absent
 * field.
 */
final class Body {

	private final JsonNode node;

	private Body(JsonNode node) {
		this.node = node;
	}

	/** The object under {@code resource}, which may hold only {@code allowed} attributes. */
	static Body of(JsonNode root, String resource, Set<String> allowed) {
		if (root == null || !root.isObject() || !root.has(resource) || !root.get(resource).isObject()) {
			throw NetworkException.badRequest("Resource body required: a JSON object {\"" + resource + "\": {...}}.");
		}
		JsonNode node = root.get(resource);
		Set<String> unknown = new TreeSet<>();
		for (String name : node.propertyNames()) {
			if (!allowed.contains(name)) {
				unknown.add(name);
			}
		}
		if (!unknown.isEmpty()) {
			throw NetworkException.badRequest("Unrecognized attribute(s) '" + String.join(", ", unknown) + "'");
		}
		return new Body(node);
	}

	/**
	 * The items of a bulk create ({@code {"networks": [{...}, ...]}}, each item bare or
	 * wrapped as {@code {"network": {...}}}, as Neutron takes them), or null when the body
	 * is no bulk request. Every item is read before anything is created.
	 */
	static List<Body> bulk(JsonNode root, String resource, String collection, Set<String> allowed) {
		if (root == null || !root.isObject() || !root.has(collection)) {
			return null;
		}
		JsonNode items = root.get(collection);
		if (!items.isArray()) {
			throw NetworkException.badRequest("Body contains invalid data: '" + collection + "' must be a list.");
		}
		if (items.isEmpty()) {
			throw NetworkException.badRequest("Resources required");
		}
		List<Body> bodies = new ArrayList<>();
		for (JsonNode item : items) {
			if (!item.isObject()) {
				throw NetworkException.badRequest("Body contains invalid data: every item of '" + collection
						+ "' must be an object.");
			}
			bodies.add(of(item.has(resource) ? item : JsonNodeFactory.instance.objectNode().set(resource, item),
					resource, allowed));
		}
		return bodies;
	}

	/** The raw value of a field ({@code null} when absent). */
	JsonNode node(String field) {
		return this.node.get(field);
	}

	boolean has(String field) {
		return this.node.has(field);
	}

	String string(String field) {
		JsonNode value = this.node.get(field);
		if (value == null || value.isNull()) {
			return null;
		}
		if (!value.isString()) {
			throw invalid(field, value, "is not a valid string");
		}
		return value.asString();
	}

	/**
	 * A string that fits the column it is stored in (Neutron's {@code type:string} with the
	 * same limit as {@code neutron_lib.db.constants}).
	 */
	String string(String field, int maxLength) {
		String value = string(field);
		if (value != null && value.length() > maxLength) {
			throw tooLong(field, value, maxLength, "");
		}
		return value;
	}

	/**
	 * A string for a column shorter than what Neutron takes ({@code upstreamLength}): the
	 * column decides, and the message says why the limit is lower than Neutron's.
	 */
	String string(String field, int maxLength, int upstreamLength) {
		String value = string(field);
		if (value != null && value.length() > maxLength) {
			throw tooLong(field, value, maxLength,
					" (this service stores at most " + maxLength + "; Neutron allows " + upstreamLength + ")");
		}
		return value;
	}

	/** A name: Neutron's {@code type:name_string}, printable, no whitespace at either end. */
	String name(String field, int maxLength) {
		String value = string(field, maxLength);
		if (value != null && !Names.isValid(value)) {
			throw invalid(field, Limits.shown(value), "is not a valid string");
		}
		return value;
	}

	/** The project a new resource is for: {@code project_id}, or the older {@code tenant_id}. */
	String project() {
		String project = string("project_id", Limits.PROJECT_ID);
		return (project != null) ? project : string("tenant_id", Limits.PROJECT_ID);
	}

	/** A uuid ({@code type:uuid}), checked before anything is looked up by it. */
	String uuid(String field) {
		String value = string(field);
		if (value != null && !Uuids.isUuid(value)) {
			throw invalid(field, Limits.shown(value), "is not a valid UUID");
		}
		return value;
	}

	Boolean bool(String field) {
		JsonNode value = this.node.get(field);
		if (value == null || value.isNull()) {
			return null;
		}
		if (value.isBoolean()) {
			return value.asBoolean();
		}
		// Neutron also takes "true"/"false" strings
		if (value.isString() && (value.asString().equalsIgnoreCase("true") || value.asString().equalsIgnoreCase("false"))) {
			return Boolean.parseBoolean(value.asString());
		}
		throw invalid(field, value, "is not a valid boolean value");
	}

	Integer integer(String field) {
		JsonNode value = this.node.get(field);
		if (value == null || value.isNull()) {
			return null;
		}
		if (value.isIntegralNumber() && value.canConvertToInt()) {
			return value.asInt();
		}
		if (value.isString() && value.asString().matches("-?[0-9]{1,9}")) {
			return Integer.parseInt(value.asString());
		}
		throw invalid(field, value, "is not an integer");
	}

	/** A list of strings, each of at most {@code maxLength} characters. */
	List<String> strings(String field, int maxLength) {
		List<String> values = strings(field);
		if (values != null) {
			for (String value : values) {
				if (value.length() > maxLength) {
					throw tooLong(field, value, maxLength, "");
				}
			}
		}
		return values;
	}

	List<String> strings(String field) {
		JsonNode value = this.node.get(field);
		if (value == null || value.isNull()) {
			return null;
		}
		if (!value.isArray()) {
			throw invalid(field, value, "is not a list");
		}
		List<String> result = new ArrayList<>();
		for (JsonNode item : value) {
			if (!item.isString()) {
				throw invalid(field, value, "is not a list of strings");
			}
			result.add(item.asString());
		}
		return result;
	}

	/**
	 * An object read as a {@link Body} with the given attributes ({@code null} when absent
	 * or null; an empty object is a Body without fields).
	 */
	Body object(String field, Set<String> allowed) {
		JsonNode value = this.node.get(field);
		if (value == null || value.isNull()) {
			return null;
		}
		if (!value.isObject()) {
			throw invalid(field, value, "is not a dictionary");
		}
		Set<String> unknown = new TreeSet<>();
		for (String name : value.propertyNames()) {
			if (!allowed.contains(name)) {
				unknown.add(name);
			}
		}
		if (!unknown.isEmpty()) {
			throw invalid(field, value, "has unknown key(s) " + String.join(", ", unknown) + "; expected keys: "
					+ String.join(", ", new TreeSet<>(allowed)));
		}
		return new Body(value);
	}

	/** A request body that is itself the object (a resource action such as {@code add_router_interface}). */
	static Body unwrapped(JsonNode root, Set<String> allowed) {
		if (root == null || !root.isObject()) {
			throw NetworkException.badRequest("Resource body required: a JSON object.");
		}
		Set<String> unknown = new TreeSet<>();
		for (String name : root.propertyNames()) {
			if (!allowed.contains(name)) {
				unknown.add(name);
			}
		}
		if (!unknown.isEmpty()) {
			throw NetworkException.badRequest("Unrecognized attribute(s) '" + String.join(", ", unknown) + "'");
		}
		return new Body(root);
	}

	/** The object's field names, as Neutron lists them in messages ({'a', 'b'}). */
	String keys() {
		List<String> names = new ArrayList<>();
		for (String name : new TreeSet<>(this.node.propertyNames())) {
			names.add("'" + name + "'");
		}
		return "{" + String.join(", ", names) + "}";
	}

	/** Whether the object has no fields. */
	boolean isEmpty() {
		return this.node.isEmpty();
	}

	/** A list of objects, each read as a {@link Body} with the given attributes. */
	List<Body> objects(String field, Set<String> allowed) {
		JsonNode value = this.node.get(field);
		if (value == null || value.isNull()) {
			return null;
		}
		if (!value.isArray()) {
			throw invalid(field, value, "is not a list");
		}
		List<Body> result = new ArrayList<>();
		for (JsonNode item : value) {
			if (!item.isObject()) {
				throw invalid(field, value, "is not a list of objects");
			}
			for (String name : item.propertyNames()) {
				if (!allowed.contains(name)) {
					throw invalid(field, value, "has an unknown key '" + name + "'");
				}
			}
			result.add(new Body(item));
		}
		return result;
	}

	private static NetworkException invalid(String field, JsonNode value, String reason) {
		return invalid(field, Limits.shown(value.toString()), reason);
	}

	// Neutron's words (neutron_lib.api.attributes): "Invalid input for <attr>. Reason: ..."
	private static NetworkException invalid(String field, String shown, String reason) {
		return NetworkException.invalidInput("Invalid input for " + field + ". Reason: '" + shown + "' " + reason + ".");
	}

	private static NetworkException tooLong(String field, String value, int maxLength, String why) {
		return invalid(field, Limits.shown(value), "exceeds maximum length of " + maxLength + why);
	}

}
