package dev.novaboot.compute.api;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * What Nova's proxy APIs make of the Networking and Block Storage APIs' answers: a Neutron
 * security group in nova-network's shape ({@code nova.network.security_group_api} and the
 * {@code os-security-groups} controller: ingress rules only, with {@code ip_protocol},
 * {@code from_port}/{@code to_port} filled in, the remote group by name and project), and a
 * Cinder volume in {@code os-volumes}' camel-case shape.
 */
final class ProxyViews {

	private ProxyViews() {
	}

	/**
	 * @param group a Neutron security group
	 * @param remoteGroups a remote group's {@code name} and {@code tenant_id} by its id, or
	 * {@code null} for a group that no longer exists (its rules are left out, as Nova leaves them)
	 */
	static Map<String, Object> securityGroup(Map<String, Object> group,
			Function<String, Map<String, Object>> remoteGroups) {
		Map<String, Object> view = new LinkedHashMap<>();
		view.put("id", group.get("id"));
		view.put("description", group.get("description"));
		view.put("name", group.get("name"));
		view.put("tenant_id", group.get("tenant_id"));
		List<Map<String, Object>> rules = new ArrayList<>();
		for (Map<String, Object> rule : listOf(group.get("security_group_rules"))) {
			if (!"ingress".equals(rule.get("direction"))) {
				continue;
			}
			Map<String, Object> shown = rule(rule);
			Object remoteGroup = rule.get("remote_group_id");
			if (remoteGroup != null) {
				Map<String, Object> remote = remoteGroups.apply((String) remoteGroup);
				if (remote == null) {
					continue;
				}
				shown.put("group", remote);
			}
			else {
				Object prefix = rule.get("remote_ip_prefix");
				shown.put("ip_range", Map.of("cidr", (prefix != null && !"".equals(prefix)) ? prefix : "0.0.0.0/0"));
			}
			rules.add(shown);
		}
		view.put("rules", rules);
		return view;
	}

	/** The {@code name} and {@code tenant_id} a rule shows of its remote group. */
	static Map<String, Object> groupReference(Map<String, Object> group) {
		Map<String, Object> reference = new LinkedHashMap<>();
		reference.put("name", group.get("name"));
		reference.put("tenant_id", group.get("tenant_id"));
		return reference;
	}

	private static Map<String, Object> rule(Map<String, Object> rule) {
		Map<String, Object> shown = new LinkedHashMap<>();
		shown.put("id", rule.get("id"));
		shown.put("parent_group_id", rule.get("security_group_id"));
		Object protocol = rule.get("protocol");
		shown.put("ip_protocol", protocol);
		Object from = rule.get("port_range_min");
		Object to = rule.get("port_range_max");
		// a protocol without ports is all of them: 1-65535 for tcp and udp, -1 otherwise
		if (protocol != null && from == null && to == null) {
			boolean ported = List.of("TCP", "UDP").contains(protocol.toString().toUpperCase(Locale.ROOT));
			from = ported ? 1 : -1;
			to = ported ? 65535 : -1;
		}
		shown.put("from_port", from);
		shown.put("to_port", to);
		shown.put("group", Map.of());
		shown.put("ip_range", Map.of());
		return shown;
	}

	/** A Cinder volume as {@code os-volumes} shows it. */
	static Map<String, Object> volume(Map<String, Object> volume) {
		Map<String, Object> view = new LinkedHashMap<>();
		view.put("id", volume.get("id"));
		view.put("status", volume.get("status"));
		view.put("size", volume.get("size"));
		view.put("availabilityZone", volume.get("availability_zone"));
		view.put("createdAt", volume.get("created_at"));
		List<Map<String, Object>> attachments = listOf(volume.get("attachments"));
		if (attachments.isEmpty()) {
			view.put("attachments", List.of(Map.of()));
		}
		else {
			// Nova keeps one attachment per server, keyed by the server
			Map<Object, Map<String, Object>> byServer = new LinkedHashMap<>();
			for (Map<String, Object> attachment : attachments) {
				byServer.put(attachment.get("server_id"), attachment);
			}
			Map.Entry<Object, Map<String, Object>> first = byServer.entrySet().iterator().next();
			Map<String, Object> shown = new LinkedHashMap<>();
			shown.put("id", volume.get("id"));
			shown.put("volumeId", volume.get("id"));
			shown.put("serverId", first.getKey());
			Object device = first.getValue().get("device");
			if (device != null && !"".equals(device)) {
				shown.put("device", device);
			}
			view.put("attachments", List.of(shown));
		}
		view.put("displayName", volume.get("name"));
		view.put("displayDescription", volume.get("description"));
		view.put("volumeType", volume.get("volume_type"));
		view.put("snapshotId", volume.get("snapshot_id"));
		view.put("metadata", (volume.get("metadata") instanceof Map<?, ?> metadata) ? metadata : Map.of());
		return view;
	}

	@SuppressWarnings("unchecked")
	static List<Map<String, Object>> listOf(Object value) {
		return (value instanceof List<?> list) ? (List<Map<String, Object>>) list : List.of();
	}

}
