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
import static dev.novaboot.network.api.ApiCalls.one;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code PUT /v2.0/ports/{id}} with {@code fixed_ips}: the list is the port's whole new
 * set of addresses, as in Neutron; added addresses come from the allocator (never one
 * that another port holds), removed ones go back to the pool, and a refused change leaves
 * the port as it was. (The context of {@link NetworkingApiTests}.)
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@AutoConfigureTestRestTemplate
class PortFixedIpsUpdateTests {

	@Autowired
	TestRestTemplate http;

	private ApiCalls api;

	// the tests share the app's database and its overlap check: each subnet a /24 of its own
	private static final AtomicInteger NEXT_SUBNET = new AtomicInteger();

	private String network;

	private String first;

	private String second;

	@BeforeEach
	void networkWithTwoSubnets() {
		this.api = new ApiCalls(this.http);
		this.network = this.api.network("fixed-a", "\"name\": \"fixed-a\"");
		this.first = this.api.subnet("fixed-a", this.network, "10.230." + NEXT_SUBNET.incrementAndGet() + ".0/24");
	}

	private String secondSubnet() {
		this.second = this.api.subnet("fixed-a", this.network, "10.231." + NEXT_SUBNET.incrementAndGet() + ".0/24");
		return this.second;
	}

	@Test
	@SuppressWarnings("unchecked")
	void addressesAreAddedKeptAndGivenBackToThePool() {
		secondSubnet();
		Map<String, Object> port = this.api.create("fixed-a", "ports", "port", "\"network_id\": \"" + this.network + "\"");
		String original = address(port, 0);
		Map<String, Object> both = update("fixed-a", port, "[{\"ip_address\": \"" + original + "\"}, {\"subnet_id\": \""
				+ this.second + "\"}]");
		List<Map<String, Object>> fixed = (List<Map<String, Object>>) both.get("fixed_ips");
		assertThat(fixed).hasSize(2);
		assertThat(fixed).extracting((ip) -> ip.get("subnet_id")).containsExactlyInAnyOrder(this.first, this.second);
		assertThat(fixed).extracting((ip) -> ip.get("ip_address")).contains(original);
		String onSecond = (String) fixed.stream()
			.filter((ip) -> ip.get("subnet_id").equals(this.second))
			.findFirst()
			.orElseThrow()
			.get("ip_address");

		// a subnet alone keeps the port's address on it; the original address goes
		Map<String, Object> moved = update("fixed-a", port, "[{\"subnet_id\": \"" + this.second + "\"}]");
		assertThat(moved.get("fixed_ips")).isEqualTo(List.of(Map.of("subnet_id", this.second, "ip_address", onSecond)));
		assertThat(this.api.ids("fixed-a", "ports", "fixed_ips=ip_address=" + original)).isEmpty();
		// it is free again: another port takes it
		Map<String, Object> other = this.api.create("fixed-a", "ports", "port", "\"network_id\": \"" + this.network
				+ "\", \"fixed_ips\": [{\"ip_address\": \"" + original + "\"}]");
		assertThat(address(other, 0)).isEqualTo(original);
		// and no port can take it twice
		assertError(call("fixed-a", port, "[{\"ip_address\": \"" + original + "\"}]"), 409, "IpAddressAlreadyAllocated");
		assertThat(one(this.api.get("fixed-a", "/v2.0/ports/" + port.get("id")), "port").get("fixed_ips"))
			.as("a refused change leaves the port's addresses, even the one it would have given up")
			.isEqualTo(moved.get("fixed_ips"));

		// an empty list leaves the port without addresses
		assertThat(update("fixed-a", port, "[]").get("fixed_ips")).isEqualTo(List.of());
	}

	@Test
	void badFixedIpsAreRefusedAndChangeNothing() {
		String foreignSubnet = this.api.subnet("fixed-a", this.api.network("fixed-a", "\"name\": \"fixed-other\""),
				"10.232." + NEXT_SUBNET.incrementAndGet() + ".0/24");
		Map<String, Object> port = this.api.create("fixed-a", "ports", "port", "\"network_id\": \"" + this.network + "\"");
		Object before = port.get("fixed_ips");
		String prefix = address(port, 0).substring(0, address(port, 0).lastIndexOf('.') + 1);
		Map<String, String> bad = Map.of(
				"\"10.0.0.5\"", "fixed_ips",
				"[{\"ip_address\": \"" + prefix + "300\"}]", "is not a valid IP address",
				"[{\"ip_address\": \"192.0.2.77\"}]", "is not a valid address of an allocation pool",
				"[{\"ip_address\": \"" + prefix + "1\"}]", "is not a valid address of an allocation pool",
				"[{\"subnet_id\": \"" + foreignSubnet + "\"}]", "is not a subnet of network",
				"[{}]", "needs a 'subnet_id' or an 'ip_address'",
				"[{\"ip_address\": \"" + prefix + "20\", \"mac\": \"x\"}]", "unknown key 'mac'",
				"[{\"subnet_id\": \"not-a-uuid\"}]", "subnet_id",
				"[" + ("{\"subnet_id\": \"" + this.first + "\"}, ").repeat(5) + "{\"subnet_id\": \"" + this.first + "\"}]",
				"Exceeded maximum amount of fixed ips per port");
		bad.forEach((fixedIps, reason) -> {
			ResponseEntity<Map<String, Object>> response = call("fixed-a", port, fixedIps);
			assertThat(response.getStatusCode().value()).as(fixedIps).isEqualTo(400);
			assertThat(ApiCalls.message(response)).as(fixedIps).contains(reason);
		});
		assertThat(one(this.api.get("fixed-a", "/v2.0/ports/" + port.get("id")), "port").get("fixed_ips"))
			.isEqualTo(before);
	}

	@Test
	void onlyAdminsAndTheNetworksOwnerChangeAddressesAndOthersDoNotFindThePort() {
		Map<String, Object> port = this.api.create("fixed-a", "ports", "port", "\"network_id\": \"" + this.network + "\"");
		assertError(call("fixed-stranger", port, "[]"), 404, "PortNotFound");
		assertError(this.api.call("fixed-a", "reader", HttpMethod.PUT, "/v2.0/ports/" + port.get("id"),
				"{\"port\": {\"fixed_ips\": []}}"), 403, "PolicyNotAuthorized");

		// a member's port on an admin's shared network: update_port:fixed_ips is admin_or_network_owner
		String shared = this.api.network("admin", "\"name\": \"fixed-shared\", \"shared\": true");
		this.api.subnet("admin", shared, "10.233." + NEXT_SUBNET.incrementAndGet() + ".0/24");
		Map<String, Object> onShared = this.api.create("fixed-b", "ports", "port", "\"network_id\": \"" + shared + "\"");
		assertError(call("fixed-b", onShared, "[]"), 403, "PolicyNotAuthorized");
		assertThat(one(this.api.get("fixed-b", "/v2.0/ports/" + onShared.get("id")), "port").get("fixed_ips"))
			.isEqualTo(onShared.get("fixed_ips"));
		assertThat(((List<?>) update("admin", onShared, "[]").get("fixed_ips"))).isEmpty();
		this.api.removeNetwork(shared);
	}

	@Test
	void anAddressAFloatingIpPointsAtIsNotTakenAway() {
		String external = this.api.network("admin", "\"name\": \"fixed-ext\", \"router:external\": true");
		this.api.subnet("admin", external, "10.234." + NEXT_SUBNET.incrementAndGet() + ".0/24");
		Map<String, Object> port = this.api.create("fixed-a", "ports", "port", "\"network_id\": \"" + this.network + "\"");
		this.api.router("fixed-a", external, this.first);
		Map<String, Object> floating = this.api.create("fixed-a", "floatingips", "floatingip",
				"\"floating_network_id\": \"" + external + "\", \"port_id\": \"" + port.get("id") + "\"");
		assertThat(floating).containsEntry("fixed_ip_address", address(port, 0));
		assertError(call("fixed-a", port, "[{\"subnet_id\": \"" + this.first + "\", \"ip_address\": \"" + address(port, 0)
				.replaceAll("\\.\\d+$", ".200") + "\"}]"), 409, "Conflict");
		assertThat(one(this.api.get("fixed-a", "/v2.0/ports/" + port.get("id")), "port").get("fixed_ips"))
			.isEqualTo(port.get("fixed_ips"));
	}

	private Map<String, Object> update(String project, Map<String, Object> port, String fixedIps) {
		return one(call(project, port, fixedIps), "port");
	}

	private ResponseEntity<Map<String, Object>> call(String project, Map<String, Object> port, String fixedIps) {
		return this.api.call(project, HttpMethod.PUT, "/v2.0/ports/" + port.get("id"),
				"{\"port\": {\"fixed_ips\": " + fixedIps + "}}");
	}

	@SuppressWarnings("unchecked")
	private static String address(Map<String, Object> port, int index) {
		return (String) ((List<Map<String, Object>>) port.get("fixed_ips")).get(index).get("ip_address");
	}

}
