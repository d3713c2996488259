package dev.novaboot.network.api;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureTestRestTemplate;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.core.ParameterizedTypeReference;
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
		assertError(call("api-e", "member", HttpMethod.POST, "/v2.0/ports", "{\"port\": {}}"), 400, "HTTPBadRequest");
		assertError(call("api-e", "member", HttpMethod.POST, "/v2.0/ports",
				"{\"port\": {\"network_id\": \"nope\", \"mac_address\": \"zz:zz\"}}"), 400, "InvalidInput");
		assertError(call("api-e", "member", HttpMethod.GET, "/v2.0/floatingips/nope", null), 404,
				"FloatingIPNotFound");
		assertError(call("api-e", "reader", HttpMethod.POST, "/v2.0/networks", "{\"network\": {}}"), 403,
				"PolicyNotAuthorized");
	}

	@Test
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
		assertThat(floating).containsEntry("floating_ip_address", "198.51.100.2")
			.containsEntry("port_id", null)
			.containsEntry("status", "DOWN")
			.containsEntry("floating_network_id", external);
		Map<String, Object> associated = one(call("api-f", "member", HttpMethod.PUT,
				"/v2.0/floatingips/" + floating.get("id"), "{\"floatingip\": {\"port_id\": \"" + port.get("id") + "\"}}"),
				"floatingip");
		assertThat(associated).containsEntry("port_id", port.get("id"))
			.containsEntry("fixed_ip_address", "10.65.0.2")
			.containsEntry("status", "ACTIVE");
		Map<String, Object> disassociated = one(call("api-f", "member", HttpMethod.PUT,
				"/v2.0/floatingips/" + floating.get("id"), "{\"floatingip\": {\"port_id\": null}}"), "floatingip");
		assertThat(disassociated).containsEntry("port_id", null).containsEntry("fixed_ip_address", null);
		// a tenant network is no pool of floating IPs
		assertError(call("api-f", "member", HttpMethod.POST, "/v2.0/floatingips",
				"{\"floatingip\": {\"floating_network_id\": \"" + networkId + "\"}}"), 400, "BadRequest");
		assertError(call("api-g", "member", HttpMethod.PUT, "/v2.0/floatingips/" + floating.get("id"),
				"{\"floatingip\": {\"port_id\": null}}"), 404, "FloatingIPNotFound");
		assertThat(call("api-f", "member", HttpMethod.DELETE, "/v2.0/floatingips/" + floating.get("id"), null)
			.getStatusCode()
			.value()).isEqualTo(204);
	}

	private ResponseEntity<Map<String, Object>> subnet(String project, String networkId, String attributes) {
		return call(project, project.equals("admin") ? "admin" : "member", HttpMethod.POST, "/v2.0/subnets",
				"{\"subnet\": {\"network_id\": \"" + networkId + "\", " + attributes + "}}");
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
