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
import static dev.novaboot.network.api.ApiCalls.created;
import static dev.novaboot.network.api.ApiCalls.list;
import static dev.novaboot.network.api.ApiCalls.message;
import static dev.novaboot.network.api.ApiCalls.one;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * IPv6 subnets with Neutron's address and router advertisement modes: validated with
 * Neutron's messages, EUI-64 addresses on SLAAC and DHCPv6-stateless subnets, addresses
 * from the pools on DHCPv6-stateful ones, never one address twice. (The context of
 * {@link NetworkingApiTests}.)
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@AutoConfigureTestRestTemplate
class SubnetIpv6Tests {

	@Autowired
	TestRestTemplate http;

	private ApiCalls api;

	@BeforeEach
	void client() {
		this.api = new ApiCalls(this.http);
	}

	private Map<String, Object> subnet(String project, String network, String attributes) {
		return this.api.create(project, "subnets", "subnet", "\"network_id\": \"" + network + "\", " + attributes);
	}

	@Test
	void aSlaacSubnetShowsItsModesTheFirstAddressAsGatewayAndThePoolAfterIt() {
		String network = this.api.network("v6-a", "\"name\": \"v6-a\"");
		Map<String, Object> v6 = subnet("v6-a", network, "\"ip_version\": 6, \"cidr\": \"FD00:A:0::/64\", "
				+ "\"ipv6_address_mode\": \"slaac\", \"ipv6_ra_mode\": \"slaac\"");
		assertThat(v6).containsEntry("ip_version", 6)
			.containsEntry("cidr", "fd00:a::/64")
			.containsEntry("gateway_ip", "fd00:a::1")
			.containsEntry("ipv6_address_mode", "slaac")
			.containsEntry("ipv6_ra_mode", "slaac")
			.containsEntry("enable_dhcp", true)
			.containsEntry("allocation_pools", List.of(Map.of("start", "fd00:a::2", "end", "fd00:a::ffff:ffff:ffff:ffff")));
		Map<String, Object> v4 = subnet("v6-a", network, "\"ip_version\": 4, \"cidr\": \"10.230.0.0/24\"");
		assertThat(v4).containsEntry("ip_version", 4).containsEntry("ipv6_address_mode", null)
			.containsEntry("ipv6_ra_mode", null);

		assertThat(this.api.ids("v6-a", "subnets", "network_id=" + network + "&ip_version=6")).containsExactly(v6.get("id"));
		assertThat(this.api.ids("v6-a", "subnets", "network_id=" + network + "&ipv6_address_mode=slaac"))
			.containsExactly(v6.get("id"));
		assertThat(this.api.ids("v6-a", "subnets", "network_id=" + network + "&ip_version=x")).isEmpty();
		assertThat(this.api.ids("v6-a", "subnets", "network_id=" + network + "&sort_key=ip_version&sort_dir=desc"))
			.containsExactly(v6.get("id"), v4.get("id"));
		assertThat(this.api.ids("v6-a", "subnets", "network_id=" + network + "&sort_key=ip_version&sort_dir=asc"))
			.containsExactly(v4.get("id"), v6.get("id"));
	}

	@Test
	void aPortGetsAnIpv4AddressAndItsEui64AddressOnEverySlaacSubnet() {
		String network = this.api.network("v6-b", "\"name\": \"v6-b\"");
		String v4 = (String) subnet("v6-b", network, "\"ip_version\": 4, \"cidr\": \"10.231.0.0/24\"").get("id");
		String slaac = (String) subnet("v6-b", network, "\"ip_version\": 6, \"cidr\": \"fd00:b::/64\", "
				+ "\"ipv6_address_mode\": \"slaac\", \"ipv6_ra_mode\": \"slaac\"").get("id");
		String stateless = (String) subnet("v6-b", network, "\"ip_version\": 6, \"cidr\": \"fd00:b:1::/64\", "
				+ "\"ipv6_address_mode\": \"dhcpv6-stateless\"").get("id");
		Map<String, Object> port = this.api.create("v6-b", "ports", "port",
				"\"network_id\": \"" + network + "\", \"mac_address\": \"fa:16:3e:12:34:56\"");
		// fa ^ 02 = f8, ff:fe in the middle; a single zero group is not shortened (RFC 5952)
		assertThat(port.get("fixed_ips")).isEqualTo(List.of(Map.of("subnet_id", v4, "ip_address", "10.231.0.2"),
				Map.of("subnet_id", slaac, "ip_address", "fd00:b::f816:3eff:fe12:3456"),
				Map.of("subnet_id", stateless, "ip_address", "fd00:b:1:0:f816:3eff:fe12:3456")));
		assertThat(this.api.ids("v6-b", "ports", "fixed_ips=ip_address=fd00:b::f816:3eff:fe12:3456"))
			.containsExactly(port.get("id"));

		// an address of one's own choosing on a SLAAC subnet is refused, the EUI-64 one is taken
		ResponseEntity<Map<String, Object>> chosen = this.api.call("v6-b", HttpMethod.POST, "/v2.0/ports",
				"{\"port\": {\"network_id\": \"" + network + "\", \"fixed_ips\": [{\"ip_address\": \"fd00:b::5\"}]}}");
		assertError(chosen, 400, "AllocationOnAutoAddressSubnet");
		assertThat(message(chosen)).isEqualTo("IPv6 address fd00:b::5 cannot be directly assigned to a port on subnet "
				+ slaac + " as the subnet is configured for automatic addresses");
		Map<String, Object> own = this.api.create("v6-b", "ports", "port", "\"network_id\": \"" + network
				+ "\", \"mac_address\": \"fa:16:3e:00:00:01\", \"fixed_ips\": [{\"ip_address\": \"fd00:b:0:0:f816:3eff:fe00:1\"}]");
		assertThat(own.get("fixed_ips")).isEqualTo(List.of(Map.of("subnet_id", slaac, "ip_address", "fd00:b::f816:3eff:fe00:1"),
				Map.of("subnet_id", stateless, "ip_address", "fd00:b:1:0:f816:3eff:fe00:1")));
		assertThat(this.api.ids("v6-b", "ports", "network_id=" + network)).hasSize(2);

		// the port's addresses hold its subnets until it goes
		assertError(this.api.call("v6-b", HttpMethod.DELETE, "/v2.0/subnets/" + slaac, null), 409, "SubnetInUse");
		for (Object id : this.api.ids("v6-b", "ports", "network_id=" + network)) {
			assertThat(this.api.call("v6-b", HttpMethod.DELETE, "/v2.0/ports/" + id, null).getStatusCode().value())
				.isEqualTo(204);
		}
		assertThat(this.api.call("v6-b", HttpMethod.DELETE, "/v2.0/subnets/" + slaac, null).getStatusCode().value())
			.isEqualTo(204);
	}

	@Test
	void aDhcpv6StatefulSubnetHandsOutItsPoolOnceEach() {
		String network = this.api.network("v6-c", "\"name\": \"v6-c\"");
		String stateful = (String) subnet("v6-c", network, "\"ip_version\": 6, \"cidr\": \"fd00:c::/64\", "
				+ "\"ipv6_address_mode\": \"dhcpv6-stateful\", \"ipv6_ra_mode\": \"dhcpv6-stateful\", "
				+ "\"allocation_pools\": [{\"start\": \"fd00:c::10\", \"end\": \"fd00:c::12\"}]").get("id");
		String first = port("v6-c", network);
		String second = port("v6-c", network);
		assertThat(address("v6-c", first)).isEqualTo("fd00:c::10");
		assertThat(address("v6-c", second)).isEqualTo("fd00:c::11");
		// an address given is taken once; the next allocation goes around it
		Map<String, Object> given = this.api.create("v6-c", "ports", "port", "\"network_id\": \"" + network
				+ "\", \"fixed_ips\": [{\"subnet_id\": \"" + stateful + "\", \"ip_address\": \"fd00:c::12\"}]");
		assertThat(given.get("fixed_ips")).isEqualTo(List.of(Map.of("subnet_id", stateful, "ip_address", "fd00:c::12")));
		assertError(this.api.call("v6-c", HttpMethod.POST, "/v2.0/ports", "{\"port\": {\"network_id\": \"" + network
				+ "\", \"fixed_ips\": [{\"ip_address\": \"FD00:C:0::12\"}]}}"), 409, "IpAddressAlreadyAllocated");
		assertError(this.api.call("v6-c", HttpMethod.POST, "/v2.0/ports", "{\"port\": {\"network_id\": \"" + network
				+ "\"}}"), 409, "IpAddressGenerationFailure");
		assertError(this.api.call("v6-c", HttpMethod.POST, "/v2.0/ports", "{\"port\": {\"network_id\": \"" + network
				+ "\", \"fixed_ips\": [{\"ip_address\": \"fd00:d::1\"}]}}"), 400, "InvalidIpForNetwork");
		assertThat(this.api.ids("v6-c", "ports", "network_id=" + network)).hasSize(3);
		// a released address is free again
		assertThat(this.api.call("v6-c", HttpMethod.DELETE, "/v2.0/ports/" + first, null).getStatusCode().value())
			.isEqualTo(204);
		assertThat(address("v6-c", port("v6-c", network))).isEqualTo("fd00:c::10");
		// an update moves the port to another address of the pool and frees the old one
		Map<String, Object> moved = one(this.api.call("v6-c", HttpMethod.PUT, "/v2.0/ports/" + second,
				"{\"port\": {\"fixed_ips\": [{\"ip_address\": \"fd00:c::5\"}]}}"), "port");
		assertThat(moved.get("fixed_ips")).isEqualTo(List.of(Map.of("subnet_id", stateful, "ip_address", "fd00:c::5")));
		assertThat(address("v6-c", port("v6-c", network))).isEqualTo("fd00:c::11");
	}

	private String port(String project, String network) {
		return (String) this.api.create(project, "ports", "port", "\"network_id\": \"" + network + "\"").get("id");
	}

	@SuppressWarnings("unchecked")
	private String address(String project, String port) {
		List<Map<String, Object>> ips = (List<Map<String, Object>>) one(this.api.get(project, "/v2.0/ports/" + port), "port")
			.get("fixed_ips");
		return (String) ips.get(0).get("ip_address");
	}

	@Test
	void badIpv6AttributesAreRefusedInNeutronsWordsAndNothingIsStored() {
		String network = this.api.network("v6-d", "\"name\": \"v6-d\"");
		Map<String, String> bad = Map.ofEntries(
				Map.entry("\"ip_version\": 5, \"cidr\": \"fd00:e::/64\"", "Invalid input for ip_version. Reason: 5 is not in valid_values."),
				Map.entry("\"ip_version\": 6, \"cidr\": \"fd00:e::/64\", \"ipv6_ra_mode\": \"dhcp\"",
						"Invalid input for ipv6_ra_mode. Reason: dhcp is not in valid_values."),
				Map.entry("\"ip_version\": 6, \"cidr\": \"10.1.0.0/24\"", "cidr '10.1.0.0/24' does not match the ip_version '6'"),
				Map.entry("\"ip_version\": 4, \"cidr\": \"fd00:e::/64\"", "cidr 'fd00:e::/64' does not match the ip_version '4'"),
				Map.entry("\"ip_version\": 4, \"cidr\": \"10.1.0.0/24\", \"ipv6_address_mode\": \"slaac\"",
						"ipv6_address_mode is not valid when ip_version is 4"),
				Map.entry("\"ip_version\": 6, \"cidr\": \"fd00:e::/64\", \"ipv6_ra_mode\": \"slaac\", "
						+ "\"ipv6_address_mode\": \"dhcpv6-stateful\"", "ipv6_ra_mode set to 'slaac' with ipv6_address_mode "
						+ "set to 'dhcpv6-stateful' is not valid. If both attributes are set, they must be the same value"),
				Map.entry("\"ip_version\": 6, \"cidr\": \"fd00:e::/64\", \"ipv6_address_mode\": \"slaac\", \"enable_dhcp\": false",
						"ipv6_ra_mode or ipv6_address_mode cannot be set when enable_dhcp is set to False"),
				Map.entry("\"ip_version\": 6, \"cidr\": \"fd00:e::/80\", \"ipv6_address_mode\": \"slaac\"",
						"Invalid CIDR fd00:e::/80 for IPv6 address mode. OpenStack uses the EUI-64 address format, which "
								+ "requires the prefix to be /64"),
				Map.entry("\"ip_version\": 6, \"cidr\": \"::/64\"", "IPv6 subnet '::' is not supported"),
				Map.entry("\"ip_version\": 6, \"cidr\": \"fd00:e::/127\"",
						"Subnet has a prefix length that is incompatible with DHCP service enabled"),
				Map.entry("\"ip_version\": 6, \"cidr\": \"fd00:e::1/64\"", "isn't a recognized IP subnet cidr, 'fd00:e::/64' is recommended"),
				Map.entry("\"ip_version\": 6, \"cidr\": \"fd00:e::/48\"", "must have a prefix length from /64 to /126"),
				Map.entry("\"ip_version\": 6, \"cidr\": \"fd00:e::/64\", \"gateway_ip\": \"10.0.0.1\"",
						"gateway_ip '10.0.0.1' does not match the ip_version '6'"),
				Map.entry("\"ip_version\": 6, \"cidr\": \"fd00:e::/64\", \"dns_nameservers\": [\"8.8.8.8\"]",
						"dns_nameserver '8.8.8.8' does not match the ip_version '6'"),
				Map.entry("\"ip_version\": 6, \"cidr\": \"fd00:e::/64\", \"allocation_pools\": [{\"start\": \"fd00:f::2\", "
						+ "\"end\": \"fd00:f::9\"}]", "spans beyond the subnet cidr"),
				Map.entry("\"ip_version\": 6, \"cidr\": \"fd00:e::/64\", \"gateway_ip\": \"fd00:e::5\", \"allocation_pools\": "
						+ "[{\"start\": \"fd00:e::2\", \"end\": \"fd00:e::9\"}]", "conflicts with allocation pool"),
				Map.entry("\"ip_version\": 6, \"cidr\": \"fd00:e:::/64\"", "is not a valid IPv6 CIDR"));
		bad.forEach((attributes, reason) -> {
			ResponseEntity<Map<String, Object>> response = this.api.call("v6-d", HttpMethod.POST, "/v2.0/subnets",
					"{\"subnet\": {\"network_id\": \"" + network + "\", " + attributes + "}}");
			assertThat(response.getStatusCode().value()).as(attributes).isIn(400, 409);
			assertThat(message(response)).as(attributes).contains(reason);
		});
		assertThat(this.api.ids("v6-d", "subnets", "tenant_id=v6-d")).isEmpty();

		Map<String, Object> subnet = subnet("v6-d", network,
				"\"ip_version\": 6, \"cidr\": \"fd00:e::/64\", \"ipv6_address_mode\": \"dhcpv6-stateless\"");
		String path = "/v2.0/subnets/" + subnet.get("id");
		ResponseEntity<Map<String, Object>> disable = this.api.call("v6-d", HttpMethod.PUT, path,
				"{\"subnet\": {\"enable_dhcp\": false}}");
		assertError(disable, 400, "InvalidInput");
		assertThat(message(disable)).isEqualTo("Invalid input for operation: Cannot disable enable_dhcp with ipv6 attributes set");
		assertError(this.api.call("v6-d", HttpMethod.PUT, path, "{\"subnet\": {\"ipv6_ra_mode\": \"slaac\"}}"), 400,
				"HTTPBadRequest");
		assertThat(one(this.api.get("v6-d", path), "subnet")).isEqualTo(subnet);
		ResponseEntity<Map<String, Object>> overlapping = this.api.call("v6-d", HttpMethod.POST, "/v2.0/subnets",
				"{\"subnet\": {\"network_id\": \"" + network + "\", \"ip_version\": 6, \"cidr\": \"fd00:e::/96\"}}");
		assertThat(overlapping.getStatusCode().value()).isEqualTo(400);
		assertThat(message(overlapping)).contains("overlaps with another subnet");
		assertThat(list(this.api.get("v6-d", "/v2.0/subnets?tenant_id=v6-d"), "subnets")).hasSize(1);
		assertThat(created(this.api.call("v6-d", HttpMethod.POST, "/v2.0/subnets", "{\"subnet\": {\"network_id\": \""
				+ network + "\", \"ip_version\": 4, \"cidr\": \"10.232.0.0/24\"}}"), "subnet")).containsEntry("ip_version", 4);
	}

}
