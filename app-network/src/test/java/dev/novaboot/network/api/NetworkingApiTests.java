package dev.novaboot.network.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureTestRestTemplate;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Networking API v2.0 over HTTP: Neutron's shapes, status codes and error bodies,
 * project isolation, and clear 4xx answers to bad input.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@AutoConfigureTestRestTemplate
class NetworkingApiTests {

	private static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {
	};

	@Autowired
	TestRestTemplate http;

	@Test
	void versionDocumentAtTheRoot() {
		ResponseEntity<Map<String, Object>> response = call("admin", "admin", HttpMethod.GET, "/", null);
		assertThat(response.getStatusCode().value()).isEqualTo(200);
		Map<String, Object> version = list(response.getBody(), "versions").get(0);
		assertThat(version).containsEntry("id", "v2.0").containsEntry("status", "CURRENT");
		assertThat(version.get("links").toString()).contains("/v2.0/");
	}

	@Test
	void networkSubnetPortLifecycle() {
		Map<String, Object> network = created(call("api-a", "member", HttpMethod.POST, "/v2.0/networks",
				"{\"network\": {\"name\": \"net-a\", \"admin_state_up\": true}}"), "network");
		String networkId = (String) network.get("id");
		assertThat(network).containsEntry("name", "net-a")
			.containsEntry("project_id", "api-a")
			.containsEntry("tenant_id", "api-a")
			.containsEntry("status", "ACTIVE")
			.containsEntry("shared", false)
			.doesNotContainKey("provider:network_type");

		Map<String, Object> subnet = created(call("api-a", "member", HttpMethod.POST, "/v2.0/subnets",
				"{\"subnet\": {\"network_id\": \"" + networkId + "\", \"ip_version\": 4, \"cidr\": \"10.60.0.0/24\", "
						+ "\"dns_nameservers\": [\"192.0.2.53\"], \"allocation_pools\": "
						+ "[{\"start\": \"10.60.0.10\", \"end\": \"10.60.0.20\"}]}}"),
				"subnet");
		assertThat(subnet).containsEntry("cidr", "10.60.0.0/24")
			.containsEntry("gateway_ip", "10.60.0.1")
			.containsEntry("ip_version", 4)
			.containsEntry("network_id", networkId)
			.containsEntry("dns_nameservers", List.of("192.0.2.53"))
			.containsEntry("allocation_pools", List.of(Map.of("start", "10.60.0.10", "end", "10.60.0.20")));

		Map<String, Object> port = created(call("api-a", "member", HttpMethod.POST, "/v2.0/ports",
				"{\"port\": {\"network_id\": \"" + networkId + "\", \"device_id\": \"dev-1\", "
						+ "\"device_owner\": \"compute:nova\"}}"),
				"port");
		assertThat(port.get("mac_address").toString()).matches("fa:16:3e(:[0-9a-f]{2}){3}");
		assertThat(port).containsEntry("device_id", "dev-1").containsEntry("device_owner", "compute:nova");
		assertThat(port.get("fixed_ips"))
			.isEqualTo(List.of(Map.of("subnet_id", subnet.get("id"), "ip_address", "10.60.0.10")));

		// filters
		assertThat(list(call("api-a", "member", HttpMethod.GET, "/v2.0/ports?device_id=dev-1", null).getBody(), "ports"))
			.extracting((p) -> p.get("id"))
			.containsExactly(port.get("id"));
		assertThat(list(call("api-a", "member", HttpMethod.GET, "/v2.0/ports?device_id=other", null).getBody(), "ports"))
			.isEmpty();
		assertThat(list(call("api-a", "member", HttpMethod.GET, "/v2.0/networks?name=net-a", null).getBody(), "networks"))
			.hasSize(1);

		// update where Neutron allows
		Map<String, Object> renamed = one(call("api-a", "member", HttpMethod.PUT, "/v2.0/ports/" + port.get("id"),
				"{\"port\": {\"name\": \"renamed\"}}"), "port");
		assertThat(renamed).containsEntry("name", "renamed");

		// a network with ports cannot go; a subnet with allocations neither
		assertError(call("api-a", "member", HttpMethod.DELETE, "/v2.0/networks/" + networkId, null), 409, "NetworkInUse");
		assertError(call("api-a", "member", HttpMethod.DELETE, "/v2.0/subnets/" + subnet.get("id"), null), 409,
				"SubnetInUse");

		assertThat(call("api-a", "member", HttpMethod.DELETE, "/v2.0/ports/" + port.get("id"), null).getStatusCode()
			.value()).isEqualTo(204);
		assertError(call("api-a", "member", HttpMethod.GET, "/v2.0/ports/" + port.get("id"), null), 404, "PortNotFound");
		assertThat(call("api-a", "member", HttpMethod.DELETE, "/v2.0/networks/" + networkId, null).getStatusCode()
			.value()).isEqualTo(204);
		assertError(call("api-a", "member", HttpMethod.GET, "/v2.0/networks/" + networkId, null), 404,
				"NetworkNotFound");
	}

	@Test
	void anotherProjectsResourcesAreNotFoundButAdminsSeeThem() {
		String networkId = (String) created(call("api-owner", "member", HttpMethod.POST, "/v2.0/networks",
				"{\"network\": {\"name\": \"mine\"}}"), "network").get("id");
		assertError(call("api-stranger", "member", HttpMethod.GET, "/v2.0/networks/" + networkId, null), 404,
				"NetworkNotFound");
		assertError(call("api-stranger", "member", HttpMethod.DELETE, "/v2.0/networks/" + networkId, null), 404,
				"NetworkNotFound");
		assertThat(list(call("api-stranger", "member", HttpMethod.GET, "/v2.0/networks", null).getBody(), "networks"))
			.extracting((n) -> n.get("id"))
			.doesNotContain(networkId);
		Map<String, Object> seenByAdmin = one(call("admin", "admin", HttpMethod.GET, "/v2.0/networks/" + networkId, null),
				"network");
		assertThat(seenByAdmin).containsEntry("provider:network_type", "flat")
			.containsEntry("provider:physical_network", "physnet1")
			.containsEntry("provider:segmentation_id", null);
	}

	@Test
	void providerAttributesAreForAdmins() {
		assertError(call("api-b", "member", HttpMethod.POST, "/v2.0/networks",
				"{\"network\": {\"provider:network_type\": \"vlan\", \"provider:segmentation_id\": 300}}"), 403,
				"PolicyNotAuthorized");
		Map<String, Object> vlan = created(call("admin", "admin", HttpMethod.POST, "/v2.0/networks",
				"{\"network\": {\"name\": \"v300\", \"provider:network_type\": \"vlan\", "
						+ "\"provider:segmentation_id\": 300}}"),
				"network");
		assertThat(vlan).containsEntry("provider:network_type", "vlan").containsEntry("provider:segmentation_id", 300);
		assertError(call("admin", "admin", HttpMethod.POST, "/v2.0/networks",
				"{\"network\": {\"provider:network_type\": \"vlan\", \"provider:segmentation_id\": 300}}"), 409,
				"VlanIdInUse");
		assertError(call("admin", "admin", HttpMethod.POST, "/v2.0/networks",
				"{\"network\": {\"provider:network_type\": \"vxlan\"}}"), 400, "InvalidInput");
		assertError(call("admin", "admin", HttpMethod.POST, "/v2.0/networks",
				"{\"network\": {\"provider:network_type\": \"vlan\", \"provider:segmentation_id\": 5000}}"), 400,
				"InvalidInput");
	}

	@Test
	void badSubnetsAreRefusedClearly() {
		String networkId = (String) created(call("api-c", "member", HttpMethod.POST, "/v2.0/networks",
				"{\"network\": {\"name\": \"c\"}}"), "network").get("id");
		String other = (String) created(call("api-c", "member", HttpMethod.POST, "/v2.0/networks",
				"{\"network\": {\"name\": \"c2\"}}"), "network").get("id");
		created(call("api-c", "member", HttpMethod.POST, "/v2.0/subnets",
				"{\"subnet\": {\"network_id\": \"" + networkId + "\", \"ip_version\": 4, \"cidr\": \"10.61.0.0/24\"}}"),
				"subnet");
		// overlapping CIDRs in one network and in one project
		assertError(subnet("api-c", networkId, "\"cidr\": \"10.61.0.128/25\""), 400, "InvalidInput");
		assertError(subnet("api-c", other, "\"cidr\": \"10.61.0.0/16\""), 400, "InvalidInput");
		// bad CIDRs
		assertError(subnet("api-c", other, "\"cidr\": \"10.62.0.1/24\""), 400, "InvalidInput");
		assertError(subnet("api-c", other, "\"cidr\": \"banana\""), 400, "InvalidInput");
		assertError(subnet("api-c", other, "\"cidr\": \"10.62.0.0/33\""), 400, "InvalidInput");
		assertError(subnet("api-c", other, "\"cidr\": \"10.0.0.0/8\""), 400, "InvalidInput");
		// gateway outside the subnet, gateway inside a pool
		assertError(subnet("api-c", other, "\"cidr\": \"10.62.0.0/24\", \"gateway_ip\": \"10.63.0.1\""), 400,
				"InvalidInput");
		assertError(subnet("api-c", other, "\"cidr\": \"10.62.0.0/24\", \"gateway_ip\": \"10.62.0.5\", "
				+ "\"allocation_pools\": [{\"start\": \"10.62.0.2\", \"end\": \"10.62.0.9\"}]"), 409,
				"GatewayConflictWithAllocationPools");
		assertError(subnet("api-c", other, "\"cidr\": \"10.62.0.0/24\", "
				+ "\"allocation_pools\": [{\"start\": \"10.62.0.2\", \"end\": \"10.62.1.9\"}]"), 400, "InvalidInput");
		assertError(subnet("api-c", other, "\"cidr\": \"10.62.0.0/24\", \"ip_version\": 6"), 400, "InvalidInput");
		assertError(subnet("api-c", other, "\"cidr\": \"10.62.0.0/24\", \"dns_nameservers\": [\"not-an-ip\"]"), 400,
				"InvalidInput");
		assertError(subnet("api-c", "4b8cbd4a-0a3e-4e53-9d0f-6a7fef0bb777", "\"cidr\": \"10.62.0.0/24\""), 404,
				"NetworkNotFound");
		// none of the refused subnets exists
		assertThat(list(call("api-c", "member", HttpMethod.GET, "/v2.0/subnets?network_id=" + other, null).getBody(),
				"subnets"))
			.isEmpty();
	}

	@Test
	void aFullPoolIsAConflict() {
		String networkId = (String) created(call("api-d", "member", HttpMethod.POST, "/v2.0/networks",
				"{\"network\": {\"name\": \"d\"}}"), "network").get("id");
		created(subnet("api-d", networkId, "\"cidr\": \"10.64.0.0/30\""), "subnet");
		created(call("api-d", "member", HttpMethod.POST, "/v2.0/ports",
				"{\"port\": {\"network_id\": \"" + networkId + "\"}}"), "port");
		assertError(call("api-d", "member", HttpMethod.POST, "/v2.0/ports",
				"{\"port\": {\"network_id\": \"" + networkId + "\"}}"), 409, "IpAddressGenerationFailure");
		assertThat(list(call("api-d", "member", HttpMethod.GET, "/v2.0/ports?network_id=" + networkId, null).getBody(),
				"ports"))
			.hasSize(1);
	}

	@Test
	void malformedRequestsAreBadRequests() {
		assertError(call("api-e", "member", HttpMethod.POST, "/v2.0/networks", "{not json"), 400, "HTTPBadRequest");
		assertError(call("api-e", "member", HttpMethod.POST, "/v2.0/networks", "{\"net\": {}}"), 400, "HTTPBadRequest");
		assertError(call("api-e", "member", HttpMethod.POST, "/v2.0/networks", "{\"network\": {\"bogus\": 1}}"), 400,
				"HTTPBadRequest");
		assertError(call("api-e", "member", HttpMethod.POST, "/v2.0/networks", "{\"network\": {\"name\": 42}}"), 400,
				"InvalidInput");
		// is_default (auto-allocated topology) is accepted as false, as SDKs send it, and refused as true
		assertError(call("api-e", "member", HttpMethod.POST, "/v2.0/networks", "{\"network\": {\"is_default\": true}}"),
				400, "InvalidInput");
		created(call("api-e", "member", HttpMethod.POST, "/v2.0/networks",
				"{\"network\": {\"name\": \"e\", \"is_default\": false}}"), "network");
		assertError(call("api-e", "member", HttpMethod.POST, "/v2.0/ports", "{\"port\": {}}"), 400, "HTTPBadRequest");
		assertError(call("api-e", "member", HttpMethod.POST, "/v2.0/ports",
				"{\"port\": {\"network_id\": \"nope\", \"mac_address\": \"zz:zz\"}}"), 400, "InvalidInput");
		assertError(call("api-e", "member", HttpMethod.GET, "/v2.0/floatingips/nope", null), 404,
				"FloatingIPNotFound");
		assertError(call("api-e", "reader", HttpMethod.POST, "/v2.0/networks", "{\"network\": {}}"), 403,
				"PolicyNotAuthorized");
	}

	@Test
	@SuppressWarnings("unchecked")
	void floatingIpsAssociateAndDisassociate() {
		String external = (String) created(call("admin", "admin", HttpMethod.POST, "/v2.0/networks",
				"{\"network\": {\"name\": \"ext-f\", \"router:external\": true}}"), "network").get("id");
		created(subnet("admin", external, "\"cidr\": \"198.51.100.0/28\", \"enable_dhcp\": false"), "subnet");
		String networkId = (String) created(call("api-f", "member", HttpMethod.POST, "/v2.0/networks",
				"{\"network\": {\"name\": \"f\"}}"), "network").get("id");
		created(subnet("api-f", networkId, "\"cidr\": \"10.65.0.0/24\""), "subnet");
		Map<String, Object> port = created(call("api-f", "member", HttpMethod.POST, "/v2.0/ports",
				"{\"port\": {\"network_id\": \"" + networkId + "\"}}"), "port");

		Map<String, Object> floating = created(call("api-f", "member", HttpMethod.POST, "/v2.0/floatingips",
				"{\"floatingip\": {\"floating_network_id\": \"" + external + "\"}}"), "floatingip");
		// as in Neutron, a router must join the port's subnet to the external network
		String router = (String) created(call("api-f", "member", HttpMethod.POST, "/v2.0/routers",
				"{\"router\": {\"name\": \"f\", \"external_gateway_info\": {\"network_id\": \"" + external + "\"}}}"),
				"router").get("id");
		String subnetId = (String) ((Map<String, Object>) ((List<Object>) port.get("fixed_ips")).get(0)).get("subnet_id");
		assertThat(call("api-f", "member", HttpMethod.PUT, "/v2.0/routers/" + router + "/add_router_interface",
				"{\"subnet_id\": \"" + subnetId + "\"}").getStatusCode().value()).isEqualTo(200);
		assertThat(floating).containsEntry("floating_ip_address", "198.51.100.2")
			.containsEntry("port_id", null)
			.containsEntry("status", "DOWN")
			.containsEntry("floating_network_id", external);
		Map<String, Object> associated = one(call("api-f", "member", HttpMethod.PUT,
				"/v2.0/floatingips/" + floating.get("id"), "{\"floatingip\": {\"port_id\": \"" + port.get("id") + "\"}}"),
				"floatingip");
		assertThat(associated).containsEntry("port_id", port.get("id"))
			.containsEntry("fixed_ip_address", "10.65.0.2")
			.containsEntry("router_id", router)
			.containsEntry("status", "ACTIVE");
		Map<String, Object> disassociated = one(call("api-f", "member", HttpMethod.PUT,
				"/v2.0/floatingips/" + floating.get("id"), "{\"floatingip\": {\"port_id\": null}}"), "floatingip");
		assertThat(disassociated).containsEntry("port_id", null)
			.containsEntry("fixed_ip_address", null)
			.containsEntry("router_id", null);
		// a tenant network is no pool of floating IPs
		assertError(call("api-f", "member", HttpMethod.POST, "/v2.0/floatingips",
				"{\"floatingip\": {\"floating_network_id\": \"" + networkId + "\"}}"), 400, "BadRequest");
		assertError(call("api-g", "member", HttpMethod.PUT, "/v2.0/floatingips/" + floating.get("id"),
				"{\"floatingip\": {\"port_id\": null}}"), 404, "FloatingIPNotFound");
		assertThat(call("api-f", "member", HttpMethod.DELETE, "/v2.0/floatingips/" + floating.get("id"), null)
			.getStatusCode()
			.value()).isEqualTo(204);
	}

	@Test
	void aHundredThousandCharacterDeviceIdIsRefusedAtOnceNamingTheField() {
		String networkId = networkWithSubnet("api-h", "10.66.0.0/24");
		String huge = "d".repeat(100_000);
		ResponseEntity<Map<String, Object>> refused = call("api-h", "member", HttpMethod.POST, "/v2.0/ports",
				"{\"port\": {\"network_id\": \"" + networkId + "\", \"device_id\": \"" + huge + "\"}}");
		assertError(refused, 400, "InvalidInput");
		assertThat(message(refused)).contains("device_id")
			.contains("exceeds maximum length of 255")
			.hasSizeLessThan(300);
		assertThat(ports("api-h")).isEmpty();

		String port = (String) created(call("api-h", "member", HttpMethod.POST, "/v2.0/ports",
				"{\"port\": {\"network_id\": \"" + networkId + "\"}}"), "port").get("id");
		ResponseEntity<Map<String, Object>> update = call("api-h", "member", HttpMethod.PUT, "/v2.0/ports/" + port,
				"{\"port\": {\"device_id\": \"" + huge + "\"}}");
		assertError(update, 400, "InvalidInput");
		assertThat(message(update)).contains("device_id");
		assertThat(one(call("api-h", "member", HttpMethod.GET, "/v2.0/ports/" + port, null), "port"))
			.containsEntry("device_id", "");
	}

	@Test
	void everyStoredStringIsCheckedAgainstItsColumnNamingTheFieldAndNothingIsStored() {
		String networkId = networkWithSubnet("api-i", "10.67.0.0/24");
		String external = (String) created(call("admin", "admin", HttpMethod.POST, "/v2.0/networks",
				"{\"network\": {\"name\": \"ext-i\", \"router:external\": true}}"), "network").get("id");
		created(subnet("admin", external, "\"cidr\": \"198.51.100.32/28\", \"enable_dhcp\": false"), "subnet");
		String long256 = "\"" + "x".repeat(256) + "\"";
		int networks = all("networks").size();
		int subnets = all("subnets").size();
		int ports = all("ports").size();
		int floatingIps = all("floatingips").size();

		// field -> body that puts a too long or wrongly typed value in it
		Map<String, String> networkBodies = Map.of("name", "{\"name\": " + long256 + "}", "description",
				"{\"description\": " + long256 + "}", "project_id", "{\"project_id\": " + long256 + "}",
				"tenant_id", "{\"tenant_id\": [1]}", "provider:network_type",
				"{\"provider:network_type\": \"" + "v".repeat(17) + "\"}", "provider:physical_network",
				"{\"provider:physical_network\": \"" + "p".repeat(65) + "\"}");
		networkBodies.forEach((field, attributes) -> refused("admin", "/v2.0/networks", "{\"network\": " + attributes + "}",
				field));
		refused("api-i", "/v2.0/networks", "{\"network\": {\"name\": \" leading space\"}}", "name");
		refused("api-i", "/v2.0/networks", "{\"network\": {\"description\": {\"an\": \"object\"}}}", "description");

		String onNetwork = "\"network_id\": \"" + networkId + "\", ";
		// addresses and CIDRs are stored in 64 characters, Neutron's IP_ADDR_FIELD_SIZE
		Map<String, String> subnetBodies = Map.of("name", "\"cidr\": \"10.68.0.0/24\", \"name\": " + long256,
				"description", "\"cidr\": \"10.68.0.0/24\", \"description\": " + long256, "cidr",
				"\"cidr\": \"10.68.0.0/24" + " ".repeat(60) + "\"", "gateway_ip",
				"\"cidr\": \"10.68.0.0/24\", \"gateway_ip\": \"10.68.0.1" + "0".repeat(60) + "\"", "dns_nameservers",
				"\"cidr\": \"10.68.0.0/24\", \"dns_nameservers\": [\"" + "1".repeat(65) + "\"]", "start",
				"\"cidr\": \"10.68.0.0/24\", \"allocation_pools\": [{\"start\": \"" + "1".repeat(65)
						+ "\", \"end\": \"10.68.0.9\"}]");
		subnetBodies.forEach((field, attributes) -> refused("api-i", "/v2.0/subnets",
				"{\"subnet\": {" + onNetwork + "\"ip_version\": 4, " + attributes + "}}", field));

		Map<String, String> portBodies = Map.of("name", "\"name\": " + long256, "description",
				"\"description\": " + long256, "device_id", "\"device_id\": " + long256, "device_owner",
				"\"device_owner\": " + long256, "binding:host_id", "\"binding:host_id\": " + long256, "mac_address",
				"\"mac_address\": \"fa:16:3e:00:00:00:00\"", "ip_address",
				"\"fixed_ips\": [{\"ip_address\": \"10.67.0.1" + "0".repeat(60) + "\"}]", "device_owner ",
				"\"device_owner\": 7");
		portBodies.forEach((field, attributes) -> refused("api-i", "/v2.0/ports",
				"{\"port\": {" + onNetwork + attributes + "}}", field.strip()));

		Map<String, String> floatingBodies = Map.of("description", "\"description\": " + long256,
				"floating_ip_address", "\"floating_ip_address\": \"198.51.100.3" + "3".repeat(60) + "\"", "fixed_ip_address",
				"\"fixed_ip_address\": \"10.67.0.2" + "2".repeat(60) + "\"");
		floatingBodies.forEach((field, attributes) -> refused("admin", "/v2.0/floatingips",
				"{\"floatingip\": {\"floating_network_id\": \"" + external + "\", " + attributes + "}}", field));

		assertThat(all("networks")).hasSize(networks);
		assertThat(all("subnets")).hasSize(subnets);
		assertThat(all("ports")).hasSize(ports);
		assertThat(all("floatingips")).hasSize(floatingIps);
	}

	@Test
	void malformedIdsAreNotFoundInPathsAndBadRequestsInBodies() {
		for (String[] resource : new String[][] { { "networks", "NetworkNotFound" }, { "subnets", "SubnetNotFound" },
				{ "ports", "PortNotFound" }, { "floatingips", "FloatingIPNotFound" } }) {
			for (HttpMethod method : List.of(HttpMethod.GET, HttpMethod.DELETE)) {
				assertError(call("api-j", "member", method, "/v2.0/" + resource[0] + "/not-a-uuid", null), 404,
						resource[1]);
			}
		}
		assertError(call("api-j", "member", HttpMethod.PUT, "/v2.0/ports/12345", "{\"port\": {\"name\": \"x\"}}"), 404,
				"PortNotFound");

		String networkId = networkWithSubnet("api-j", "10.69.0.0/24");
		Map<String, String> bodies = Map.of("network_id",
				"/v2.0/ports|{\"port\": {\"network_id\": \"" + networkId + "-0\"}}", "subnet_id",
				"/v2.0/ports|{\"port\": {\"network_id\": \"" + networkId
						+ "\", \"fixed_ips\": [{\"subnet_id\": \"subnet-1\"}]}}",
				"network_id ", "/v2.0/subnets|{\"subnet\": {\"network_id\": 12, \"cidr\": \"10.70.0.0/24\"}}",
				"floating_network_id", "/v2.0/floatingips|{\"floatingip\": {\"floating_network_id\": \"public\"}}",
				"port_id", "/v2.0/floatingips|{\"floatingip\": {\"floating_network_id\": \"" + networkId
						+ "\", \"port_id\": \"p\"}}");
		bodies.forEach((field, request) -> {
			String[] parts = request.split("\\|", 2);
			refused("api-j", parts[0], parts[1], field.strip());
		});
		assertThat(ports("api-j")).isEmpty();
	}

	@Test
	void listsPageWithLimitAndMarkerAndRefuseBadOnes() {
		for (int i = 0; i < 3; i++) {
			created(call("api-k", "member", HttpMethod.POST, "/v2.0/networks", "{\"network\": {\"name\": \"k\"}}"),
					"network");
		}
		List<Map<String, Object>> all = list(
				call("api-k", "member", HttpMethod.GET, "/v2.0/networks?name=k", null).getBody(), "networks");
		assertThat(all).hasSize(3);
		List<Map<String, Object>> first = list(
				call("api-k", "member", HttpMethod.GET, "/v2.0/networks?name=k&limit=2", null).getBody(), "networks");
		assertThat(first).extracting((n) -> n.get("id")).containsExactly(all.get(0).get("id"), all.get(1).get("id"));
		List<Map<String, Object>> next = list(call("api-k", "member", HttpMethod.GET,
				"/v2.0/networks?name=k&limit=2&marker=" + all.get(1).get("id"), null).getBody(), "networks");
		assertThat(next).extracting((n) -> n.get("id")).containsExactly(all.get(2).get("id"));

		for (String query : List.of("limit=abc", "limit=-1", "limit=1.5", "marker=nope",
				"marker=4b8cbd4a-0a3e-4e53-9d0f-6a7fef0bb777")) {
			ResponseEntity<Map<String, Object>> response = call("api-k", "member", HttpMethod.GET,
					"/v2.0/networks?" + query, null);
			assertError(response, 400, "BadRequest");
			assertThat(message(response)).startsWith("Bad " + query.substring(0, query.indexOf('=')) + " request: ");
		}
	}

	@Test
	@SuppressWarnings("unchecked")
	void computedFiltersAreAppliedInTheDatabaseAndAFilterMatchingFewRowsStillPages() {
		String networkId = networkWithSubnet("api-q", "10.66.0.0/24");
		String otherId = networkWithSubnet("api-q", "10.67.0.0/24");
		String subnetId = (String) list(call("api-q", "member", HttpMethod.GET, "/v2.0/subnets?network_id=" + networkId,
				null).getBody(), "subnets").get(0).get("id");
		// 40 ports on two networks, 3 of them on a device: ports 5 and 31 on the other network, 18 on the first
		List<Map<String, Object>> few = new ArrayList<>();
		for (int i = 0; i < 40; i++) {
			String device = (i % 13 == 5) ? "dev-q" : "";
			Map<String, Object> port = created(call("api-q", "member", HttpMethod.POST, "/v2.0/ports",
					"{\"port\": {\"network_id\": \"" + ((i % 2 == 0) ? networkId : otherId) + "\", \"device_id\": \""
							+ device + "\"}}"), "port");
			if (!device.isEmpty()) {
				few.add(port);
			}
		}
		List<Object> fewIds = few.stream().map((port) -> port.get("id")).toList();
		assertThat(portIds("device_id=dev-q")).isEqualTo(fewIds);
		assertThat(portIds("device_id=dev-q&limit=2")).isEqualTo(fewIds.subList(0, 2));
		assertThat(portIds("device_id=dev-q&limit=2&marker=" + fewIds.get(1))).isEqualTo(fewIds.subList(2, 3));
		assertThat(portIds("status=ACTIVE&limit=2&marker=" + fewIds.get(0))).isEqualTo(fewIds.subList(1, 3));
		assertThat(portIds("status=DOWN")).hasSize(37).doesNotContainAnyElementsOf(fewIds);
		assertThat(portIds("network_id=" + otherId + "&device_id=dev-q")).containsExactly(fewIds.get(0), fewIds.get(2));
		String address = (String) ((List<Map<String, Object>>) few.get(1).get("fixed_ips")).get(0).get("ip_address");
		assertThat(portIds("fixed_ips=ip_address=" + address)).containsExactly(fewIds.get(1));
		assertThat(portIds("fixed_ips=subnet_id=" + subnetId + "&device_id=dev-q")).containsExactly(fewIds.get(1));
		// both parts of fixed_ips must hold, as in Neutron
		assertThat(portIds("fixed_ips=ip_address=" + address + "&fixed_ips=subnet_id=" + subnetId))
			.containsExactly(fewIds.get(1));
		assertThat(portIds("fixed_ips=ip_address=" + address + "&fixed_ips=subnet_id=" + UUID.randomUUID())).isEmpty();
		assertThat(portIds("fixed_ips=subnet_id=" + subnetId + "&limit=5")).hasSize(5);
		assertThat(portIds("admin_state_up=True&binding:host_id=&device_id=dev-q")).isEqualTo(fewIds);
		// a marker that the filters leave out is still not in the list
		assertError(call("api-q", "member", HttpMethod.GET, "/v2.0/ports?device_id=dev-q&marker=" + portIds("status=DOWN")
			.get(0), null), 400, "BadRequest");

		String external = (String) created(call("admin", "admin", HttpMethod.POST, "/v2.0/networks",
				"{\"network\": {\"name\": \"ext-q\", \"router:external\": true}}"), "network").get("id");
		assertThat(networkIds("admin", "router:external=true")).contains(external).doesNotContain(networkId, otherId);
		assertThat(networkIds("api-q", "router:external=True")).contains(external).doesNotContain(networkId, otherId);
		assertThat(networkIds("api-q", "router:external=false")).contains(networkId, otherId).doesNotContain(external);
		assertThat(networkIds("api-q", "shared=false&router:external=false&tenant_id=api-q&limit=1")).containsExactly(networkId);
		assertThat(networkIds("api-q", "shared=false&router:external=false&tenant_id=api-q&limit=1&marker=" + networkId))
			.containsExactly(otherId);
		assertThat(networkIds("api-q", "subnets=" + subnetId)).containsExactly(networkId);
		assertThat(networkIds("api-q", "shared=maybe")).isEmpty();
	}

	private List<Object> portIds(String filters) {
		return list(call("api-q", "member", HttpMethod.GET, "/v2.0/ports?" + filters, null).getBody(), "ports").stream()
			.map((port) -> port.get("id"))
			.toList();
	}

	private List<Object> networkIds(String project, String filters) {
		return list(call(project, project.equals("admin") ? "admin" : "member", HttpMethod.GET, "/v2.0/networks?" + filters,
				null).getBody(), "networks").stream()
			.map((network) -> network.get("id"))
			.toList();
	}

	@Test
	@SuppressWarnings("unchecked")
	void aValueTheDatabaseStillRefusesIsABadRequestNotAServerError() {
		ResponseEntity<Map<String, Object>> answer = new NetworkApiFaults()
			.refusedByDatabase(new DataIntegrityViolationException("value too long for type character varying(255)"));
		assertThat(answer.getStatusCode().value()).isEqualTo(400);
		Map<String, Object> error = (Map<String, Object>) answer.getBody().get("NeutronError");
		assertThat(error).containsEntry("type", "HTTPBadRequest").containsEntry("detail", "");
		assertThat((String) error.get("message")).doesNotContain("varying");
	}

	/** A 400 whose message names the field, for a request that must store nothing. */
	private void refused(String project, String path, String body, String field) {
		ResponseEntity<Map<String, Object>> response = call(project, project.equals("admin") ? "admin" : "member",
				HttpMethod.POST, path, body);
		assertThat(response.getStatusCode().value()).as("%s %s -> %s", path, body, response.getBody()).isEqualTo(400);
		assertThat(message(response)).as("%s", body).contains(field);
	}

	private String networkWithSubnet(String project, String cidr) {
		String networkId = (String) created(call(project, "member", HttpMethod.POST, "/v2.0/networks",
				"{\"network\": {\"name\": \"" + project + "\"}}"), "network").get("id");
		created(subnet(project, networkId, "\"cidr\": \"" + cidr + "\""), "subnet");
		return networkId;
	}

	private List<Map<String, Object>> ports(String project) {
		return list(call(project, "member", HttpMethod.GET, "/v2.0/ports", null).getBody(), "ports");
	}

	private List<Map<String, Object>> all(String collection) {
		return list(call("admin", "admin", HttpMethod.GET, "/v2.0/" + collection, null).getBody(), collection);
	}

	@SuppressWarnings("unchecked")
	private static String message(ResponseEntity<Map<String, Object>> response) {
		return (String) ((Map<String, Object>) response.getBody().get("NeutronError")).get("message");
	}

	private ResponseEntity<Map<String, Object>> subnet(String project, String networkId, String attributes) {
		return call(project, project.equals("admin") ? "admin" : "member", HttpMethod.POST, "/v2.0/subnets",
				"{\"subnet\": {\"network_id\": \"" + networkId + "\", "
						+ (attributes.contains("ip_version") ? "" : "\"ip_version\": 4, ") + attributes + "}}");
	}

	private ResponseEntity<Map<String, Object>> call(String project, String roles, HttpMethod method, String path,
			String body) {
		HttpHeaders headers = new HttpHeaders();
		headers.set("X-Project-Id", project);
		headers.set("X-User-Id", "user-" + project);
		headers.set("X-Roles", roles);
		headers.setAccept(List.of(MediaType.APPLICATION_JSON));
		if (body != null) {
			headers.setContentType(MediaType.APPLICATION_JSON);
		}
		return this.http.exchange(path, method, new HttpEntity<>(body, headers), JSON);
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> created(ResponseEntity<Map<String, Object>> response, String resource) {
		assertThat(response.getStatusCode().value()).as("%s", response.getBody()).isEqualTo(201);
		return (Map<String, Object>) response.getBody().get(resource);
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> one(ResponseEntity<Map<String, Object>> response, String resource) {
		assertThat(response.getStatusCode().value()).as("%s", response.getBody()).isEqualTo(200);
		return (Map<String, Object>) response.getBody().get(resource);
	}

	@SuppressWarnings("unchecked")
	private static List<Map<String, Object>> list(Map<String, Object> body, String collection) {
		return (List<Map<String, Object>>) body.get(collection);
	}

	@SuppressWarnings("unchecked")
	private static void assertError(ResponseEntity<Map<String, Object>> response, int status, String type) {
		assertThat(response.getStatusCode().value()).as("%s", response.getBody()).isEqualTo(status);
		Map<String, Object> error = (Map<String, Object>) response.getBody().get("NeutronError");
		assertThat(error).as("%s", response.getBody()).containsEntry("type", type).containsEntry("detail", "");
		assertThat((String) error.get("message")).isNotBlank();
	}

}
