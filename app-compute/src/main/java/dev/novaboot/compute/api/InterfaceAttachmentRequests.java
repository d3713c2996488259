package dev.novaboot.compute.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.regex.Pattern;

import dev.novaboot.service.api.BadRequestException;
import dev.novaboot.service.api.Microversion;
import dev.novaboot.service.api.Uuids;

/**
 * Reads {@code POST /servers/{id}/os-interface} bodies as Nova's
 * {@code schemas/attach_interfaces.py} defines them: {@code interfaceAttachment} (optional)
 * with {@code net_id} and {@code port_id} (uuids), {@code fixed_ips} (exactly one
 * {@code {"ip_address": <IPv4 or IPv6>}}), and from 2.49 {@code tag}; nothing else. Each
 * field's rule is one entry of a table, which is the schema; what fails answers the words
 * of Nova's schema errors, naming the innermost field as Nova's validator does
 * ({@code ip_address}, or {@code 0} for the item of {@code fixed_ips}).
 */
final class InterfaceAttachmentRequests {

	/** Nova's {@code objects.tag.MAX_TAG_LENGTH}. */
	static final int MAX_TAG_LENGTH = 60;

	private static final Pattern TAG = Pattern.compile("^[^,/]*$");

	/** The fields of {@code interfaceAttachment} at 2.1 and their rules. */
	private static final Map<String, BiFunction<String, Object, Object>> FIELDS = fields(false);

	/** From 2.49, {@code tag} too. */
	private static final Map<String, BiFunction<String, Object, Object>> FIELDS_249 = fields(true);

	private InterfaceAttachmentRequests() {
	}

	/**
	 * An attach request, as checked against the schema (Nova's own checks of the
	 * combinations, such as {@code net_id} with {@code port_id}, come after, in
	 * {@link #create}).
	 *
	 * @param netId the network for a new port, or null
	 * @param portId the user's port, or null
	 * @param requestedIp the address of {@code fixed_ips[0]}, or null
	 * @param tag the device tag (2.49), or null
	 */
	record AttachInterface(String netId, String portId, String requestedIp, String tag) {
	}

	/**
	 * @param body the request's JSON object; {@code {}} attaches on the project's one
	 * network, as Nova's schema allows (a body that is no object never reaches here: 400)
	 */
	@SuppressWarnings("unchecked")
	static AttachInterface create(Map<String, Object> body, Microversion version) {
		for (String field : body.keySet()) {
			if (!field.equals("interfaceAttachment")) {
				// a top-level schema error has no field to name (Nova's validator gives the message alone)
				throw new BadRequestException("Additional properties are not allowed ('" + ServerRequests.shown(field)
						+ "' was unexpected)");
			}
		}
		if (!body.containsKey("interfaceAttachment")) {
			return new AttachInterface(null, null, null, null);
		}
		if (!(body.get("interfaceAttachment") instanceof Map<?, ?> raw)) {
			throw ServerRequests.invalid("interfaceAttachment", body.get("interfaceAttachment"),
					"It is not of type 'object'.");
		}
		Map<String, Object> attachment = (Map<String, Object>) raw;
		Map<String, BiFunction<String, Object, Object>> schema = version.isAtLeast(2, 49) ? FIELDS_249 : FIELDS;
		Map<String, Object> read = new LinkedHashMap<>();
		for (Map.Entry<String, Object> field : attachment.entrySet()) {
			BiFunction<String, Object, Object> rule = schema.get(field.getKey());
			if (rule == null) {
				throw ServerRequests.invalid("interfaceAttachment", attachment, "Additional properties are not allowed ('"
						+ ServerRequests.shown(field.getKey()) + "' was unexpected)");
			}
			read.put(field.getKey(), rule.apply(field.getKey(), field.getValue()));
		}
		AttachInterface request = new AttachInterface((String) read.get("net_id"), (String) read.get("port_id"),
				(String) read.get("fixed_ips"), (String) read.get("tag"));
		// the controller's own checks, in Nova's words (attach_interfaces.py create)
		if (request.netId() != null && request.portId() != null) {
			throw new BadRequestException("Must not input both network_id and port_id");
		}
		if (request.requestedIp() != null && request.netId() == null) {
			throw new BadRequestException("Must input network_id when request IP address");
		}
		return request;
	}

	private static Map<String, BiFunction<String, Object, Object>> fields(boolean tag) {
		Map<String, BiFunction<String, Object, Object>> fields = new LinkedHashMap<>();
		fields.put("net_id", InterfaceAttachmentRequests::uuid);
		fields.put("port_id", InterfaceAttachmentRequests::uuid);
		fields.put("fixed_ips", InterfaceAttachmentRequests::fixedIps);
		if (tag) {
			fields.put("tag", InterfaceAttachmentRequests::tag);
		}
		return Map.copyOf(fields);
	}

	// parameter_types.network_id / network_port_id: {'type': 'string', 'format': 'uuid'}
	private static Object uuid(String field, Object value) {
		String text = string(field, value);
		if (!Uuids.isUuid(text)) {
			throw ServerRequests.invalid(field, text, "'" + ServerRequests.shown(text) + "' is not a 'uuid'");
		}
		return text;
	}

	// an array of exactly one {"ip_address": <ipv4 or ipv6>}, nothing else in it; the address is what is kept
	@SuppressWarnings("unchecked")
	private static Object fixedIps(String field, Object value) {
		if (!(value instanceof List<?> list)) {
			throw ServerRequests.invalid(field, value, "It is not of type 'array'.");
		}
		if (list.isEmpty()) {
			throw ServerRequests.invalid(field, value, "[] is too short");
		}
		if (list.size() > 1) {
			throw ServerRequests.invalid(field, value, ServerRequests.shown(String.valueOf(value)) + " is too long");
		}
		if (!(list.get(0) instanceof Map<?, ?> raw)) {
			throw ServerRequests.invalid("0", list.get(0), "It is not of type 'object'.");
		}
		Map<String, Object> item = (Map<String, Object>) raw;
		for (String key : item.keySet()) {
			if (!key.equals("ip_address")) {
				throw ServerRequests.invalid("0", item,
						"Additional properties are not allowed ('" + ServerRequests.shown(key) + "' was unexpected)");
			}
		}
		if (!item.containsKey("ip_address")) {
			throw ServerRequests.invalid("0", item, "'ip_address' is a required property");
		}
		String address = string("ip_address", item.get("ip_address"));
		if (!ServerRequests.isIpv4(address) && !ServerRequests.isIpv6Address(address)) {
			throw ServerRequests.invalid("ip_address", address,
					"'" + ServerRequests.shown(address) + "' is not valid under any of the given schemas");
		}
		return address;
	}

	// parameter_types.tag: a string of 1 to 60 characters without ',' or '/'
	private static Object tag(String field, Object value) {
		String text = string(field, value);
		if (text.isEmpty()) {
			throw ServerRequests.invalid(field, text, "'' is too short");
		}
		if (text.length() > MAX_TAG_LENGTH) {
			throw ServerRequests.invalid(field, text, "'" + ServerRequests.shown(text) + "' is too long");
		}
		if (!TAG.matcher(text).matches()) {
			throw ServerRequests.invalid(field, text,
					"'" + ServerRequests.shown(text) + "' does not match '" + TAG.pattern() + "'");
		}
		return text;
	}

	private static String string(String field, Object value) {
		if (!(value instanceof String text)) {
			throw ServerRequests.invalid(field, value, "It is not of type 'string'.");
		}
		return text;
	}

}
