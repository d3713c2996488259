package dev.novaboot.compute.api;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What Nova's proxy APIs show of Neutron's groups and Cinder's volumes.
 */
class ProxyViewsTests {

	private static final Map<String, Object> WEB = Map.of("id", "g-web", "name", "web", "description", "web servers",
			"tenant_id", "p-1", "security_group_rules", List.of(
					Map.of("id", "r-ssh", "security_group_id", "g-web", "direction", "ingress", "protocol", "tcp",
							"port_range_min", 22, "port_range_max", 22, "remote_ip_prefix", "10.0.0.0/8"),
					rule("r-tcp", "ingress", "tcp", null), rule("r-icmp", "ingress", "icmp", null),
					rule("r-any", "ingress", null, null), rule("r-peers", "ingress", null, "g-web"),
					rule("r-gone", "ingress", null, "g-gone"), rule("r-out", "egress", null, null)));

	@Test
	void aNeutronGroupShowsItsIngressRulesInNovaNetworksShape() {
		Map<String, Object> shown = ProxyViews.securityGroup(WEB,
				(id) -> id.equals("g-web") ? ProxyViews.groupReference(WEB) : null);
		assertThat(shown).containsEntry("id", "g-web")
			.containsEntry("name", "web")
			.containsEntry("description", "web servers")
			.containsEntry("tenant_id", "p-1");
		@SuppressWarnings("unchecked")
		List<Map<String, Object>> rules = (List<Map<String, Object>>) shown.get("rules");
		// egress rules and rules of a vanished remote group are left out
		assertThat(rules).extracting((rule) -> rule.get("id")).containsExactly("r-ssh", "r-tcp", "r-icmp", "r-any",
				"r-peers");
		assertThat(rules.get(0)).containsEntry("parent_group_id", "g-web")
			.containsEntry("ip_protocol", "tcp")
			.containsEntry("from_port", 22)
			.containsEntry("to_port", 22)
			.containsEntry("ip_range", Map.of("cidr", "10.0.0.0/8"))
			.containsEntry("group", Map.of());
		assertThat(rules.get(1)).containsEntry("from_port", 1).containsEntry("to_port", 65535);
		assertThat(rules.get(2)).containsEntry("from_port", -1).containsEntry("to_port", -1);
		assertThat(rules.get(3)).containsEntry("ip_protocol", null)
			.containsEntry("from_port", null)
			.containsEntry("ip_range", Map.of("cidr", "0.0.0.0/0"));
		assertThat(rules.get(4)).containsEntry("group", Map.of("name", "web", "tenant_id", "p-1"))
			.containsEntry("ip_range", Map.of());
	}

	@Test
	void aCinderVolumeShowsInCamelCaseWithOneAttachmentOrOneEmptyObject() {
		Map<String, Object> volume = Map.of("id", "v-1", "status", "in-use", "size", 2, "availability_zone", "nova",
				"created_at", "2026-12-01T08:00:00.000000", "name", "data", "description", "db files", "volume_type",
				"__DEFAULT__", "metadata", Map.of("k", "v"), "attachments",
				List.of(Map.of("server_id", "s-1", "attachment_id", "a-1", "device", "/dev/vdb")));
		Map<String, Object> shown = ProxyViews.volume(volume);
		assertThat(shown).containsOnlyKeys("id", "status", "size", "availabilityZone", "createdAt", "attachments",
				"displayName", "displayDescription", "volumeType", "snapshotId", "metadata");
		assertThat(shown).containsEntry("availabilityZone", "nova")
			.containsEntry("createdAt", "2026-12-01T08:00:00.000000")
			.containsEntry("displayName", "data")
			.containsEntry("displayDescription", "db files")
			.containsEntry("volumeType", "__DEFAULT__")
			.containsEntry("snapshotId", null)
			.containsEntry("metadata", Map.of("k", "v"))
			.containsEntry("attachments",
					List.of(Map.of("id", "v-1", "volumeId", "v-1", "serverId", "s-1", "device", "/dev/vdb")));
		assertThat(ProxyViews.volume(Map.of("id", "v-2", "attachments", List.of())))
			.containsEntry("attachments", List.of(Map.of()))
			.containsEntry("metadata", Map.of());
	}

	private static Map<String, Object> rule(String id, String direction, String protocol, String remoteGroup) {
		Map<String, Object> rule = new java.util.HashMap<>();
		rule.put("id", id);
		rule.put("security_group_id", "g-web");
		rule.put("direction", direction);
		rule.put("protocol", protocol);
		rule.put("remote_group_id", remoteGroup);
		return rule;
	}

}
