package dev.novaboot.network.api;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

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
 * Routers with Neutron's shapes, interface actions, external gateway and refusals, and
 * floating IPs bound through them. (The context of {@link NetworkingApiTests}.)
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@AutoConfigureTestRestTemplate
class RoutersTests {

	// the tests share the app's database and its overlap checks: each subnet a /24 of its own
	private static final AtomicInteger NEXT = new AtomicInteger();

	@Autowired
	TestRestTemplate http;

	private ApiCalls api;

	private String external;

	private String externalSubnet;

	@BeforeEach
	void externalNetwork() {
		this.api = new ApiCalls(this.http);
		this.external = this.api.network("admin", "\"name\": \"public-rt\", \"router:external\": true");
		this.externalSubnet = (String) this.api.create("admin", "subnets", "subnet", "\"network_id\": \"" + this.external
				+ "\", \"ip_version\": 4, \"cidr\": \"100.64." + NEXT.incrementAndGet() + ".0/24\", \"enable_dhcp\": false").get("id");
	}

	private String[] privateNetwork(String project) {
		String network = this.api.network(project, "\"name\": \"private-rt\"");
		return new String[] { network, this.api.subnet(project, network, "10.242." + NEXT.incrementAndGet() + ".0/24") };
	}

	private ResponseEntity<Map<String, Object>> put(String project, String path, String body) {
		return this.api.call(project, HttpMethod.PUT, path, body);
	}

	// an action's answer: the object itself, unwrapped
	private static Map<String, Object> ok(ResponseEntity<Map<String, Object>> response) {
		assertThat(response.getStatusCode().value()).as("%s", response.getBody()).isEqualTo(200);
		return response.getBody();
	}

	private String router(String project, String attributes) {
		return (String) this.api.create(project, "routers", "router", attributes).get("id");
	}

	@Test
	@SuppressWarnings("unchecked")
	void aRouterIsCreatedShownListedRenamedAndDeletedInNeutronsShape() {
		Map<String, Object> router = this.api.create("rt-a", "routers", "router",
				"\"name\": \"edge\", \"external_gateway_info\": {\"network_id\": \"" + this.external + "\"}");
		assertThat(router).containsEntry("name", "edge")
			.containsEntry("description", "")
			.containsEntry("status", "ACTIVE")
			.containsEntry("admin_state_up", true)
			.containsEntry("tenant_id", "rt-a")
			.containsEntry("project_id", "rt-a")
			.containsKeys("id", "created_at", "updated_at");
		Map<String, Object> gateway = (Map<String, Object>) router.get("external_gateway_info");
		assertThat(gateway).containsEntry("network_id", this.external).containsEntry("enable_snat", true);
		assertThat((List<Map<String, Object>>) gateway.get("external_fixed_ips")).singleElement()
			.satisfies((ip) -> assertThat(ip).containsEntry("subnet_id", this.externalSubnet).containsKey("ip_address"));
		String id = (String) router.get("id");

		assertThat(one(this.api.get("rt-a", "/v2.0/routers/" + id), "router")).containsEntry("name", "edge");
		assertThat(list(this.api.get("rt-a", "/v2.0/routers?name=edge"), "routers")).extracting((r) -> r.get("id"))
			.containsExactly(id);
		assertThat(one(this.api.get("rt-a", "/v2.0/routers/" + id + "?fields=name"), "router")).containsOnlyKeys("name");
		assertThat(one(put("rt-a", "/v2.0/routers/" + id, "{\"router\": {\"name\": \"edge-2\", \"admin_state_up\": false}}"),
				"router"))
			.containsEntry("name", "edge-2")
			.containsEntry("admin_state_up", false);
		// the gateway port is the router's, on the external network, and goes with the gateway
		assertThat(this.api.ids("admin", "ports", "device_id=" + id + "&device_owner=network:router_gateway")).hasSize(1);
		assertThat(one(put("rt-a", "/v2.0/routers/" + id, "{\"router\": {\"external_gateway_info\": null}}"), "router"))
			.containsEntry("external_gateway_info", null);
		assertThat(this.api.ids("admin", "ports", "device_id=" + id)).isEmpty();

		assertThat(this.api.call("rt-a", HttpMethod.DELETE, "/v2.0/routers/" + id, null).getStatusCode().value())
			.isEqualTo(204);
		assertError(this.api.get("rt-a", "/v2.0/routers/" + id), 404, "RouterNotFound");
		assertThat(message(this.api.get("rt-a", "/v2.0/routers/" + id))).isEqualTo("Router " + id + " could not be found");
	}

	@Test
	@SuppressWarnings("unchecked")
	void onlyAdminsChooseSnatAndTheGatewaysAddresses() {
		String id = router("rt-b", "\"name\": \"b\"");
		assertError(put("rt-b", "/v2.0/routers/" + id, "{\"router\": {\"external_gateway_info\": {\"network_id\": \""
				+ this.external + "\", \"enable_snat\": false}}}"), 403, "PolicyNotAuthorized");
		assertError(put("rt-b", "/v2.0/routers/" + id, "{\"router\": {\"external_gateway_info\": {\"network_id\": \""
				+ this.external + "\", \"external_fixed_ips\": [{\"subnet_id\": \"" + this.externalSubnet + "\"}]}}}"),
				403, "PolicyNotAuthorized");
		assertThat(this.api.ids("admin", "ports", "device_id=" + id)).isEmpty();

		Map<String, Object> updated = one(put("admin", "/v2.0/routers/" + id, "{\"router\": {\"external_gateway_info\": "
				+ "{\"network_id\": \"" + this.external + "\", \"enable_snat\": false}}}"), "router");
		assertThat((Map<String, Object>) updated.get("external_gateway_info")).containsEntry("enable_snat", false);
		// the same network again keeps the port and, unless given, the SNAT mode
		Object before = this.api.ids("admin", "ports", "device_id=" + id);
		updated = one(put("admin", "/v2.0/routers/" + id, "{\"router\": {\"external_gateway_info\": "
				+ "{\"network_id\": \"" + this.external + "\"}}}"), "router");
		assertThat((Map<String, Object>) updated.get("external_gateway_info")).containsEntry("enable_snat", false);
		assertThat(this.api.ids("admin", "ports", "device_id=" + id)).isEqualTo(before);
	}

	@Test
	@SuppressWarnings("unchecked")
	void aSubnetIsAttachedThroughAPortWithItsGatewayAddressAndDetachedAgain() {
		String[] network = privateNetwork("rt-c");
		String id = router("rt-c", "\"name\": \"c\"");

		Map<String, Object> added = ok(put("rt-c", "/v2.0/routers/" + id + "/add_router_interface",
				"{\"subnet_id\": \"" + network[1] + "\"}"));
		ResponseEntity<Map<String, Object>> response = put("rt-c", "/v2.0/routers/" + id + "/add_router_interface",
				"{\"subnet_id\": \"" + network[1] + "\"}");
		assertError(response, 400, "BadRequest");
		assertThat(message(response)).isEqualTo("Bad router request: Router already has a port on subnet " + network[1]);

		Map<String, Object> port = one(this.api.get("rt-c", "/v2.0/ports/" + added.get("port_id")), "port");
		Map<String, Object> subnet = one(this.api.get("rt-c", "/v2.0/subnets/" + network[1]), "subnet");
		assertThat(port).containsEntry("device_id", id)
			.containsEntry("device_owner", "network:router_interface")
			.containsEntry("network_id", network[0])
			.containsEntry("fixed_ips", List.of(Map.of("subnet_id", network[1], "ip_address", subnet.get("gateway_ip"))));

		// in use: the router, and its port through the port API
		response = this.api.call("rt-c", HttpMethod.DELETE, "/v2.0/routers/" + id, null);
		assertError(response, 409, "RouterInUse");
		assertThat(message(response)).isEqualTo("Router " + id + " still has ports");
		response = this.api.call("rt-c", HttpMethod.DELETE, "/v2.0/ports/" + added.get("port_id"), null);
		assertError(response, 409, "ServicePortInUse");
		assertThat(message(response)).isEqualTo("Port " + added.get("port_id")
				+ " cannot be deleted directly via the port API: has device owner network:router_interface.");
		// a second router cannot take the subnet's gateway address
		String other = router("rt-c", "\"name\": \"c2\"");
		assertError(put("rt-c", "/v2.0/routers/" + other + "/add_router_interface", "{\"subnet_id\": \"" + network[1] + "\"}"),
				409, "IpAddressAlreadyAllocated");

		Map<String, Object> removed = ok(put("rt-c", "/v2.0/routers/" + id + "/remove_router_interface",
				"{\"subnet_id\": \"" + network[1] + "\"}"));
		assertThat(removed).isEqualTo(added);
		assertError(this.api.get("rt-c", "/v2.0/ports/" + added.get("port_id")), 404, "PortNotFound");
		response = put("rt-c", "/v2.0/routers/" + id + "/remove_router_interface", "{\"subnet_id\": \"" + network[1] + "\"}");
		assertError(response, 404, "RouterInterfaceNotFoundForSubnet");
		assertThat(message(response)).isEqualTo("Router " + id + " has no interface on subnet " + network[1]);
		assertThat(this.api.call("rt-c", HttpMethod.DELETE, "/v2.0/routers/" + id, null).getStatusCode().value())
			.isEqualTo(204);
	}

	@Test
	void theInterfaceAnswerHasNeutronsKeys() {
		String[] network = privateNetwork("rt-d");
		String id = router("rt-d", "\"name\": \"d\"");
		Map<String, Object> added = ok(put("rt-d", "/v2.0/routers/" + id + "/add_router_interface",
				"{\"subnet_id\": \"" + network[1] + "\"}"));
		assertThat(added).containsOnlyKeys("id", "tenant_id", "port_id", "network_id", "subnet_id", "subnet_ids")
			.containsEntry("id", id)
			.containsEntry("tenant_id", "rt-d")
			.containsEntry("network_id", network[0])
			.containsEntry("subnet_id", network[1])
			.containsEntry("subnet_ids", List.of(network[1]));
	}

	@Test
	void anUnusedPortIsAttachedAndDetachedByItsId() {
		String[] network = privateNetwork("rt-e");
		String id = router("rt-e", "\"name\": \"e\"");
		String port = (String) this.api.create("rt-e", "ports", "port", "\"network_id\": \"" + network[0] + "\"").get("id");
		String used = (String) this.api
			.create("rt-e", "ports", "port", "\"network_id\": \"" + network[0] + "\", \"device_id\": \"vm-1\"")
			.get("id");

		ResponseEntity<Map<String, Object>> response = put("rt-e", "/v2.0/routers/" + id + "/add_router_interface",
				"{\"port_id\": \"" + used + "\"}");
		assertError(response, 409, "PortInUse");
		Map<String, Object> added = ok(put("rt-e", "/v2.0/routers/" + id + "/add_router_interface",
				"{\"port_id\": \"" + port + "\"}"));
		assertThat(added).containsEntry("port_id", port).containsEntry("subnet_id", network[1]);
		assertThat(one(this.api.get("rt-e", "/v2.0/ports/" + port), "port")).containsEntry("device_id", id)
			.containsEntry("device_owner", "network:router_interface");

		response = put("rt-e", "/v2.0/routers/" + id + "/remove_router_interface", "{\"port_id\": \"" + used + "\"}");
		assertError(response, 404, "RouterInterfaceNotFound");
		assertThat(message(response)).isEqualTo("Router " + id + " does not have an interface with id " + used);
		assertThat(ok(put("rt-e", "/v2.0/routers/" + id + "/remove_router_interface", "{\"port_id\": \"" + port + "\"}")))
			.containsEntry("port_id", port);
		assertError(this.api.get("rt-e", "/v2.0/ports/" + port), 404, "PortNotFound");
	}

	@Test
	void badInterfaceAndGatewayRequestsAreRefusedAndChangeNothing() {
		String[] network = privateNetwork("rt-f");
		String id = router("rt-f", "\"name\": \"f\"");
		String path = "/v2.0/routers/" + id + "/add_router_interface";
		assertBadRouterRequest(put("rt-f", path, "{}"), "Bad router request: Either subnet_id or port_id must be specified");
		assertBadRouterRequest(put("rt-f", path, "{\"subnet_id\": \"" + network[1] + "\", \"port_id\": \"" + network[1] + "\"}"),
				"Bad router request: Cannot specify both subnet-id and port-id");
		assertBadRouterRequest(put("rt-f", path, "{\"subnet_id\": \"nope\"}"), "Bad router request: '\"nope\"' is not a valid UUID");
		assertError(put("rt-f", path, "{\"subnet\": \"x\"}"), 400, "HTTPBadRequest");
		assertError(put("rt-f", path, "[]"), 400, "HTTPBadRequest");
		// another project's subnet and router are not found
		String[] others = privateNetwork("rt-g");
		assertError(put("rt-f", path, "{\"subnet_id\": \"" + others[1] + "\"}"), 404, "SubnetNotFound");
		assertError(put("rt-g", path, "{\"subnet_id\": \"" + others[1] + "\"}"), 404, "RouterNotFound");
		assertError(this.api.get("rt-f", "/v2.0/routers/not-a-uuid"), 404, "RouterNotFound");
		// a subnet without gateway
		String noGateway = (String) this.api.create("rt-f", "subnets", "subnet", "\"network_id\": \"" + network[0]
				+ "\", \"ip_version\": 4, \"cidr\": \"10.243." + NEXT.incrementAndGet() + ".0/24\", \"gateway_ip\": null").get("id");
		assertBadRouterRequest(put("rt-f", path, "{\"subnet_id\": \"" + noGateway + "\"}"),
				"Bad router request: Subnet for router interface must have a gateway IP");

		// gateways: not an external network, no network id, unknown keys, unknown network
		ResponseEntity<Map<String, Object>> response = put("rt-f", "/v2.0/routers/" + id,
				"{\"router\": {\"external_gateway_info\": {\"network_id\": \"" + network[0] + "\"}}}");
		assertBadRouterRequest(response, "Bad router request: Network " + network[0] + " is not an external network");
		assertError(put("rt-f", "/v2.0/routers/" + id, "{\"router\": {\"external_gateway_info\": {\"enable_snat\": true}}}"),
				400, "InvalidInput");
		assertError(put("rt-f", "/v2.0/routers/" + id, "{\"router\": {\"external_gateway_info\": {\"network_id\": \""
				+ this.external + "\", \"colour\": 1}}}"), 400, "InvalidInput");
		assertError(put("rt-f", "/v2.0/routers/" + id, "{\"router\": {\"external_gateway_info\": \"public\"}}"), 400,
				"InvalidInput");
		assertError(put("rt-f", "/v2.0/routers/" + id, "{\"router\": {\"external_gateway_info\": {\"network_id\": \""
				+ java.util.UUID.randomUUID() + "\"}}}"), 404, "NetworkNotFound");
		// routes are set by an update only (extraroute's allow_post is False)
		assertError(this.api.call("rt-f", HttpMethod.POST, "/v2.0/routers", "{\"router\": {\"routes\": []}}"), 400,
				"HTTPBadRequest");
		assertError(this.api.call("rt-f", HttpMethod.POST, "/v2.0/routers", "{\"router\": {\"name\": \" x\"}}"), 400,
				"InvalidInput");
		assertThat(one(this.api.get("rt-f", "/v2.0/routers/" + id), "router")).containsEntry("external_gateway_info", null);
		assertThat(this.api.ids("rt-f", "ports", "device_id=" + id)).isEmpty();
	}

	private static void assertBadRouterRequest(ResponseEntity<Map<String, Object>> response, String message) {
		assertError(response, 400, "BadRequest");
		assertThat(message(response)).isEqualTo(message);
	}

	@Test
	void aFloatingIpNeedsARouterFromThePortsSubnetToItsNetworkAndHoldsOnToIt() {
		String[] network = privateNetwork("rt-h");
		String port = (String) this.api.create("rt-h", "ports", "port", "\"network_id\": \"" + network[0] + "\"").get("id");
		String floating = (String) this.api
			.create("rt-h", "floatingips", "floatingip", "\"floating_network_id\": \"" + this.external + "\"")
			.get("id");

		ResponseEntity<Map<String, Object>> response = put("rt-h", "/v2.0/floatingips/" + floating,
				"{\"floatingip\": {\"port_id\": \"" + port + "\"}}");
		assertError(response, 404, "ExternalGatewayForFloatingIPNotFound");
		assertThat(message(response)).isEqualTo("External network " + this.external + " is not reachable from subnet "
				+ network[1] + ".  Therefore, cannot associate Port " + port + " with a Floating IP.");
		// a router on the subnet is not enough: its gateway must be on the floating IP's network
		String id = router("rt-h", "\"name\": \"h\"");
		put("rt-h", "/v2.0/routers/" + id + "/add_router_interface", "{\"subnet_id\": \"" + network[1] + "\"}");
		assertError(put("rt-h", "/v2.0/floatingips/" + floating, "{\"floatingip\": {\"port_id\": \"" + port + "\"}}"), 404,
				"ExternalGatewayForFloatingIPNotFound");
		put("rt-h", "/v2.0/routers/" + id, "{\"router\": {\"external_gateway_info\": {\"network_id\": \"" + this.external
				+ "\"}}}");
		assertThat(one(put("rt-h", "/v2.0/floatingips/" + floating, "{\"floatingip\": {\"port_id\": \"" + port + "\"}}"),
				"floatingip"))
			.containsEntry("router_id", id)
			.containsEntry("status", "ACTIVE");

		response = put("rt-h", "/v2.0/routers/" + id + "/remove_router_interface", "{\"subnet_id\": \"" + network[1] + "\"}");
		assertError(response, 409, "RouterInterfaceInUseByFloatingIP");
		assertThat(message(response)).isEqualTo("Router interface for subnet " + network[1] + " on router " + id
				+ " cannot be deleted, as it is required by one or more floating IPs.");
		response = put("rt-h", "/v2.0/routers/" + id, "{\"router\": {\"external_gateway_info\": {}}}");
		assertError(response, 409, "RouterExternalGatewayInUseByFloatingIp");
		assertThat(message(response)).isEqualTo("Gateway cannot be updated for router " + id
				+ ", since a gateway to external network " + this.external + " is required by one or more floating IPs.");

		// once the floating IP lets go, the router can be taken apart
		put("rt-h", "/v2.0/floatingips/" + floating, "{\"floatingip\": {\"port_id\": null}}");
		assertThat(put("rt-h", "/v2.0/routers/" + id + "/remove_router_interface", "{\"subnet_id\": \"" + network[1] + "\"}")
			.getStatusCode()
			.value()).isEqualTo(200);
		assertThat(this.api.call("rt-h", HttpMethod.DELETE, "/v2.0/routers/" + id, null).getStatusCode().value())
			.isEqualTo(204);
	}

}
