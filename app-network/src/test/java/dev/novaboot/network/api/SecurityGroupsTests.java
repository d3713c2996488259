package dev.novaboot.network.api;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureTestRestTemplate;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

import static dev.novaboot.network.api.ApiCalls.assertError;
import static dev.novaboot.network.api.ApiCalls.list;
import static dev.novaboot.network.api.ApiCalls.message;
import static dev.novaboot.network.api.ApiCalls.one;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Security groups and rules with Neutron's shapes, defaults, validation and errors (the
 * API and its data; enforcement on the hosts is a later step). (The context of
 * {@link NetworkingApiTests}.)
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@AutoConfigureTestRestTemplate
class SecurityGroupsTests {

	@Autowired
	TestRestTemplate http;

	private ApiCalls api;

	@BeforeEach
	void client() {
		this.api = new ApiCalls(this.http);
	}

	@Test
	@SuppressWarnings("unchecked")
	void aProjectGetsItsDefaultGroupWithNeutronsDefaultRulesOnce() {
		List<Map<String, Object>> groups = list(this.api.get("sg-a", "/v2.0/security-groups"), "security_groups");
		assertThat(groups).singleElement().satisfies((group) -> assertThat(group).containsEntry("name", "default")
			.containsEntry("description", "Default security group")
			.containsEntry("project_id", "sg-a")
			.containsEntry("tenant_id", "sg-a")
			.containsKeys("id", "created_at", "updated_at"));
		Map<String, Object> group = groups.get(0);
		List<Map<String, Object>> rules = (List<Map<String, Object>>) group.get("security_group_rules");
		assertThat(rules).hasSize(4).allSatisfy((rule) -> assertThat(rule).containsEntry("security_group_id", group.get("id"))
			.containsEntry("protocol", null)
			.containsEntry("port_range_min", null)
			.containsEntry("port_range_max", null)
			.containsEntry("remote_ip_prefix", null));
		assertThat(rules).filteredOn((rule) -> rule.get("direction").equals("ingress"))
			.extracting((rule) -> rule.get("ethertype") + " from " + rule.get("remote_group_id"))
			.containsExactlyInAnyOrder("IPv4 from " + group.get("id"), "IPv6 from " + group.get("id"));
		assertThat(rules).filteredOn((rule) -> rule.get("direction").equals("egress"))
			.extracting((rule) -> rule.get("ethertype") + " to " + rule.get("remote_group_id"))
			.containsExactlyInAnyOrder("IPv4 to null", "IPv6 to null");
		// once only
		assertThat(list(this.api.get("sg-a", "/v2.0/security-groups"), "security_groups")).hasSize(1);
		assertThat(this.api.ids("sg-a", "security-group-rules", "security_group_id=" + group.get("id"))).hasSize(4);
	}

	@Test
	@SuppressWarnings("unchecked")
	void groupsAreCreatedRenamedAndDeletedButTheDefaultKeepsItsNameAndPlace() {
		Map<String, Object> web = this.api.create("sg-b", "security-groups", "security_group",
				"\"name\": \"web\", \"description\": \"web servers\"");
		assertThat(web).containsEntry("name", "web").containsEntry("description", "web servers");
		assertThat((List<Map<String, Object>>) web.get("security_group_rules")).extracting((rule) -> rule.get("direction"))
			.containsExactly("egress", "egress");
		for (String name : List.of("default", "Default")) {
			assertError(this.api.call("sg-b", HttpMethod.POST, "/v2.0/security-groups",
					"{\"security_group\": {\"name\": \"" + name + "\"}}"), 409, "SecurityGroupDefaultAlreadyExists");
		}
		Map<String, Object> renamed = one(this.api.call("sg-b", HttpMethod.PUT, "/v2.0/security-groups/" + web.get("id"),
				"{\"security_group\": {\"name\": \"www\"}}"), "security_group");
		assertThat(renamed).containsEntry("name", "www").containsEntry("description", "web servers");

		String defaultGroup = (String) list(this.api.get("sg-b", "/v2.0/security-groups?name=default"), "security_groups")
			.get(0)
			.get("id");
		assertError(this.api.call("sg-b", HttpMethod.PUT, "/v2.0/security-groups/" + defaultGroup,
				"{\"security_group\": {\"name\": \"mine\"}}"), 409, "SecurityGroupCannotUpdateDefault");
		assertThat(one(this.api.call("sg-b", HttpMethod.PUT, "/v2.0/security-groups/" + defaultGroup,
				"{\"security_group\": {\"description\": \"d\"}}"), "security_group")).containsEntry("description", "d");
		assertError(this.api.call("sg-b", HttpMethod.DELETE, "/v2.0/security-groups/" + defaultGroup, null), 409,
				"SecurityGroupCannotRemoveDefault");

		assertThat(this.api.call("sg-b", HttpMethod.DELETE, "/v2.0/security-groups/" + web.get("id"), null)
			.getStatusCode()
			.value()).isEqualTo(204);
		assertError(this.api.get("sg-b", "/v2.0/security-groups/" + web.get("id")), 404, "SecurityGroupNotFound");
		assertThat(this.api.ids("sg-b", "security-group-rules", "security_group_id=" + web.get("id"))).isEmpty();
	}

	@Test
	void rulesAreCreatedInNeutronsShapeMadeCanonicalAndNeverTwice() {
		String group = (String) this.api.create("sg-c", "security-groups", "security_group", "\"name\": \"ssh\"").get("id");
		Map<String, Object> ssh = this.api.create("sg-c", "security-group-rules", "security_group_rule",
				"\"security_group_id\": \"" + group + "\", \"direction\": \"ingress\", \"protocol\": \"TCP\", "
						+ "\"port_range_min\": 22, \"port_range_max\": \"22\", \"remote_ip_prefix\": \"10.0.0.0/8\", "
						+ "\"description\": \"ssh\"");
		assertThat(ssh).containsEntry("security_group_id", group)
			.containsEntry("direction", "ingress")
			.containsEntry("ethertype", "IPv4")
			.containsEntry("protocol", "tcp")
			.containsEntry("port_range_min", 22)
			.containsEntry("port_range_max", 22)
			.containsEntry("remote_ip_prefix", "10.0.0.0/8")
			.containsEntry("remote_group_id", null)
			.containsEntry("description", "ssh")
			.containsEntry("project_id", "sg-c");
		ResponseEntity<Map<String, Object>> again = this.api.call("sg-c", HttpMethod.POST, "/v2.0/security-group-rules",
				"{\"security_group_rule\": {\"security_group_id\": \"" + group + "\", \"direction\": \"ingress\", "
						+ "\"protocol\": \"6\", \"port_range_min\": 22, \"port_range_max\": 22, "
						+ "\"remote_ip_prefix\": \"10.0.0.0/8\"}}");
		assertError(again, 409, "SecurityGroupRuleExists");
		assertThat(message(again)).isEqualTo("Security group rule already exists. Rule id is " + ssh.get("id") + ".");

		// every port is no range; an address is its /32; IPv6 ICMP has one name
		assertThat(rule(group, "\"direction\": \"ingress\", \"protocol\": \"udp\", \"port_range_min\": 1, "
				+ "\"port_range_max\": 65535")).containsEntry("port_range_min", null).containsEntry("port_range_max", null);
		assertThat(rule(group, "\"direction\": \"ingress\", \"remote_ip_prefix\": \"192.0.2.7\""))
			.containsEntry("remote_ip_prefix", "192.0.2.7/32");
		assertThat(rule(group, "\"direction\": \"ingress\", \"ethertype\": \"ipv6\", \"protocol\": \"icmp\", "
				+ "\"port_range_min\": 128, \"port_range_max\": 0"))
			.containsEntry("ethertype", "IPv6")
			.containsEntry("protocol", "ipv6-icmp");
		assertThat(rule(group, "\"direction\": \"egress\", \"protocol\": 47, \"remote_group_id\": \"" + group + "\""))
			.containsEntry("protocol", "47")
			.containsEntry("remote_group_id", group);
		assertThat(one(this.api.get("sg-c", "/v2.0/security-group-rules/" + ssh.get("id")), "security_group_rule"))
			.isEqualTo(ssh);
		assertThat(this.api.call("sg-c", HttpMethod.DELETE, "/v2.0/security-group-rules/" + ssh.get("id"), null)
			.getStatusCode()
			.value()).isEqualTo(204);
		assertError(this.api.get("sg-c", "/v2.0/security-group-rules/" + ssh.get("id")), 404, "SecurityGroupRuleNotFound");
	}

	@Test
	void badRulesAreRefusedInNeutronsTermsAndCreateNothing() {
		String group = (String) this.api.create("sg-d", "security-groups", "security_group", "\"name\": \"g\"").get("id");
		String foreign = (String) this.api.create("sg-d-other", "security-groups", "security_group", "\"name\": \"o\"")
			.get("id");
		String in = "\"security_group_id\": \"" + group + "\", \"direction\": \"ingress\"";
		Map<String, String> bad = Map.ofEntries(
				Map.entry("\"security_group_id\": \"" + group + "\"", "HTTPBadRequest"),
				Map.entry("\"security_group_id\": \"" + group + "\", \"direction\": \"up\"", "InvalidInput"),
				Map.entry(in + ", \"ethertype\": \"IPv5\"", "SecurityGroupRuleInvalidEtherType"),
				Map.entry(in + ", \"protocol\": \"tcpx\"", "SecurityGroupRuleInvalidProtocol"),
				Map.entry(in + ", \"protocol\": \"256\"", "SecurityGroupRuleInvalidProtocol"),
				Map.entry(in + ", \"protocol\": \"tcp\", \"port_range_min\": 70000, \"port_range_max\": 70000",
						"SecurityGroupInvalidPortValue"),
				Map.entry(in + ", \"protocol\": \"tcp\", \"port_range_min\": \"ssh\"", "SecurityGroupInvalidPortValue"),
				Map.entry(in + ", \"port_range_min\": 22, \"port_range_max\": 22", "SecurityGroupProtocolRequiredWithPorts"),
				Map.entry(in + ", \"protocol\": \"tcp\", \"port_range_min\": 90, \"port_range_max\": 80",
						"SecurityGroupInvalidPortRange"),
				Map.entry(in + ", \"protocol\": \"tcp\", \"port_range_min\": 0, \"port_range_max\": 80",
						"SecurityGroupInvalidPortValue"),
				Map.entry(in + ", \"protocol\": \"icmp\", \"port_range_min\": 300", "SecurityGroupInvalidIcmpValue"),
				Map.entry(in + ", \"protocol\": \"icmp\", \"port_range_max\": 0", "SecurityGroupMissingIcmpType"),
				Map.entry(in + ", \"protocol\": \"gre\", \"port_range_min\": 1, \"port_range_max\": 2",
						"SecurityGroupInvalidProtocolForPort"),
				Map.entry(in + ", \"remote_ip_prefix\": \"10.0.0.0/33\"", "InvalidCIDR"),
				Map.entry(in + ", \"remote_ip_prefix\": \"example.org\"", "InvalidCIDR"),
				Map.entry(in + ", \"remote_ip_prefix\": \"2001:db8::/32\"", "SecurityGroupRuleParameterConflict"),
				Map.entry(in + ", \"remote_ip_prefix\": \"10.0.0.0/8\", \"remote_group_id\": \"" + group + "\"",
						"SecurityGroupMultipleRemoteEntites"),
				Map.entry(in + ", \"protocol\": \"ipv6-icmp\"", "SecurityGroupEthertypeConflictWithProtocol"),
				Map.entry(in + ", \"remote_group_id\": \"" + foreign + "\"", "SecurityGroupNotFound"),
				Map.entry("\"security_group_id\": \"" + foreign + "\", \"direction\": \"ingress\"", "SecurityGroupNotFound"),
				Map.entry("\"security_group_id\": \"4b8cbd4a-0a3e-4e53-9d0f-6a7fef0bb777\", \"direction\": \"ingress\"",
						"SecurityGroupNotFound"),
				Map.entry(in + ", \"colour\": \"red\"", "HTTPBadRequest"),
				Map.entry(in + ", \"description\": \"" + "d".repeat(256) + "\"", "InvalidInput"));
		bad.forEach((attributes, type) -> {
			ResponseEntity<Map<String, Object>> response = this.api.call("sg-d", HttpMethod.POST,
					"/v2.0/security-group-rules", "{\"security_group_rule\": {" + attributes + "}}");
			assertThat(response.getStatusCode().value()).as(attributes).isIn(400, 404);
			assertError(response, response.getStatusCode().value(), type);
		});
		assertThat(this.api.ids("sg-d", "security-group-rules", "security_group_id=" + group)).hasSize(2);
		assertThat(this.api.ids("sg-d-other", "security-group-rules", "security_group_id=" + foreign)).hasSize(2);
	}

	@Test
	void anotherProjectsGroupsAndRulesAreNotFoundReadersChangeNothingAndAdminsSeeAll() {
		Map<String, Object> group = this.api.create("sg-e", "security-groups", "security_group", "\"name\": \"e\"");
		String id = (String) group.get("id");
		String rule = (String) rule(id, "\"direction\": \"ingress\", \"protocol\": \"tcp\", \"port_range_min\": 80, "
				+ "\"port_range_max\": 80").get("id");
		assertError(this.api.get("sg-e-stranger", "/v2.0/security-groups/" + id), 404, "SecurityGroupNotFound");
		assertError(this.api.call("sg-e-stranger", HttpMethod.PUT, "/v2.0/security-groups/" + id,
				"{\"security_group\": {\"name\": \"x\"}}"), 404, "SecurityGroupNotFound");
		assertError(this.api.call("sg-e-stranger", HttpMethod.DELETE, "/v2.0/security-groups/" + id, null), 404,
				"SecurityGroupNotFound");
		assertError(this.api.get("sg-e-stranger", "/v2.0/security-group-rules/" + rule), 404, "SecurityGroupRuleNotFound");
		assertError(this.api.call("sg-e-stranger", HttpMethod.DELETE, "/v2.0/security-group-rules/" + rule, null), 404,
				"SecurityGroupRuleNotFound");
		assertThat(this.api.ids("sg-e-stranger", "security-groups", null)).doesNotContain(id);
		assertThat(this.api.ids("sg-e-stranger", "security-group-rules", null)).doesNotContain(rule);
		assertThat(this.api.ids("sg-e-stranger", "security-group-rules", "security_group_id=" + id)).isEmpty();
		assertError(this.api.call("sg-e", "reader", HttpMethod.POST, "/v2.0/security-groups",
				"{\"security_group\": {\"name\": \"r\"}}"), 403, "PolicyNotAuthorized");
		assertError(this.api.call("sg-e", "reader", HttpMethod.DELETE, "/v2.0/security-group-rules/" + rule, null), 403,
				"PolicyNotAuthorized");
		assertError(this.api.call("sg-e", HttpMethod.POST, "/v2.0/security-groups",
				"{\"security_group\": {\"name\": \"x\", \"project_id\": \"sg-e-other\"}}"), 403, "PolicyNotAuthorized");
		assertError(this.api.get("sg-e", "/v2.0/security-groups/not-a-uuid"), 404, "SecurityGroupNotFound");
		assertThat(this.api.ids("admin", "security-groups", "tenant_id=sg-e")).contains(id);
		assertThat(one(this.api.get("admin", "/v2.0/security-group-rules/" + rule), "security_group_rule"))
			.containsEntry("security_group_id", id);
	}

	@Test
	void deletingAGroupTakesTheRulesThatNameItAsRemoteAndListsSortAndPage() {
		String web = (String) this.api.create("sg-f", "security-groups", "security_group", "\"name\": \"web\"").get("id");
		String db = (String) this.api.create("sg-f", "security-groups", "security_group", "\"name\": \"db\"").get("id");
		String fromWeb = (String) rule(db, "\"direction\": \"ingress\", \"protocol\": \"tcp\", \"port_range_min\": 5432, "
				+ "\"port_range_max\": 5432, \"remote_group_id\": \"" + web + "\"").get("id");
		assertThat(this.api.ids("sg-f", "security-group-rules", "remote_group_id=" + web)).containsExactly(fromWeb);
		assertThat(this.api.ids("sg-f", "security-groups", "sort_key=name&sort_dir=asc&limit=2")).hasSize(2)
			.first()
			.isEqualTo(db);
		assertThat(this.api.call("sg-f", HttpMethod.DELETE, "/v2.0/security-groups/" + web, null).getStatusCode().value())
			.isEqualTo(204);
		assertError(this.api.get("sg-f", "/v2.0/security-group-rules/" + fromWeb), 404, "SecurityGroupRuleNotFound");
		assertError(this.api.get("sg-f", "/v2.0/security-groups?sort_key=direction&sort_dir=asc"), 400, "HTTPBadRequest");
		assertThat(this.api.ids("sg-f", "security-group-rules", "security_group_id=" + db
				+ "&sort_key=direction&sort_dir=desc&sort_key=ethertype&sort_dir=asc")).hasSize(2);
	}

	@Test
	void portsAreInTheirProjectsDefaultGroupOrInTheGroupsAskedForAndAGroupInUseStays() {
		String network = this.api.network("sg-g", "\"name\": \"sg-g\"");
		this.api.subnet("sg-g", network, "10.245.0.0/24");
		String web = (String) this.api.create("sg-g", "security-groups", "security_group", "\"name\": \"web\"").get("id");
		String foreign = (String) this.api.create("sg-g-other", "security-groups", "security_group", "\"name\": \"f\"")
			.get("id");
		Map<String, Object> plain = this.api.create("sg-g", "ports", "port", "\"network_id\": \"" + network + "\"");
		String defaultGroup = (String) list(this.api.get("sg-g", "/v2.0/security-groups?name=default"), "security_groups")
			.get(0)
			.get("id");
		assertThat(plain).containsEntry("security_groups", List.of(defaultGroup));
		Map<String, Object> inWeb = this.api.create("sg-g", "ports", "port",
				"\"network_id\": \"" + network + "\", \"security_groups\": [\"" + web + "\"]");
		assertThat(inWeb).containsEntry("security_groups", List.of(web));
		assertThat(this.api.create("sg-g", "ports", "port", "\"network_id\": \"" + network + "\", \"security_groups\": []"))
			.containsEntry("security_groups", List.of());

		assertError(this.api.call("sg-g", HttpMethod.POST, "/v2.0/ports", "{\"port\": {\"network_id\": \"" + network
				+ "\", \"security_groups\": [\"" + foreign + "\"]}}"), 404, "SecurityGroupNotFound");
		assertError(this.api.call("sg-g", HttpMethod.POST, "/v2.0/ports", "{\"port\": {\"network_id\": \"" + network
				+ "\", \"security_groups\": [\"web\"]}}"), 400, "InvalidInput");
		assertError(this.api.call("sg-g", HttpMethod.PUT, "/v2.0/ports/" + plain.get("id"),
				"{\"port\": {\"security_groups\": [\"" + foreign + "\"]}}"), 404, "SecurityGroupNotFound");
		assertThat(one(this.api.get("sg-g", "/v2.0/ports/" + plain.get("id")), "port")).containsEntry("security_groups",
				List.of(defaultGroup));

		assertThat(one(this.api.call("sg-g", HttpMethod.PUT, "/v2.0/ports/" + plain.get("id"),
				"{\"port\": {\"security_groups\": [\"" + web + "\", \"" + defaultGroup + "\"]}}"), "port"))
			.containsEntry("security_groups", List.of(web, defaultGroup));
		assertError(this.api.call("sg-g", HttpMethod.DELETE, "/v2.0/security-groups/" + web, null), 409,
				"SecurityGroupInUse");
		assertThat(one(this.api.call("sg-g", HttpMethod.PUT, "/v2.0/ports/" + plain.get("id"),
				"{\"port\": {\"security_groups\": null}}"), "port")).containsEntry("security_groups", List.of());
		assertThat(this.api.call("sg-g", HttpMethod.DELETE, "/v2.0/ports/" + inWeb.get("id"), null).getStatusCode()
			.value()).isEqualTo(204);
		assertThat(this.api.call("sg-g", HttpMethod.DELETE, "/v2.0/security-groups/" + web, null).getStatusCode()
			.value()).isEqualTo(204);
	}

	private Map<String, Object> rule(String group, String attributes) {
		return this.api.create(group.isEmpty() ? "" : projectOf(group), "security-group-rules", "security_group_rule",
				"\"security_group_id\": \"" + group + "\", " + attributes);
	}

	private String projectOf(String group) {
		return (String) one(this.api.get("admin", "/v2.0/security-groups/" + group), "security_group").get("project_id");
	}

}
