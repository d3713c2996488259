package dev.novaboot.compute.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.novaboot.service.api.BadRequestException;
import dev.novaboot.service.rpc.api.ComputeRpcApi.BlockDevice;
import dev.novaboot.service.rpc.api.ComputeRpcApi.RequestedNetwork;

/**
 * Reads Nova's request bodies, which mix shapes (a network list or {@code "auto"}), and
 * says precisely what is wrong with a bad one.
 */
final class ServerRequests {

	private ServerRequests() {
	}

	/** The body of {@code POST /v2.1/servers}, checked. */
	record CreateServer(String name, String flavorRef, String imageRef, List<RequestedNetwork> networks,
			List<BlockDevice> blockDevices) {
	}

	static CreateServer create(Map<String, Object> body) {
		Map<String, Object> server = object(body, "server", true);
		String name = string(server, "name", true);
		if (name.isBlank() || name.length() > 255) {
			throw new BadRequestException("Invalid input for field/attribute name: must be 1 to 255 characters, not blank.");
		}
		String flavorRef = lastSegment(string(server, "flavorRef", true));
		List<BlockDevice> devices = blockDevices(server.get("block_device_mapping_v2"));
		String imageRef = string(server, "imageRef", false);
		if ((imageRef == null || imageRef.isBlank())) {
			throw new BadRequestException("Missing imageRef attribute: booting from a volume alone is not supported.");
		}
		return new CreateServer(name, flavorRef, lastSegment(imageRef), networks(server.get("networks")), devices);
	}

	private static List<RequestedNetwork> networks(Object networks) {
		if (networks == null || "auto".equals(networks) || "none".equals(networks)) {
			return List.of();
		}
		if (!(networks instanceof List<?> list)) {
			throw new BadRequestException("Invalid input for field/attribute networks: must be a list, \"auto\" or \"none\".");
		}
		List<RequestedNetwork> requested = new ArrayList<>();
		for (Object item : list) {
			if (!(item instanceof Map<?, ?> network)) {
				throw new BadRequestException("Invalid input for field/attribute networks: each network must be an object.");
			}
			Object uuid = network.get("uuid");
			Object fixedIp = network.get("fixed_ip");
			if (network.get("port") != null) {
				throw new BadRequestException("Booting with a port is not supported: give a network uuid.");
			}
			if ((uuid != null && !(uuid instanceof String)) || (fixedIp != null && !(fixedIp instanceof String))) {
				throw new BadRequestException("Invalid input for field/attribute networks: uuid and fixed_ip are strings.");
			}
			requested.add(new RequestedNetwork((String) uuid, (String) fixedIp));
		}
		return requested;
	}

	private static List<BlockDevice> blockDevices(Object mappings) {
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
			if (!"volume".equals(mapping.get("source_type")) || !"volume".equals(mapping.get("destination_type"))
					|| !(mapping.get("uuid") instanceof String uuid)) {
				throw new BadRequestException("Only existing volumes are supported in block_device_mapping_v2: "
						+ "\"source_type\": \"volume\", \"destination_type\": \"volume\" and the volume's \"uuid\".");
			}
			Object bootIndex = mapping.get("boot_index");
			if (bootIndex != null && !"-1".equals(bootIndex.toString()) && !"none".equalsIgnoreCase(bootIndex.toString())) {
				throw new BadRequestException("Booting from a volume is not supported: boot_index must be -1 or absent.");
			}
			Object device = mapping.get("device_name");
			devices.add(new BlockDevice(uuid, (device instanceof String name) ? name : null));
		}
		return devices;
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

	/** The body of {@code POST /servers/{id}/os-volume_attachments}: volume id and device. */
	static String[] volumeAttachment(Map<String, Object> body) {
		Map<String, Object> attachment = object(body, "volumeAttachment", true);
		return new String[] { string(attachment, "volumeId", true), string(attachment, "device", false) };
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
			throw new BadRequestException("Invalid input for field/attribute " + key + ": must be a string.");
		}
		return value.toString();
	}

	/** A reference may be an id or a URL ending in it, as Nova accepts. */
	private static String lastSegment(String reference) {
		String trimmed = reference.strip();
		return trimmed.contains("/") ? trimmed.substring(trimmed.lastIndexOf('/') + 1) : trimmed;
	}

}
