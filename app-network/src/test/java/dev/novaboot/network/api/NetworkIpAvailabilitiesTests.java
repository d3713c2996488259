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

import static dev.novaboot.network.api.ApiCalls.assertError;
import static dev.novaboot.network.api.ApiCalls.list;
import static dev.novaboot.network.api.ApiCalls.one;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code /v2.0/network-ip-availabilities}: Neutron's counts of a network's used and total
 * addresses, per subnet, for admins. (The context of {@link NetworkingApiTests}.)
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@AutoConfigureTestRestTemplate
class NetworkIpAvailabilitiesTests {

	@Autowired
	TestRestTemplate http;

	private ApiCalls api;

	@BeforeEach
	void client() {
		this.api = new ApiCalls(this.http);
	}

	@Test
	void aPortUsesOneAddressOfItsSubnetsAllocationPool() {
		String network = this.api.network("ipa-owner", "\"name\": \"ipa-net\"");
		String subnet = this.api.subnet("ipa-owner", network, "10.203.0.0/24");
		Map<String, Object> before = one(this.api.get("admin", "/v2.0/network-ip-availabilities/" + network),
				"network_ip_availability");
		assertThat(before).containsEntry("network_id", network)
			.containsEntry("network_name", "ipa-net")
			.containsEntry("project_id", "ipa-owner")
			.containsEntry("tenant_id", "ipa-owner")
			// .1 is the gateway: the pool is .2 to .254
			.containsEntry("total_ips", 253);
		@SuppressWarnings("unchecked")
		Map<String, Object> subnetBefore = (Map<String, Object>) ((List<?>) before.get("subnet_ip_availability")).get(0);
		assertThat(subnetBefore).containsEntry("subnet_id", subnet)
			.containsEntry("cidr", "10.203.0.0/24")
			.containsEntry("ip_version", 4)
			.containsEntry("total_ips", 253);
		long used = ((Number) before.get("used_ips")).longValue();

		this.api.create("ipa-owner", "ports", "port", "\"network_id\": \"" + network + "\"");

		Map<String, Object> after = one(this.api.get("admin", "/v2.0/network-ip-availabilities/" + network),
				"network_ip_availability");
		assertThat(((Number) after.get("used_ips")).longValue()).isEqualTo(used + 1);
		assertThat(list(this.api.get("admin", "/v2.0/network-ip-availabilities?network_id=" + network),
				"network_ip_availabilities"))
			.singleElement()
			.satisfies((listed) -> assertThat(listed).containsEntry("used_ips", (int) (used + 1)));
		assertThat(list(this.api.get("admin", "/v2.0/network-ip-availabilities?project_id=ipa-owner"),
				"network_ip_availabilities"))
			.extracting((listed) -> listed.get("network_id"))
			.containsExactly(network);
		this.api.removeNetwork(network);
	}

	@Test
	void onlyAdminsSeeIpAvailability() {
		String network = this.api.network("ipa-member", "\"name\": \"ipa-member-net\"");
		assertError(this.api.get("ipa-member", "/v2.0/network-ip-availabilities"), 403, "PolicyNotAuthorized");
		assertError(this.api.get("ipa-member", "/v2.0/network-ip-availabilities/" + network), 403, "PolicyNotAuthorized");
		this.api.removeNetwork(network);
	}

	@Test
	void anUnknownOrMalformedNetworkIsRefusedAndNothingChanges() {
		assertError(this.api.get("admin", "/v2.0/network-ip-availabilities/" + java.util.UUID.randomUUID()), 404,
				"NetworkNotFound");
		assertThat(this.api.get("admin", "/v2.0/network-ip-availabilities/" + "x".repeat(5000)).getStatusCode().value())
			.isBetween(400, 404);
		assertThat(this.api.get("admin", "/v2.0/network-ip-availabilities?limit=-1").getStatusCode().value())
			.isEqualTo(400);
		assertThat(this.api.call("admin", HttpMethod.POST, "/v2.0/network-ip-availabilities", "{}")
			.getStatusCode()
			.value()).isEqualTo(405);
	}

}
