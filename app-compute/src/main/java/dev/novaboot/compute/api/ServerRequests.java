package dev.novaboot.compute.api;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import dev.novaboot.compute.manager.InstanceTags;
import dev.novaboot.service.api.BadRequestException;
import dev.novaboot.service.api.ComputeMicroversions;
import dev.novaboot.service.api.Microversion;
import dev.novaboot.service.api.Names;
import dev.novaboot.service.api.Uuids;
import dev.novaboot.service.rpc.api.ComputeRpcApi.BlockDevice;
import dev.novaboot.service.rpc.api.RequestedNetwork;

/**
 * Reads Nova's request bodies, which mix shapes (a network list or {@code "auto"}), and
 * says precisely what is wrong with a bad one. Every string that is stored is checked
 * against its column in V1__compute.sql and every id against the uuid form (Nova's
 * {@code schemas/servers.py} and {@code parameter_types.py}; where a column is shorter
 * than what Nova takes, the column decides and the message says so), before anything is
 * recorded, scheduled or asked of another service.
 */
final class ServerRequests {

	/** {@code instances.name}, {@code instances.flavor_id}: Nova's 255. */
	static final int MAX_TEXT = 255;

	/** Nova's {@code MAX_TAG_LENGTH}. */
	static final int MAX_TAG = 60;

	/** {@code volume_attachments.device}; Nova takes device names of up to 255. */
	static final int MAX_DEVICE = 64;

	// Nova's block_device_mapping_v2 device_name
	private static final Pattern DEVICE_NAME = Pattern.compile("[a-zA-Z0-9._/-]+");

	// Nova's volumeAttachment device (nova/block_device.py match_device)
	private static final Pattern ATTACH_DEVICE = Pattern.compile("(^/dev/x{0,1}[a-z]{0,1}d{0,1})([a-z]+)[0-9]*$");

	private static final Pattern IPV4 = Pattern
		.compile("((25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])\\.){3}(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])");

	// how much of a bad value a message quotes back
	private static final int SHOWN = 64;

	private ServerRequests() {
	}

	/**
	 * The body of {@code POST /v2.1/servers}, checked.
	 * @param metadata the server's metadata (Nova's limits, {@link MetadataRequests})
	 * @param accessIpV4 the IPv4 address the user says it is reached at, or null
	 * @param accessIpV6 the IPv6 address, or null
	 * @param keyName a key pair's name, or null (none exists here: any name is refused)
	 * @param securityGroups the security groups' names asked for (only {@code default} exists)
	 * @param minCount the fewest servers to boot
	 * @param maxCount the most servers to boot (at least {@code minCount})
	 * @param returnReservationId whether the answer is the reservation id rather than the server
	 */
	record CreateServer(String name, String flavorRef, String imageRef, List<RequestedNetwork> networks,
			List<BlockDevice> blockDevices, String description, List<String> tags, Map<String, String> metadata,
			String accessIpV4, String accessIpV6, String keyName, List<String> securityGroups, int minCount,
			int maxCount, boolean returnReservationId, String availabilityZone, String group) {
	}

	/**
	 * The body of {@code PUT /v2.1/servers/{id}}: what is absent is null and unchanged;
	 * {@code describe} says whether a description (2.19, may be null) was given.
	 */
	record UpdateServer(String name, String accessIpV4, String accessIpV6, boolean describe, String description) {
	}

	// what Nova's create schema knows of a server (schemas/servers.py base_create); the
	// fields of later versions are added by version, anything else is refused as Nova does
	private static final Set<String> CREATE_FIELDS = Set.of("name", "imageRef", "flavorRef", "adminPass", "metadata",
			"networks", "OS-DCF:diskConfig", "accessIPv4", "accessIPv6", "personality", "availability_zone",
			"block_device_mapping", "block_device_mapping_v2", "config_drive", "key_name", "min_count", "max_count",
			"return_reservation_id", "security_groups", "user_data", "description", "tags");

	private static final Set<String> BODY_FIELDS = Set.of("server", "os:scheduler_hints", "OS-SCH-HNT:scheduler_hints");

	// Nova's parameter_types.boolean
	private static final Set<Object> TRUE = Set.of(true, "True", "TRUE", "true", "1", "ON", "On", "on", "YES", "Yes",
			"yes");

	private static final Set<Object> FALSE = Set.of(false, "False", "FALSE", "false", "0", "OFF", "Off", "off", "NO",
			"No", "no");

	// Nova's positive_integer / non_negative_integer pattern
	private static final Pattern DIGITS = Pattern.compile("[0-9]+");

	/** The body at microversion 2.1. */
	static CreateServer create(Map<String, Object> body) {
		return create(body, ComputeMicroversions.MINIMUM);
	}

	/**
	 * The body at {@code version}: {@code description} from 2.19, device {@code tag}s of
	 * networks (2.32 to 2.36 and from 2.42) and block devices (2.32 and from 2.42),
	 * {@code networks} required and {@code "auto"}/{@code "none"} from 2.37, {@code tags}
	 * from 2.52; a field of a later version is refused as Nova's schema refuses it.
	 */
	static CreateServer create(Map<String, Object> body, Microversion version) {
		Map<String, Object> server = object(body, "server", true);
		onlyKnown(body, BODY_FIELDS, null);
		onlyKnown(server, CREATE_FIELDS, "server");
		String description = null;
		if (server.containsKey("description")) {
			requireVersion(version.isAtLeast(2, 19), "server", "description");
			description = description(server.get("description"));
		}
		List<String> tags = List.of();
		if (server.containsKey("tags")) {
			requireVersion(version.isAtLeast(2, 52), "server", "tags");
			tags = tags(server.get("tags"), "tags");
		}
		if (version.isAtLeast(2, 37) && !server.containsKey("networks")) {
			throw new BadRequestException("Invalid input for field/attribute server. 'networks' is a required property");
		}
		if (!version.isAtLeast(2, 37) && server.get("networks") instanceof String text) {
			throw invalid("networks", text, "It is not of type 'array' (\"auto\" and \"none\" are microversion 2.37's).");
		}
		String name = name(text(server, "name", true));
		String flavorRef = string(server, "flavorRef", true);
		if (flavorRef.isEmpty()) {
			throw invalid("flavorRef", flavorRef, "'' is too short");
		}
		checkLength("flavorRef", flavorRef, MAX_TEXT);
		String imageRef = string(server, "imageRef", false);
		if ((imageRef == null || imageRef.isBlank())) {
			throw new BadRequestException("Missing imageRef attribute: booting from a volume alone is not supported.");
		}
		// an id, or a URL that ends in it
		String imageId = lastSegment(imageRef);
		if (!Uuids.isUuid(imageId)) {
			throw notUuid("imageRef", imageRef);
		}
		if (server.containsKey("networks") && server.get("networks") == null) {
			// absent is the 2.1 default; null is no list, "none" or "auto" (Nova's schema)
			throw invalid("networks", null, "It must be a list of networks, \"auto\" or \"none\".");
		}
		boolean networkTags = (version.isAtLeast(2, 32) && !version.isAtLeast(2, 37)) || version.isAtLeast(2, 42);
		List<RequestedNetwork> networks = networks(server.get("networks"), networkTags);
		boolean deviceTags = (version.isAtLeast(2, 32) && !version.isAtLeast(2, 33)) || version.isAtLeast(2, 42);
		List<BlockDevice> devices = blockDevices(server.get("block_device_mapping_v2"), deviceTags);
		Map<String, String> metadata = server.containsKey("metadata")
				? MetadataRequests.metadata(server.get("metadata"), "metadata") : Map.of();
		String accessIpV4 = accessIpV4(server.get("accessIPv4"));
		String accessIpV6 = accessIpV6(server.get("accessIPv6"));
		String keyName = null;
		if (server.containsKey("key_name")) {
			keyName = name("key_name", server.get("key_name"));
		}
		List<String> securityGroups = securityGroups(server.get("security_groups"));
		int minCount = server.containsKey("min_count") ? positiveInteger("min_count", server.get("min_count")) : 1;
		int maxCount = server.containsKey("max_count") ? positiveInteger("max_count", server.get("max_count"))
				: minCount;
		if (minCount > maxCount) {
			throw new BadRequestException("min_count must be <= max_count");
		}
		boolean returnReservationId = server.containsKey("return_reservation_id")
				&& bool("return_reservation_id", server.get("return_reservation_id"));
		if (maxCount > 1 && networks.stream().anyMatch((network) -> network.fixedIp() != null)) {
			throw new BadRequestException(
					"Failed to launch instances: max_count cannot be greater than 1 if an fixed_ip is specified.");
		}
		String availabilityZone = server.containsKey("availability_zone")
				? name("availability_zone", server.get("availability_zone")) : null;
		return new CreateServer(name, lastSegment(flavorRef), imageId, networks, devices, description, tags, metadata,
				accessIpV4, accessIpV6, keyName, securityGroups, minCount, maxCount, returnReservationId,
				availabilityZone, group(body));
	}

	/**
	 * The server group of the scheduler hints ({@code os:scheduler_hints}, or the legacy
	 * {@code OS-SCH-HNT:scheduler_hints}): a uuid, or a list of one (Nova's schema); the
	 * other hints are accepted and ignored, as Nova ignores hints no filter reads.
	 */
	private static String group(Map<String, Object> body) {
		Object hints = body.containsKey("os:scheduler_hints") ? body.get("os:scheduler_hints")
				: body.get("OS-SCH-HNT:scheduler_hints");
		if (hints == null) {
			return null;
		}
		if (!(hints instanceof Map<?, ?> map)) {
			throw invalid("os:scheduler_hints", hints, "It is not of type 'object'.");
		}
		Object group = map.get("group");
		if (group instanceof List<?> list && list.size() == 1) {
			group = list.get(0);
		}
		if (group == null) {
			return null;
		}
		if (!(group instanceof String uuid) || !Uuids.isUuid(uuid)) {
			throw invalid("group", group, "It is not a 'uuid'.");
		}
		return uuid;
	}

	/**
	 * The body of {@code PUT /v2.1/servers/{id}} at {@code version} (Nova's
	 * {@code base_update}, with {@code description} from 2.19).
	 */
	static UpdateServer update(Map<String, Object> body, Microversion version) {
		Map<String, Object> server = object(body, "server", true);
		onlyKnown(body, Set.of("server"), null);
		onlyKnown(server, version.isAtLeast(2, 19)
				? Set.of("name", "OS-DCF:diskConfig", "accessIPv4", "accessIPv6", "description")
				: Set.of("name", "OS-DCF:diskConfig", "accessIPv4", "accessIPv6"), "server");
		String name = server.containsKey("name") ? name(text(server, "name", true)) : null;
		diskConfig(server.get("OS-DCF:diskConfig"));
		boolean describe = server.containsKey("description");
		String description = describe ? description(server.get("description")) : null;
		return new UpdateServer(name, accessIpV4(server.get("accessIPv4")), accessIpV6(server.get("accessIPv6")),
				describe, description);
	}

	/** Nova's {@code accessIPv4}: a string in IPv4's dotted form, or absent. */
	private static String accessIpV4(Object value) {
		if (value == null) {
			return null;
		}
		if (!(value instanceof String address)) {
			throw invalid("accessIPv4", value, "It is not of type 'string'.");
		}
		if (!IPV4.matcher(address).matches()) {
			throw invalid("accessIPv4", address, "'" + shown(address) + "' is not a 'ipv4'");
		}
		return address;
	}

	/** Nova's {@code accessIPv6}: a string in IPv6's form, or absent. */
	private static String accessIpV6(Object value) {
		if (value == null) {
			return null;
		}
		if (!(value instanceof String address)) {
			throw invalid("accessIPv6", value, "It is not of type 'string'.");
		}
		if (!isIpv6(address)) {
			throw invalid("accessIPv6", address, "'" + shown(address) + "' is not a 'ipv6'");
		}
		return address;
	}

	/** Whether the text is an IPv4 address in dotted form (Nova's {@code ipv4} format). */
	static boolean isIpv4(String address) {
		return IPV4.matcher(address).matches();
	}

	/** Whether the text is an IPv6 address literal (Nova's {@code ipv6} format). */
	static boolean isIpv6Address(String address) {
		return isIpv6(address);
	}

	// a literal only: hex digits and colons (an IPv4 tail may end it), never a name to resolve
	private static boolean isIpv6(String address) {
		if (address.length() > 39 + 6 || address.indexOf(':') < 0 || !address.matches("[0-9a-fA-F:.]+")) {
			return false;
		}
		try {
			return InetAddress.getByName(address) instanceof Inet6Address;
		}
		catch (UnknownHostException ex) {
			return false;
		}
	}

	// Nova's disk_config: AUTO or MANUAL; accepted and not kept (every disk is MANUAL here)
	private static void diskConfig(Object value) {
		if (value != null && !"AUTO".equals(value) && !"MANUAL".equals(value)) {
			throw invalid("OS-DCF:diskConfig", value, "'" + shown(String.valueOf(value))
					+ "' is not one of ['AUTO', 'MANUAL']");
		}
	}

	/** Nova's {@code parameter_types.name} for a field other than the server's name. */
	private static String name(String field, Object value) {
		if (!(value instanceof String name)) {
			throw invalid(field, value, "It is not of type 'string'.");
		}
		if (name.isEmpty()) {
			throw invalid(field, name, "'' is too short");
		}
		checkLength(field, name, MAX_TEXT);
		if (!Names.isValid(name)) {
			throw invalid(field, name, "The name must be: " + Names.RULE);
		}
		return name;
	}

	/** Nova's {@code security_groups}: a list of objects with a {@code name}, each name once. */
	private static List<String> securityGroups(Object value) {
		if (value == null) {
			return List.of();
		}
		if (!(value instanceof List<?> list)) {
			throw invalid("security_groups", value, "It is not of type 'array'.");
		}
		Set<String> names = new LinkedHashSet<>();
		for (Object item : list) {
			if (!(item instanceof Map<?, ?> group)) {
				throw invalid("security_groups", item, "It is not of type 'object'.");
			}
			for (Object key : group.keySet()) {
				if (!"name".equals(key)) {
					throw new BadRequestException("Invalid input for field/attribute security_groups. "
							+ "Additional properties are not allowed ('" + key + "' was unexpected)");
				}
			}
			if (group.get("name") != null) {
				names.add(name("name", group.get("name")));
			}
		}
		return List.copyOf(names);
	}

	/** Nova's {@code positive_integer}: an integer, or a string of digits, of at least 1. */
	private static int positiveInteger(String field, Object value) {
		String digits;
		if (value instanceof Integer || value instanceof Long) {
			digits = value.toString();
			if (((Number) value).longValue() < 1) {
				throw invalid(field, value, value + " is less than the minimum of 1");
			}
		}
		else if (value instanceof String text) {
			digits = text;
		}
		else {
			throw invalid(field, value, "It is not of type 'integer', 'string'.");
		}
		if (!DIGITS.matcher(digits).matches()) {
			throw invalid(field, value, "'" + shown(digits) + "' does not match '^[0-9]*$'");
		}
		try {
			int count = Integer.parseInt(digits);
			if (count < 1) {
				throw invalid(field, value, value + " is less than the minimum of 1");
			}
			return count;
		}
		catch (NumberFormatException ex) {
			throw invalid(field, value, "It is too large.");
		}
	}

	/** Nova's {@code parameter_types.boolean}: true or false, or one of their spellings as strings. */
	static boolean bool(String field, Object value) {
		if (TRUE.contains(value)) {
			return true;
		}
		if (FALSE.contains(value)) {
			return false;
		}
		throw invalid(field, value, "'" + shown(String.valueOf(value)) + "' is not one of the boolean values.");
	}

	/** Refuses the properties an object's schema does not know, in Nova's words. */
	private static void onlyKnown(Map<String, Object> object, Set<String> known, String name) {
		if (object == null) {
			return;
		}
		for (String key : object.keySet()) {
			if (!known.contains(key)) {
				throw new BadRequestException("Invalid input for field/attribute " + ((name != null) ? name : "body")
						+ ". Additional properties are not allowed ('" + shown(key) + "' was unexpected)");
			}
		}
	}

	/**
	 * Nova's {@code parameter_types.description}: null, or up to 255 characters, each a
	 * letter, number, punctuation, symbol or separator (no control characters).
	 */
	static String description(Object value) {
		if (value == null) {
			return null;
		}
		if (!(value instanceof String text)) {
			throw invalid("description", value, "It is not of type 'string'.");
		}
		checkLength("description", text, MAX_TEXT);
		if (!text.codePoints().allMatch(ServerRequests::printable)) {
			throw invalid("description", text, "It contains a character that is not printable.");
		}
		return text;
	}

	/** A list of server tags (2.26): at most 50, each as {@link #tag}. */
	static List<String> tags(Object value, String field) {
		if (!(value instanceof List<?> list)) {
			throw invalid(field, value, "It is not of type 'array'.");
		}
		if (list.size() > InstanceTags.MAX_TAGS) {
			throw invalid(field, list.size() + " tags", "It is too long: at most " + InstanceTags.MAX_TAGS + " tags.");
		}
		List<String> tags = new ArrayList<>();
		for (Object tag : list) {
			tags.add(tag(tag, field));
		}
		return tags;
	}

	/** Nova's {@code parameter_types.tag}: a string of 1 to 60 characters without '/' or ','. */
	static String tag(Object value, String field) {
		if (!(value instanceof String tag)) {
			throw invalid(field, value, "It is not of type 'string'.");
		}
		if (tag.isEmpty() || tag.length() > MAX_TAG || tag.indexOf('/') >= 0 || tag.indexOf(',') >= 0) {
			throw invalid(field, tag, "A tag is 1 to " + MAX_TAG + " characters, without '/' and ','.");
		}
		return tag;
	}

	// Nova's printable: letters, marks, numbers, punctuation, symbols and separators
	private static boolean printable(int codePoint) {
		return switch (Character.getType(codePoint)) {
			case Character.CONTROL, Character.FORMAT, Character.PRIVATE_USE, Character.SURROGATE,
					Character.UNASSIGNED -> false;
			default -> true;
		};
	}

	private static void requireVersion(boolean supported, String object, String field) {
		if (!supported) {
			throw new BadRequestException("Invalid input for field/attribute " + object
					+ ". Additional properties are not allowed ('" + field + "' was unexpected)");
		}
	}

	/** Nova's {@code parameter_types.name}: 1 to 255 printable characters, no whitespace at either end. */
	private static String name(String name) {
		if (name.isEmpty()) {
			throw invalid("name", name, "'' is too short");
		}
		checkLength("name", name, MAX_TEXT);
		if (!Names.isValid(name)) {
			throw new BadRequestException("An invalid 'name' value was provided. The name must be: " + Names.RULE);
		}
		return name;
	}

	/**
	 * Nova 2.37's {@code networks}: {@code "none"} (no ports), {@code "auto"} (the one
	 * network the project may use, made for it if it has none), or a list of networks by
	 * uuid, each with an optional fixed IP. Absent, as before 2.37, it means the network
	 * service's defaults.
	 */
	private static List<RequestedNetwork> networks(Object networks, boolean tagsAllowed) {
		if (networks == null) {
			return List.of();
		}
		if ("none".equals(networks)) {
			return List.of(RequestedNetwork.none());
		}
		if ("auto".equals(networks)) {
			return List.of(RequestedNetwork.auto());
		}
		if (!(networks instanceof List<?> list)) {
			throw invalid("networks", networks, "It must be a list of networks, \"auto\" or \"none\".");
		}
		List<RequestedNetwork> requested = new ArrayList<>();
		for (Object item : list) {
			if (!(item instanceof Map<?, ?> network)) {
				throw new BadRequestException("Bad networks format");
			}
			if (network.containsKey("tag")) {
				requireVersion(tagsAllowed, "networks", "tag");
				tag(network.get("tag"), "tag");
			}
			if (network.get("port") != null) {
				throw new BadRequestException("Booting with a port is not supported: give a network uuid.");
			}
			Object uuid = network.get("uuid");
			if (uuid == null) {
				throw new BadRequestException("Bad network format: missing 'uuid'");
			}
			// Nova's _validate_network_id
			if (!(uuid instanceof String id) || !Uuids.isUuid(id)) {
				throw new BadRequestException(
						"Bad networks format: network uuid is not in proper format (" + shown(String.valueOf(uuid)) + ")");
			}
			Object fixedIp = network.get("fixed_ip");
			if (fixedIp != null && !(fixedIp instanceof String address && IPV4.matcher(address).matches())) {
				throw invalid("fixed_ip", fixedIp, "It is not an IPv4 address (this service's networks are IPv4 only).");
			}
			requested.add(new RequestedNetwork(id, (String) fixedIp));
		}
		return requested;
	}

	private static List<BlockDevice> blockDevices(Object mappings, boolean tagsAllowed) {
		if (mappings == null) {
			return List.of();
		}
		if (!(mappings instanceof List<?> list)) {
			throw new BadRequestException("Invalid input for field/attribute block_device_mapping_v2: must be a list.");
		}
		List<BlockDevice> devices = new ArrayList<>();
		for (Object item : list) {
			if (!(item instanceof Map<?, ?> mapping)) {
				throw new BadRequestException("Invalid input for field/attribute block_device_mapping_v2: each mapping must be an object.");
			}
			if (mapping.containsKey("tag")) {
				requireVersion(tagsAllowed, "block_device_mapping_v2", "tag");
				tag(mapping.get("tag"), "tag");
			}
			if (!"volume".equals(mapping.get("source_type")) || !"volume".equals(mapping.get("destination_type"))
					|| mapping.get("uuid") == null) {
				throw new BadRequestException("Only existing volumes are supported in block_device_mapping_v2: "
						+ "\"source_type\": \"volume\", \"destination_type\": \"volume\" and the volume's \"uuid\".");
			}
			// volumes are known by uuids here (Nova's pattern for this field is looser)
			if (!(mapping.get("uuid") instanceof String uuid) || !Uuids.isUuid(uuid)) {
				throw notUuid("uuid", mapping.get("uuid"));
			}
			Object bootIndex = mapping.get("boot_index");
			if (bootIndex != null && !"-1".equals(bootIndex.toString()) && !"none".equalsIgnoreCase(bootIndex.toString())) {
				throw new BadRequestException("Booting from a volume is not supported: boot_index must be -1 or absent.");
			}
			devices.add(new BlockDevice(uuid, deviceName(mapping.get("device_name"))));
		}
		return devices;
	}

	private static String deviceName(Object device) {
		if (device == null) {
			return null;
		}
		if (!(device instanceof String name)) {
			throw invalid("device_name", device, "It is not of type 'string'.");
		}
		checkLength("device_name", name, MAX_DEVICE);
		if (!DEVICE_NAME.matcher(name).matches()) {
			throw invalid("device_name", name, "It does not match '^[a-zA-Z0-9._/-]*$' or is empty.");
		}
		return name;
	}

	/** The one action of a {@code POST /servers/{id}/action} body and its argument. */
	record Action(String name, Object argument) {
	}

	static Action action(Map<String, Object> body) {
		if (body == null || body.size() != 1) {
			throw new BadRequestException("The action body must hold exactly one action, such as {\"os-stop\": null}.");
		}
		Map.Entry<String, Object> entry = body.entrySet().iterator().next();
		return new Action(entry.getKey(), entry.getValue());
	}

	static String rebootType(Object argument) {
		if (!(argument instanceof Map<?, ?> reboot) || !(reboot.get("type") instanceof String type)) {
			throw new BadRequestException("Missing argument 'type' for reboot: \"SOFT\" or \"HARD\".");
		}
		String upper = type.toUpperCase();
		if (!upper.equals("SOFT") && !upper.equals("HARD")) {
			throw new BadRequestException("Argument 'type' for reboot must be \"HARD\" or \"SOFT\", not \"" + type + "\".");
		}
		return upper;
	}

	static Integer consoleLength(Object argument) {
		if (argument == null) {
			return null;
		}
		if (!(argument instanceof Map<?, ?> console)) {
			throw new BadRequestException("os-getConsoleOutput takes an object, such as {\"length\": 50}.");
		}
		Object length = console.get("length");
		if (length == null) {
			return null;
		}
		try {
			int lines = Integer.parseInt(length.toString());
			if (lines == -1) {
				return null;
			}
			if (lines < 0) {
				throw new NumberFormatException();
			}
			return lines;
		}
		catch (NumberFormatException ex) {
			throw new BadRequestException("Invalid input for field/attribute length: must be a non-negative integer or -1.");
		}
	}

	/** The body of {@code POST /servers/{id}/os-volume_attachments}: volume id and device (and a device tag from 2.49). */
	static String[] volumeAttachment(Map<String, Object> body, Microversion version) {
		Map<String, Object> attachment = object(body, "volumeAttachment", true);
		if (attachment.containsKey("tag")) {
			requireVersion(version.isAtLeast(2, 49), "volumeAttachment", "tag");
			tag(attachment.get("tag"), "tag");
		}
		Object volumeId = attachment.get("volumeId");
		if (volumeId == null) {
			throw new BadRequestException("Missing volumeId attribute.");
		}
		if (!(volumeId instanceof String id) || !Uuids.isUuid(id)) {
			throw notUuid("volumeId", volumeId);
		}
		String device = text(attachment, "device", false);
		if (device != null) {
			checkLength("device", device, MAX_DEVICE);
			if (!ATTACH_DEVICE.matcher(device).matches()) {
				throw invalid("device", device, "It does not match '(^/dev/x{0,1}[a-z]{0,1}d{0,1})([a-z]+)[0-9]*$'.");
			}
		}
		return new String[] { id, device };
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> object(Map<String, Object> body, String key, boolean required) {
		Object value = (body != null) ? body.get(key) : null;
		if (value instanceof Map<?, ?> map) {
			return (Map<String, Object>) map;
		}
		if (value == null && !required) {
			return Map.of();
		}
		throw new BadRequestException("The request body must be an object with \"" + key + "\": {...}.");
	}

	private static String string(Map<String, Object> body, String key, boolean required) {
		Object value = body.get(key);
		if (value == null) {
			if (required) {
				throw new BadRequestException("Missing " + key + " attribute.");
			}
			return null;
		}
		if (!(value instanceof String) && !(value instanceof Number)) {
			throw invalid(key, value, "It is not of type 'string'.");
		}
		return value.toString();
	}

	/** A string, and only a string (where {@link #string} also takes a number, as flavorRef may be). */
	private static String text(Map<String, Object> body, String key, boolean required) {
		Object value = body.get(key);
		if (value != null && !(value instanceof String)) {
			throw invalid(key, value, "It is not of type 'string'.");
		}
		return string(body, key, required);
	}

	/** A string no longer than its column; the column's size is what the message gives. */
	private static void checkLength(String field, String value, int maxLength) {
		if (value.length() > maxLength) {
			throw invalid(field, value, "It is too long: " + value.length() + " characters, at most " + maxLength
					+ ((maxLength < MAX_TEXT) ? " (the size of this service's column; Nova takes 255)." : "."));
		}
	}

	// the words of Nova's schema errors: "Invalid input for field/attribute <f>. Value: <v>. <why>"
	static BadRequestException invalid(String field, Object value, String reason) {
		return new BadRequestException(
				"Invalid input for field/attribute " + field + ". Value: " + shown(String.valueOf(value)) + ". " + reason);
	}

	private static BadRequestException notUuid(String field, Object value) {
		return invalid(field, value, "'" + shown(String.valueOf(value)) + "' is not a 'uuid'");
	}

	/** The value as a message quotes it: whole when short, else its start and its length. */
	static String shown(String value) {
		return (value.length() <= SHOWN) ? value : value.substring(0, SHOWN) + "... (" + value.length() + " characters)";
	}

	/** A reference may be an id or a URL ending in it, as Nova accepts. */
	private static String lastSegment(String reference) {
		String trimmed = reference.strip();
		return trimmed.contains("/") ? trimmed.substring(trimmed.lastIndexOf('/') + 1) : trimmed;
	}

}
