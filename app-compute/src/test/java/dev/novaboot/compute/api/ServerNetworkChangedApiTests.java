package dev.novaboot.compute.api;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import dev.novaboot.compute.manager.ComputeImages;
import dev.novaboot.compute.manager.ComputeManager;
import dev.novaboot.compute.manager.LocalNetworkAllocator;
import dev.novaboot.service.context.RequestContext;
import dev.novaboot.service.rpc.api.ComputeRpcApi.ExternalInstanceEvent;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureTestRestTemplate;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

import static dev.novaboot.compute.api.ServerFieldsApiTests.deleteAndWait;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A floating IP associated or released on the network service's side reaches the
 * server's addresses through the {@code network-changed} event the network service sends
 * the instance's host, as Neutron sends it to Nova: the host reads the instance's network
 * info again, and the addresses list the floating IP after its fixed IP, typed
 * {@code floating}, until it is released.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@AutoConfigureTestRestTemplate
class ServerNetworkChangedApiTests {

	private static final RequestContext NETWORK_SERVICE = new RequestContext("req-network", "nova-network", "service",
			Set.of("admin"));

	@Autowired
	TestRestTemplate http;

	@Autowired
	LocalNetworkAllocator network;

	@Autowired
	ComputeManager manager;

	ComputeApiClient gina;

	String image;

	@BeforeEach
	void client() {
		this.gina = new ComputeApiClient(this.http, "project-gina", "member");
		this.image = ComputeImages.idOf("cirros-0.6.2-x86_64-disk");
	}

	@Test
	void aFloatingIpShowsAfterItsFixedIpOnceTheNetworkChangedAndGoesWhenReleased() {
		String id = this.gina.boot("floating", "1", this.image, Map.of());
		List<Map<String, Object>> fixedOnly = addresses(this.gina.awaitStatus(id, "ACTIVE"));
		assertThat(fixedOnly).singleElement().satisfies((ip) -> assertThat(ip).containsEntry("OS-EXT-IPS:type", "fixed"));
		Map<String, Object> fixed = fixedOnly.get(0);

		this.network.setFloatingIp(id, "172.24.4.9");
		assertThat(addresses(this.gina.server(id))).as("nothing changes before the event").isEqualTo(fixedOnly);
		this.manager.externalInstanceEvent(NETWORK_SERVICE, ExternalInstanceEvent.networkChanged(id, "port-1"));

		assertThat(addresses(this.gina.server(id))).containsExactly(fixed,
				Map.of("version", 4, "addr", "172.24.4.9", "OS-EXT-IPS:type", "floating", "OS-EXT-IPS-MAC:mac_addr",
						fixed.get("OS-EXT-IPS-MAC:mac_addr")));
		assertThat(ips(id)).containsExactly(Map.of("version", 4, "addr", fixed.get("addr")),
				Map.of("version", 4, "addr", "172.24.4.9"));
		// the ip filter matches fixed IPs only, as Nova's
		assertThat(this.gina.get("/v2.1/servers?ip=172\\.24\\.4\\.9").getBody()).containsEntry("servers", List.of());

		this.network.setFloatingIp(id, null);
		this.manager.externalInstanceEvent(NETWORK_SERVICE, ExternalInstanceEvent.networkChanged(id, "port-1"));
		assertThat(addresses(this.gina.server(id))).isEqualTo(fixedOnly);
		deleteAndWait(this.gina, id);
	}

	@Test
	void eventsOfOtherKindsAndForInstancesThatAreGoneChangeNothing() {
		String id = this.gina.boot("unchanged", "1", this.image, Map.of());
		List<Map<String, Object>> before = addresses(this.gina.awaitStatus(id, "ACTIVE"));
		this.network.setFloatingIp(id, "172.24.4.10");

		this.manager.externalInstanceEvent(NETWORK_SERVICE, new ExternalInstanceEvent(id, "volume-extended", "v-1"));
		this.manager.externalInstanceEvent(NETWORK_SERVICE,
				ExternalInstanceEvent.networkChanged(UUID.randomUUID().toString(), "port-2"));

		assertThat(addresses(this.gina.server(id))).isEqualTo(before);
		deleteAndWait(this.gina, id);
	}

	@SuppressWarnings("unchecked")
	private static List<Map<String, Object>> addresses(Map<String, Object> server) {
		Map<String, List<Map<String, Object>>> byNetwork = (Map<String, List<Map<String, Object>>>) server
			.get("addresses");
		assertThat(byNetwork).hasSize(1);
		return byNetwork.values().iterator().next();
	}

	@SuppressWarnings("unchecked")
	private List<Map<String, Object>> ips(String id) {
		Map<String, List<Map<String, Object>>> byNetwork = (Map<String, List<Map<String, Object>>>) this.gina
			.get("/v2.1/servers/" + id + "/ips")
			.getBody()
			.get("addresses");
		return byNetwork.values().iterator().next();
	}

}
