package dev.novaboot.compute.api;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import dev.novaboot.service.api.BadRequestException;
import dev.novaboot.service.api.Microversion;
import dev.novaboot.service.api.Names;
import dev.novaboot.service.api.Uuids;

/**
 * The bodies of the server actions beyond reboot and the power actions, read as Nova's
 * schemas read them at microversions 2.1 to 2.53 ({@code schemas/servers.py} rebuild and
 * resize, {@code lock_server}, {@code pause_server}, {@code suspend_server},
 * {@code deferred_delete}): unknown fields are refused, every stored value is checked
 * before anything changes.
 */
final class ServerActionRequests {

	// Nova's rebuild schema (2.1 to 2.18); 2.19 adds description
	private static final Set<String> REBUILD_FIELDS = Set.of("name", "imageRef", "adminPass", "metadata",
			"preserve_ephemeral", "OS-DCF:diskConfig", "accessIPv4", "accessIPv6", "personality");

	// Nova's parameter_types.fqdn: a host name, underscores allowed
	private static final Pattern FQDN = Pattern.compile("[a-zA-Z0-9-._]*");

	private static final Set<String> RESIZE_FIELDS = Set.of("flavorRef", "OS-DCF:diskConfig");

	private static final Pattern IPV4 = Pattern
		.compile("((25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])\\.){3}(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])");

	private ServerActionRequests() {
	}

	/**
	 * A rebuild: the image (an id, or a URL ending in it), the new name, the metadata that
	 * replaces the server's (null: kept), the access addresses (null: kept) and, from 2.19,
	 * description when given. {@code adminPass}, {@code personality} and
	 * {@code preserve_ephemeral} are checked as Nova's schema does and have nothing to change
	 * here (no agent, no ephemeral disks).
	 * @param descriptionGiven whether {@code description} was in the body (null is a value)
	 */
	record Rebuild(String imageRef, String name, boolean descriptionGiven, String description,
			Map<String, String> metadata, String accessIpV4, String accessIpV6) {
	}

	static Rebuild rebuild(Object argument, Microversion version) {
		Map<String, Object> rebuild = object("rebuild", argument);
		for (String field : new TreeSet<>(rebuild.keySet())) {
			boolean known = REBUILD_FIELDS.contains(field) || (field.equals("description") && version.isAtLeast(2, 19));
			if (!known) {
				throw new BadRequestException("Invalid input for field/attribute rebuild. "
						+ "Additional properties are not allowed ('" + field + "' was unexpected)");
			}
		}
		if (!rebuild.containsKey("imageRef")) {
			throw new BadRequestException("Invalid input for field/attribute rebuild. 'imageRef' is a required property");
		}
		if (!(rebuild.get("imageRef") instanceof String imageRef)) {
			throw invalid("imageRef", rebuild.get("imageRef"), "It is not of type 'string'.");
		}
		String imageId = imageRef.strip().contains("/") ? imageRef.strip().substring(imageRef.strip().lastIndexOf('/') + 1)
				: imageRef.strip();
		if (!Uuids.isUuid(imageId)) {
			throw invalid("imageRef", imageRef, "'" + ServerRequests.shown(imageRef) + "' is not a 'uuid'");
		}
		String name = null;
		if (rebuild.containsKey("name")) {
			name = name(rebuild.get("name"));
		}
		String description = null;
		boolean descriptionGiven = rebuild.containsKey("description");
		if (descriptionGiven) {
			description = ServerRequests.description(rebuild.get("description"));
		}
		metadata(rebuild.get("metadata"));
		Map<String, String> metadata = rebuild.containsKey("metadata")
				? MetadataRequests.metadata(rebuild.get("metadata"), "metadata") : null;
		String accessIpV4 = accessIp(rebuild, "accessIPv4", true);
		String accessIpV6 = accessIp(rebuild, "accessIPv6", false);
		if (rebuild.containsKey("adminPass") && !(rebuild.get("adminPass") instanceof String)) {
			throw invalid("adminPass", rebuild.get("adminPass"), "It is not of type 'string'.");
		}
		if (rebuild.containsKey("OS-DCF:diskConfig")
				&& !Set.of("AUTO", "MANUAL").contains(String.valueOf(rebuild.get("OS-DCF:diskConfig")))) {
			throw invalid("OS-DCF:diskConfig", rebuild.get("OS-DCF:diskConfig"), "'"
					+ rebuild.get("OS-DCF:diskConfig") + "' is not one of ['AUTO', 'MANUAL']");
		}
		if (rebuild.containsKey("preserve_ephemeral") && !(rebuild.get("preserve_ephemeral") instanceof Boolean)) {
			throw invalid("preserve_ephemeral", rebuild.get("preserve_ephemeral"), "It is not of type 'boolean'.");
		}
		return new Rebuild(imageId, name, descriptionGiven, description, metadata, accessIpV4, accessIpV6);
	}

	/** The flavor a resize asks for: {@code flavorRef} required, an id or a URL ending in it. */
	static String resizeFlavor(Object argument) {
		Map<String, Object> resize = object("resize", argument);
		for (String field : new TreeSet<>(resize.keySet())) {
			if (!RESIZE_FIELDS.contains(field)) {
				throw new BadRequestException("Invalid input for field/attribute resize. "
						+ "Additional properties are not allowed ('" + field + "' was unexpected)");
			}
		}
		Object flavorRef = resize.get("flavorRef");
		if (flavorRef == null) {
			throw new BadRequestException(resize.containsKey("flavorRef")
					? "Invalid input for field/attribute flavorRef. Value: None. None is not valid under any of the given schemas"
					: "Invalid input for field/attribute resize. 'flavorRef' is a required property");
		}
		if (!(flavorRef instanceof String) && !(flavorRef instanceof Integer)) {
			throw invalid("flavorRef", flavorRef, "It is not valid under any of the given schemas");
		}
		String text = flavorRef.toString().strip();
		if (text.isEmpty() || text.length() > ServerRequests.MAX_TEXT) {
			throw invalid("flavorRef", flavorRef, text.isEmpty() ? "'' is too short" : "It is too long");
		}
		if (resize.containsKey("OS-DCF:diskConfig")
				&& !Set.of("AUTO", "MANUAL").contains(String.valueOf(resize.get("OS-DCF:diskConfig")))) {
			throw invalid("OS-DCF:diskConfig", resize.get("OS-DCF:diskConfig"), "'"
					+ resize.get("OS-DCF:diskConfig") + "' is not one of ['AUTO', 'MANUAL']");
		}
		return text.contains("/") ? text.substring(text.lastIndexOf('/') + 1) : text;
	}

	/**
	 * The host a {@code migrate} asks for (2.56: {@code null} or an object with only
	 * {@code host}, a host name of Nova's {@code fqdn} type or {@code null}); before 2.56
	 * the body is not looked at and the scheduler picks, as in Nova.
	 */
	static String migrateHost(Object argument, boolean atLeast256) {
		if (!atLeast256 || argument == null) {
			return null;
		}
		if (!(argument instanceof Map<?, ?>)) {
			throw invalid("migrate", argument, "It is not of type 'object', 'null'.");
		}
		Map<String, Object> body = object("migrate", argument);
		for (String field : new TreeSet<>(body.keySet())) {
			if (!"host".equals(field)) {
				throw new BadRequestException("Invalid input for field/attribute migrate. "
						+ "Additional properties are not allowed ('" + field + "' was unexpected)");
			}
		}
		Object host = body.get("host");
		if (host == null) {
			return null;
		}
		if (!(host instanceof String text)) {
			throw invalid("host", host, "It is not of type 'string', 'null'.");
		}
		return hostName(text);
	}

	/**
	 * An {@code evacuate}'s body, Nova's schema at the request's version: {@code host} (a
	 * host name, optional), {@code adminPass} (a string), {@code onSharedStorage} (a
	 * boolean, required before 2.14, gone from 2.14), {@code force} (a boolean, from 2.29).
	 */
	static Evacuate evacuate(Object argument, Microversion version) {
		Map<String, Object> body = object("evacuate", argument);
		Set<String> fields = new java.util.HashSet<>(Set.of("host", "adminPass"));
		if (!version.isAtLeast(2, 14)) {
			fields.add("onSharedStorage");
		}
		if (version.isAtLeast(2, 29)) {
			fields.add("force");
		}
		for (String field : new TreeSet<>(body.keySet())) {
			if (!fields.contains(field)) {
				throw new BadRequestException("Invalid input for field/attribute evacuate. "
						+ "Additional properties are not allowed ('" + field + "' was unexpected)");
			}
		}
		if (!version.isAtLeast(2, 14) && !body.containsKey("onSharedStorage")) {
			throw new BadRequestException(
					"Invalid input for field/attribute evacuate. 'onSharedStorage' is a required property");
		}
		String host = null;
		if (body.containsKey("host")) {
			Object value = body.get("host");
			if (!(value instanceof String text)) {
				throw invalid("host", value, "It is not of type 'string'.");
			}
			host = hostName(text);
		}
		if (body.containsKey("adminPass") && !(body.get("adminPass") instanceof String)) {
			throw invalid("adminPass", body.get("adminPass"), "It is not of type 'string'.");
		}
		boolean onSharedStorage = body.containsKey("onSharedStorage") && bool("onSharedStorage", body.get("onSharedStorage"));
		boolean force = body.containsKey("force") && bool("force", body.get("force"));
		return new Evacuate(host, (String) body.get("adminPass"), body.containsKey("adminPass"), onSharedStorage, force);
	}

	/**
	 * An {@code os-migrateLive}'s body, Nova's schema at the request's version:
	 * {@code host} (a host name or {@code null}, required), {@code block_migration} (a
	 * boolean, required; {@code "auto"} too from 2.25), {@code disk_over_commit} (a
	 * boolean, required before 2.25, gone from 2.25), {@code force} (a boolean, from 2.30).
	 */
	static LiveMigrate migrateLive(Object argument, Microversion version) {
		Map<String, Object> body = object("os-migrateLive", argument);
		boolean v225 = version.isAtLeast(2, 25);
		Set<String> fields = new java.util.HashSet<>(Set.of("host", "block_migration"));
		if (!v225) {
			fields.add("disk_over_commit");
		}
		if (version.isAtLeast(2, 30)) {
			fields.add("force");
		}
		for (String field : new TreeSet<>(body.keySet())) {
			if (!fields.contains(field)) {
				throw new BadRequestException("Invalid input for field/attribute os-migrateLive. "
						+ "Additional properties are not allowed ('" + field + "' was unexpected)");
			}
		}
		for (String required : v225 ? List.of("block_migration", "host")
				: List.of("block_migration", "disk_over_commit", "host")) {
			if (!body.containsKey(required)) {
				throw new BadRequestException(
						"Invalid input for field/attribute os-migrateLive. '" + required + "' is a required property");
			}
		}
		Object blockMigration = body.get("block_migration");
		Boolean block = (v225 && "auto".equals(blockMigration)) ? null : bool("block_migration", blockMigration);
		if (!v225) {
			bool("disk_over_commit", body.get("disk_over_commit"));
		}
		String host = null;
		Object value = body.get("host");
		if (value != null) {
			if (!(value instanceof String text)) {
				throw invalid("host", value, "It is not of type 'string', 'null'.");
			}
			host = hostName(text);
		}
		boolean force = body.containsKey("force") && bool("force", body.get("force"));
		return new LiveMigrate(host, block, force);
	}

	/**
	 * What an {@code os-migrateLive} asks for.
	 * @param host the destination, {@code null} for the scheduler's pick
	 * @param blockMigration {@code null} for {@code auto}; the disks are always copied here
	 * (no shared instance storage), so both values move the server alike
	 * @param force from 2.30, the host taken without the scheduler's filters
	 */
	record LiveMigrate(String host, Boolean blockMigration, boolean force) {
	}

	/** What an evacuate asks for; {@code host} null for the scheduler's pick. */
	record Evacuate(String host, String adminPass, boolean adminPassGiven, boolean onSharedStorage, boolean force) {
	}

	// Nova's parameter_types.boolean: a JSON boolean or one of its spellings
	private static boolean bool(String field, Object value) {
		if (value instanceof Boolean flag) {
			return flag;
		}
		if (value instanceof String text) {
			if (Set.of("True", "TRUE", "true", "1", "ON", "On", "on", "YES", "Yes", "yes").contains(text)) {
				return true;
			}
			if (Set.of("False", "FALSE", "false", "0", "OFF", "Off", "off", "NO", "No", "no").contains(text)) {
				return false;
			}
		}
		throw invalid(field, value, "It is not one of the boolean values.");
	}

	// Nova's parameter_types.fqdn
	private static String hostName(String text) {
		if (text.isEmpty()) {
			throw invalid("host", text, "'' is too short");
		}
		if (text.length() > 255) {
			throw invalid("host", text, "It is too long");
		}
		if (!FQDN.matcher(text).matches()) {
			throw invalid("host", text, "'" + text + "' does not match '^[a-zA-Z0-9-._]*$'");
		}
		return text;
	}

	/**
	 * The group of {@code addSecurityGroup} or {@code removeSecurityGroup}: an object with
	 * only a non-empty {@code name} (Nova's schema), not blank (Nova's own check).
	 */
	static String securityGroupName(String action, Object argument) {
		Map<String, Object> body = object(action, argument);
		for (String field : new TreeSet<>(body.keySet())) {
			if (!"name".equals(field)) {
				throw new BadRequestException("Invalid input for field/attribute " + action
						+ ". Additional properties are not allowed ('" + field + "' was unexpected)");
			}
		}
		if (!body.containsKey("name")) {
			throw invalid(action, "{}", "'name' is a required property");
		}
		if (!(body.get("name") instanceof String name)) {
			throw invalid("name", body.get("name"), "It is not of type 'string'.");
		}
		if (name.isEmpty()) {
			throw invalid("name", name, "'' is too short");
		}
		if (name.strip().isEmpty()) {
			throw new BadRequestException("Security group name cannot be empty");
		}
		return name;
	}

	private static String name(Object value) {
		if (!(value instanceof String name)) {
			throw invalid("name", value, "It is not of type 'string'.");
		}
		if (name.isEmpty()) {
			throw invalid("name", name, "'' is too short");
		}
		if (name.length() > ServerRequests.MAX_TEXT) {
			throw invalid("name", name, "It is too long");
		}
		if (!Names.isValid(name)) {
			throw new BadRequestException("An invalid 'name' value was provided. The name must be: " + Names.RULE);
		}
		return name;
	}

	// Nova's parameter_types.metadata: an object of strings, keys 1 to 255 characters, values up to 255
	private static void metadata(Object value) {
		if (value == null) {
			return;
		}
		if (!(value instanceof Map<?, ?> metadata)) {
			throw invalid("metadata", value, "It is not of type 'object'.");
		}
		for (Map.Entry<?, ?> entry : metadata.entrySet()) {
			String key = String.valueOf(entry.getKey());
			if (key.isEmpty() || key.length() > ServerRequests.MAX_TEXT) {
				throw invalid("metadata", value, "A key must be 1 to 255 characters.");
			}
			if (!(entry.getValue() instanceof String text) || text.length() > ServerRequests.MAX_TEXT) {
				throw invalid("metadata", value, "Each value must be a string of at most 255 characters.");
			}
		}
	}

	private static String accessIp(Map<String, Object> body, String field, boolean v4) {
		Object value = body.get(field);
		if (value == null || "".equals(value)) {
			return null;
		}
		if (!(value instanceof String address)) {
			throw invalid(field, value, "It is not of type 'string'.");
		}
		boolean valid = v4 ? IPV4.matcher(address).matches() : address.contains(":") && isIpv6(address);
		if (!valid) {
			throw invalid(field, value, "'" + ServerRequests.shown(address) + "' is not a '" + (v4 ? "ipv4" : "ipv6") + "'");
		}
		return address;
	}

	// a literal with a colon is parsed, never looked up, by InetAddress
	private static boolean isIpv6(String address) {
		try {
			return java.net.InetAddress.getByName(address) instanceof java.net.Inet6Address;
		}
		catch (java.net.UnknownHostException ex) {
			return false;
		}
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> object(String action, Object argument) {
		if (!(argument instanceof Map<?, ?> map)) {
			throw invalid(action, argument, "It is not of type 'object'.");
		}
		return (Map<String, Object>) map;
	}

	private static BadRequestException invalid(String field, Object value, String reason) {
		return new BadRequestException("Invalid input for field/attribute " + field + ". Value: "
				+ ServerRequests.shown(String.valueOf(value)) + ". " + reason);
	}

}
