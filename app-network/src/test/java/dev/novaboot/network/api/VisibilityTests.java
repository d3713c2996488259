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
import static dev.novaboot.network.api.ApiCalls.one;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who sees what, as Neutron's policies have it: a project's own resources; shared networks
 * and their subnets; external networks, but their subnets only when shared; never another
 * project's ports or floating IPs. What a project does not see is absent from lists, from
 * every filter, and a 404 when asked for by id. (The context of {@link NetworkingApiTests}.)
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@AutoConfigureTestRestTemplate
class VisibilityTests {

	@Autowired
	TestRestTemplate http;

	private ApiCalls api;

	@BeforeEach
	void client() {
		this.api = new ApiCalls(this.http);
	}

	@Test
	void anotherProjectsPrivateNetworkIsNeverShownButSharedAndExternalOnesAre() {
		String own = this.api.network("vis-net-owner", "\"name\": \"vis-private\"");
		String shared = this.api.network("admin", "\"name\": \"vis-shared\", \"shared\": true");
		String external = this.api.network("admin", "\"name\": \"vis-external\", \"router:external\": true");

		hidden("networks", own, "NetworkNotFound", "name=vis-private", "tenant_id=vis-net-owner", "shared=false");
		assertThat(this.api.ids("vis-net-stranger", "networks", null)).contains(shared, external);
		assertThat(one(this.api.get("vis-net-stranger", "/v2.0/networks/" + shared), "network")).containsEntry("shared",
				true);
		assertThat(one(this.api.get("vis-net-stranger", "/v2.0/networks/" + external), "network"))
			.containsEntry("router:external", true);
		this.api.removeNetwork(shared);
	}

	@Test
	void anExternalNetworksSubnetsAreHiddenFromOtherProjectsUnlessTheNetworkIsShared() {
		String external = this.api.network("admin", "\"name\": \"vis-ext-private\", \"router:external\": true");
		String externalSubnet = this.api.subnet("admin", external, "10.201.0.0/24");
		String sharedExternal = this.api.network("admin",
				"\"name\": \"vis-ext-shared\", \"router:external\": true, \"shared\": true");
		String sharedExternalSubnet = this.api.subnet("admin", sharedExternal, "10.201.1.0/24");
		String shared = this.api.network("admin", "\"name\": \"vis-shared-net\", \"shared\": true");
		String sharedSubnet = this.api.subnet("admin", shared, "10.201.2.0/24");
		String own = this.api.network("vis-sub-owner", "\"name\": \"vis-sub-private\"");
		String ownSubnet = this.api.subnet("vis-sub-owner", own, "10.201.3.0/24");

		// the bug of issue 16: the member listed the subnets of a non-shared external network
		hidden("subnets", externalSubnet, "SubnetNotFound", "network_id=" + external, "cidr=10.201.0.0/24",
				"tenant_id=admin");
		hidden("subnets", ownSubnet, "SubnetNotFound", "network_id=" + own, "cidr=10.201.3.0/24");
		assertThat(this.api.ids("vis-sub-stranger", "subnets", null)).contains(sharedSubnet, sharedExternalSubnet);
		assertThat(this.api.ids("vis-sub-stranger", "subnets", "network_id=" + shared)).containsExactly(sharedSubnet);
		assertThat(one(this.api.get("vis-sub-stranger", "/v2.0/subnets/" + sharedExternalSubnet), "subnet"))
			.containsEntry("network_id", sharedExternal);
		// the owner and admins still see them
		assertThat(this.api.ids("admin", "subnets", "network_id=" + external)).containsExactly(externalSubnet);
		assertThat(this.api.ids("vis-sub-owner", "subnets", null)).contains(ownSubnet).doesNotContain(externalSubnet);
		this.api.removeNetwork(shared);
	}

	@Test
	void anotherProjectsPortIsNeverShownEvenOnASharedNetwork() {
		String shared = this.api.network("admin", "\"name\": \"vis-port-net\", \"shared\": true");
		this.api.subnet("admin", shared, "10.202.0.0/24");
		Map<String, Object> port = this.api.create("vis-port-owner", "ports", "port",
				"\"network_id\": \"" + shared + "\", \"device_id\": \"vis-device\", \"name\": \"vis-port\"");
		String address = (String) ((List<?>) port.get("fixed_ips")).stream()
			.map((ip) -> ((Map<?, ?>) ip).get("ip_address"))
			.findFirst()
			.orElseThrow();

		hidden("ports", (String) port.get("id"), "PortNotFound", "network_id=" + shared, "device_id=vis-device",
				"name=vis-port", "fixed_ips=ip_address=" + address, "mac_address=" + port.get("mac_address"));
		assertError(this.api.call("vis-port-stranger", HttpMethod.PUT, "/v2.0/ports/" + port.get("id"),
				"{\"port\": {\"name\": \"mine now\"}}"), 404, "PortNotFound");
		assertError(this.api.call("vis-port-stranger", HttpMethod.DELETE, "/v2.0/ports/" + port.get("id"), null), 404,
				"PortNotFound");
		assertThat(this.api.ids("vis-port-owner", "ports", "network_id=" + shared)).containsExactly(port.get("id"));
		this.api.removeNetwork(shared);
	}

	@Test
	void anotherProjectsFloatingIpIsNeverShown() {
		String external = this.api.network("admin", "\"name\": \"vis-fip-net\", \"router:external\": true");
		this.api.subnet("admin", external, "10.203.0.0/24");
		Map<String, Object> floating = this.api.create("vis-fip-owner", "floatingips", "floatingip",
				"\"floating_network_id\": \"" + external + "\"");

		hidden("floatingips", (String) floating.get("id"), "FloatingIPNotFound", "floating_network_id=" + external,
				"floating_ip_address=" + floating.get("floating_ip_address"), "tenant_id=vis-fip-owner");
		assertError(this.api.call("vis-fip-stranger", HttpMethod.DELETE, "/v2.0/floatingips/" + floating.get("id"), null),
				404, "FloatingIPNotFound");
		assertThat(this.api.ids("vis-fip-owner", "floatingips", null)).containsExactly(floating.get("id"));
	}

	/**
	 * Another project ({@code stranger}) does not find the item: not in the whole list, not
	 * through any of the filters, not as a marker, and a 404 of the type by id.
	 */
	private void hidden(String collection, String id, String notFound, String... filters) {
		String stranger = "vis-stranger-" + collection;
		assertThat(this.api.ids(stranger, collection, null)).doesNotContain(id);
		assertThat(this.api.ids(stranger, collection, "id=" + id)).isEmpty();
		for (String filter : filters) {
			assertThat(this.api.ids(stranger, collection, filter)).as(filter).doesNotContain(id);
			assertThat(this.api.ids(stranger, collection, "fields=id&" + filter)).as(filter).doesNotContain(id);
		}
		assertError(this.api.get(stranger, "/v2.0/" + collection + "?marker=" + id), 400, "BadRequest");
		assertError(this.api.get(stranger, "/v2.0/" + collection + "/" + id), 404, notFound);
	}

}
