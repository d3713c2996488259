package dev.novaboot.network.api;

import java.util.List;
import java.util.Map;

import dev.novaboot.network.NetworkApplication;
import dev.novaboot.service.rpc.api.NetworkRpcApi;
import dev.novaboot.service.testsupport.AuthTestSupport;
import dev.novaboot.service.testsupport.AuthTestSupport.ProjectUser;
import dev.novaboot.service.testsupport.EdgeChecks;
import dev.novaboot.service.testsupport.FaultShapes;
import dev.novaboot.service.testsupport.OpenStackClients;
import org.junit.jupiter.api.Test;
import org.openstack4j.api.Builders;
import org.openstack4j.api.OSClient.OSClientV3;
import org.openstack4j.model.network.IPVersionType;
import org.openstack4j.model.network.Network;
import org.openstack4j.model.network.Port;
import org.openstack4j.model.network.Subnet;
import tools.jackson.databind.node.JsonNodeFactory;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureTestRestTemplate;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import static dev.novaboot.service.testsupport.AuthTestSupport.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Networking API behind the suite's token authentication, as a deployed cloud runs
 * it: no token, no networks; members see their own project only; readers change nothing;
 * and a real OpenStack client (openstack4j) finds the API in the token's catalog and
 * manages networks, subnets and ports through it.
 */
@SpringBootTest(classes = NetworkApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "nova.auth.strategy=token", "nova.host=127.0.0.1",
				"spring.datasource.url=jdbc:h2:mem:nova-network-token;DB_CLOSE_DELAY=-1" })
@AutoConfigureTestRestTemplate
class NetworkingApiAuthenticationTests {

	@Autowired
	TestRestTemplate http;

	@LocalServerPort
	int port;

	@Test
	void withoutATokenTheApiAnswers401() {
		for (String path : List.of("/v2.0/networks", "/v2.0/extensions", "/v2.0/extensions/net-mtu",
				"/v2.0/security-groups", "/v2.0/security-group-rules", "/v2.0/routers", "/v2.0/extensions/router")) {
			ResponseEntity<String> response = this.http.getForEntity(path, String.class);
			assertThat(response.getStatusCode()).as(path).isEqualTo(HttpStatus.UNAUTHORIZED);
			assertThat(response.getHeaders().getFirst("WWW-Authenticate")).startsWith("Keystone");
		}
	}

	@Test
	@SuppressWarnings("unchecked")
	void membersSeeOnlyTheirOwnProjectsNetworksAndReadersChangeNothing() {
		AuthTestSupport.createUser(this.http, "net-alice", "alice-password", "member", "net-a");
		AuthTestSupport.createUser(this.http, "net-bob", "bob-password", "member", "net-b");
		ProjectUser carol = AuthTestSupport.createUser(this.http, "net-carol", "carol-password", "reader", "net-b");
		String aliceToken = AuthTestSupport.token(this.http, "net-alice", "alice-password", "net-a");
		String bobToken = AuthTestSupport.token(this.http, "net-bob", "bob-password", "net-b");
		String carolToken = AuthTestSupport.token(this.http, "net-carol", "carol-password", "net-b");

		ResponseEntity<Map> created = this.http.exchange("/v2.0/networks", HttpMethod.POST,
				json("{\"network\": {\"name\": \"alice-net\"}}", aliceToken), Map.class);
		assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
		String networkId = (String) ((Map<String, Object>) created.getBody().get("network")).get("id");
		assertThat(this.http.exchange("/v2.0/networks/" + networkId, HttpMethod.GET, json("", aliceToken), Map.class)
			.getStatusCode()).isEqualTo(HttpStatus.OK);

		ResponseEntity<Map> bobsView = this.http.exchange("/v2.0/networks/" + networkId, HttpMethod.GET,
				json("", bobToken), Map.class);
		assertThat(bobsView.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
		assertThat((Map<String, Object>) bobsView.getBody().get("NeutronError")).containsEntry("type",
				"NetworkNotFound");
		Map<String, Object> bobsList = this.http.exchange("/v2.0/networks", HttpMethod.GET, json("", bobToken),
				Map.class).getBody();
		assertThat((List<Map<String, Object>>) bobsList.get("networks"))
			.noneSatisfy((network) -> assertThat(network.get("id")).isEqualTo(networkId));
		assertThat(this.http.exchange("/v2.0/networks/" + networkId, HttpMethod.DELETE, json("", bobToken),
				Map.class).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);

		ResponseEntity<Map> readerCreate = this.http.exchange("/v2.0/networks", HttpMethod.POST,
				json("{\"network\": {\"name\": \"carol-net\"}}", carolToken), Map.class);
		assertThat(readerCreate.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(this.http.exchange("/v2.0/networks", HttpMethod.GET, json("", carolToken), Map.class)
			.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(carol.projectId()).isNotBlank();
	}

	@Test
	void anOpenStackClientCreatesListsShowsAndDeletesNetworksSubnetsAndPorts() {
		OSClientV3 os = OpenStackClients.admin(this.port);

		Network network = os.networking().network().create(Builders.network().name("sdk-net").adminStateUp(true).build());
		assertThat(network.getId()).isNotBlank();
		assertThat(network.getName()).isEqualTo("sdk-net");

		Subnet subnet = os.networking()
			.subnet()
			.create(Builders.subnet()
				.name("sdk-subnet")
				.networkId(network.getId())
				.ipVersion(IPVersionType.V4)
				.cidr("10.77.0.0/24")
				.addPool("10.77.0.10", "10.77.0.50")
				.build());
		assertThat(subnet.getId()).isNotBlank();
		assertThat(subnet.getCidr()).isEqualTo("10.77.0.0/24");
		assertThat(subnet.getGateway()).isEqualTo("10.77.0.1");
		assertThat(subnet.getNetworkId()).isEqualTo(network.getId());

		Port port = os.networking()
			.port()
			.create(Builders.port().name("sdk-port").networkId(network.getId()).deviceId("sdk-device").build());
		assertThat(port.getId()).isNotBlank();
		assertThat(port.getMacAddress()).startsWith("fa:16:3e:");
		assertThat(port.getFixedIps()).singleElement().satisfies((ip) -> {
			assertThat(ip.getSubnetId()).isEqualTo(subnet.getId());
			assertThat(ip.getIpAddress()).isEqualTo("10.77.0.10");
		});

		Network shown = os.networking().network().get(network.getId());
		assertThat(shown.getName()).isEqualTo("sdk-net");
		assertThat(shown.getSubnets()).containsExactly(subnet.getId());
		assertThat(os.networking().network().list()).extracting(Network::getId).contains(network.getId());
		assertThat(os.networking().subnet().get(subnet.getId()).getName()).isEqualTo("sdk-subnet");
		assertThat(os.networking().subnet().list()).extracting(Subnet::getId).contains(subnet.getId());
		assertThat(os.networking().port().get(port.getId()).getDeviceId()).isEqualTo("sdk-device");
		assertThat(os.networking().port().list()).extracting(Port::getId).contains(port.getId());

		assertThat(os.networking().port().delete(port.getId()).isSuccess()).isTrue();
		assertThat(os.networking().port().get(port.getId())).isNull();
		assertThat(os.networking().subnet().delete(subnet.getId()).isSuccess()).isTrue();
		assertThat(os.networking().subnet().get(subnet.getId())).isNull();
		assertThat(os.networking().network().delete(network.getId()).isSuccess()).isTrue();
		assertThat(os.networking().network().get(network.getId())).isNull();
		assertThat(os.networking().network().list()).extracting(Network::getId).doesNotContain(network.getId());
	}

	@Test
	@SuppressWarnings("unchecked")
	void noSpellingGetsAnUnsignedRpcOrAnAnonymousAdminCallThroughAndEveryErrorHasNeutronsShape() {
		AuthTestSupport.createUser(this.http, "net-erin", "erin-password", "member", "net-e");
		String erinToken = AuthTestSupport.token(this.http, "net-erin", "erin-password", "net-e");
		ResponseEntity<Map> network = this.http.exchange("/v2.0/networks", HttpMethod.POST,
				json("{\"network\": {\"name\": \"erin-net\"}}", erinToken), Map.class);
		String networkId = (String) ((Map<String, Object>) network.getBody().get("network")).get("id");
		this.http.exchange("/v2.0/subnets", HttpMethod.POST, json("{\"subnet\": {\"network_id\": \"" + networkId
				+ "\", \"ip_version\": 4, \"cidr\": \"10.77.0.0/24\"}}", erinToken), Map.class);
		String device = "5f0c1a4e-0d7c-4e55-9d34-5a3b8f1f0e01";
		ResponseEntity<Map> port = this.http.exchange("/v2.0/ports", HttpMethod.POST, json("{\"port\": {\"network_id\": \""
				+ networkId + "\", \"device_id\": \"" + device + "\", \"device_owner\": \"compute:nova\"}}", erinToken),
				Map.class);
		assertThat(port.getStatusCode()).as("%s", port.getBody()).isEqualTo(HttpStatus.CREATED);
		EdgeChecks checks = new EdgeChecks(this.port, FaultShapes.NEUTRON);

		// a well-formed request, which a signed message would carry out
		checks.rpcRefusesEveryUnsignedSpelling(EdgeChecks.rpcMessage(NetworkRpcApi.class, "deallocateForInstance",
				JsonNodeFactory.instance.objectNode().put("instance_uuid", device).put("host", "127.0.0.1")));
		Map<String, Object> ports = this.http.exchange("/v2.0/ports?device_id=" + device, HttpMethod.GET,
				json("", erinToken), Map.class).getBody();
		assertThat((List<Object>) ports.get("ports")).hasSize(1);

		checks.policyRefusesEverySpellingWithoutAToken("GET", "/v2.1/os-services", "nova-network");
		checks.everyErrorHasTheFaultShape(erinToken, "/v2.0/networks", "DELETE", 114_688);
	}

	@Test
	@SuppressWarnings("unchecked")
	void routersAndTheirActionsNeedATokenAndStayInTheirProject() {
		AuthTestSupport.createUser(this.http, "net-frank", "frank-password", "member", "net-f");
		AuthTestSupport.createUser(this.http, "net-gina", "gina-password", "member", "net-g");
		String frank = AuthTestSupport.token(this.http, "net-frank", "frank-password", "net-f");
		String gina = AuthTestSupport.token(this.http, "net-gina", "gina-password", "net-g");
		ResponseEntity<Map> created = this.http.exchange("/v2.0/routers", HttpMethod.POST,
				json("{\"router\": {\"name\": \"frank-router\"}}", frank), Map.class);
		assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
		String router = (String) ((Map<String, Object>) created.getBody().get("router")).get("id");
		EdgeChecks checks = new EdgeChecks(this.port, FaultShapes.NEUTRON);
		checks.policyRefusesEverySpellingWithoutAToken("GET", "/v2.0/routers/" + router, "frank-router");
		checks.policyRefusesEverySpellingWithoutAToken("PUT", "/v2.0/routers/" + router + "/add_router_interface",
				"frank-router");
		checks.policyRefusesEverySpellingWithoutAToken("DELETE", "/v2.0/routers/" + router, "frank-router");

		// another project's router is not found, whatever is asked of it
		for (HttpMethod method : List.of(HttpMethod.GET, HttpMethod.DELETE)) {
			assertThat(this.http.exchange("/v2.0/routers/" + router, method, json("", gina), Map.class).getStatusCode())
				.isEqualTo(HttpStatus.NOT_FOUND);
		}
		assertThat(this.http.exchange("/v2.0/routers/" + router + "/add_router_interface", HttpMethod.PUT,
				json("{\"subnet_id\": \"" + router + "\"}", gina), Map.class).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
		assertThat(this.http.exchange("/v2.0/routers/" + router, HttpMethod.PUT,
				json("{\"router\": {\"name\": \"gina\"}}", gina), Map.class).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
		// a bad body is a 400 and changes nothing
		assertThat(this.http.exchange("/v2.0/routers/" + router, HttpMethod.PUT, json("{\"router\": {\"name\": 7}}", frank),
				Map.class).getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(this.http.exchange("/v2.0/routers/" + router + "/remove_router_interface", HttpMethod.PUT,
				json("{\"subnet_id\": 7}", frank), Map.class).getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		Map<String, Object> shown = (Map<String, Object>) this.http
			.exchange("/v2.0/routers/" + router, HttpMethod.GET, json("", frank), Map.class)
			.getBody()
			.get("router");
		assertThat(shown).containsEntry("name", "frank-router");
	}

}
