package dev.novaboot.network.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import dev.novaboot.network.NetworkFault;
import tools.jackson.databind.JsonNode;

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
			throw NetworkFault.badRequest("Resource body required: a JSON object {\"" + resource + "\": {...}}.");
		}
		JsonNode node = root.get(resource);
		Set<String> unknown = new TreeSet<>();
		for (String name : node.propertyNames()) {
			if (!allowed.contains(name)) {
				unknown.add(name);
			}
		}
		if (!unknown.isEmpty()) {
			throw NetworkFault.badRequest("Unrecognized attribute(s) '" + String.join(", ", unknown) + "'");
		}
		return new Body(node);
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

	private static NetworkFault invalid(String field, JsonNode value, String reason) {
		return NetworkFault.invalidInput("Invalid input for " + field + ". Reason: '" + value + "' " + reason + ".");
	}

}
