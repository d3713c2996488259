package dev.novaboot.network.api;

import java.util.Map;

import dev.novaboot.network.NetworkApplication;
import dev.novaboot.service.testsupport.AuthTestSupport;
import dev.novaboot.service.testsupport.FaultShapes;
import dev.novaboot.service.testsupport.MalformedRequestCampaign;
import dev.novaboot.service.testsupport.MalformedRequestCampaign.Field;
import dev.novaboot.service.testsupport.MalformedRequestCampaign.Template;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureTestRestTemplate;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpMethod;

import static dev.novaboot.service.testsupport.AuthTestSupport.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Thousands of malformed requests, seeded, against every route of the Networking API
 * (the context of {@link NetworkingApiAuthenticationTests}, as deployed: tokens): none is
 * a 5xx, each error is in Neutron's fault shape, and the database is as it was.
 */
@SpringBootTest(classes = NetworkApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "nova.auth.strategy=token", "nova.host=127.0.0.1",
				"spring.datasource.url=jdbc:h2:mem:nova-network-token;DB_CLOSE_DELAY=-1" })
@AutoConfigureTestRestTemplate
class NetworkingApiCampaignTests {

	static final int REQUESTS = 3_400;

	@Autowired
	TestRestTemplate http;

	@Autowired
	ApplicationContext context;

	@LocalServerPort
	int port;

	@Test
	void malformedRequestsOnEveryRouteAreRefusedInNeutronsShapeAndChangeNothing() {
		String token = AuthTestSupport.adminToken(this.http);
		String networkId = create("/v2.0/networks", "network", "{\"network\": {\"name\": \"fuzz-net\"}}", token);
		String subnetId = create("/v2.0/subnets", "subnet", "{\"subnet\": {\"network_id\": \"" + networkId
				+ "\", \"ip_version\": 4, \"cidr\": \"10.98.0.0/24\", \"name\": \"fuzz-subnet\"}}", token);
		String portId = create("/v2.0/ports", "port", "{\"port\": {\"network_id\": \"" + networkId
				+ "\", \"name\": \"fuzz-port\", \"device_id\": \"fuzz-device\"}}", token);

		String groupId = create("/v2.0/security-groups", "security_group",
				"{\"security_group\": {\"name\": \"fuzz-group\"}}", token);
		MalformedRequestCampaign campaign = new MalformedRequestCampaign(this.port, token, FaultShapes.NEUTRON, 20261201,
				(route, variable) -> route.startsWith("/v2.0/networks") ? networkId
						: route.startsWith("/v2.0/subnets") ? subnetId : route.startsWith("/v2.0/ports") ? portId : null)
			.template(new Template("POST", "/v2.0/networks", "{\"network\": {\"name\": \"n\"}}",
					Map.of("/network/name", Field.LIMITED_STRING)))
			.template(new Template("PUT", "/v2.0/networks/{id}", "{\"network\": {\"name\": \"n2\"}}",
					Map.of("/network/name", Field.LIMITED_STRING)))
			.template(new Template("POST", "/v2.0/subnets",
					"{\"subnet\": {\"network_id\": \"" + networkId
							+ "\", \"ip_version\": 4, \"cidr\": \"10.97.0.0/24\", \"name\": \"s\"}}",
					Map.of("/subnet/network_id", Field.REFERENCE, "/subnet/ip_version", Field.ENUM, "/subnet/cidr",
							Field.ENUM, "/subnet/name", Field.LIMITED_STRING)))
			.template(new Template("PUT", "/v2.0/subnets/{id}", "{\"subnet\": {\"name\": \"s2\"}}",
					Map.of("/subnet/name", Field.LIMITED_STRING)))
			.template(new Template("POST", "/v2.0/ports",
					"{\"port\": {\"network_id\": \"" + networkId
							+ "\", \"name\": \"p\", \"device_id\": \"d\", \"device_owner\": \"compute:nova\"}}",
					Map.of("/port/network_id", Field.REFERENCE, "/port/name", Field.LIMITED_STRING, "/port/device_id",
							Field.LIMITED_STRING, "/port/device_owner", Field.LIMITED_STRING)))
			.template(new Template("PUT", "/v2.0/ports/{id}", "{\"port\": {\"name\": \"p2\"}}",
					Map.of("/port/name", Field.LIMITED_STRING)))
			.template(new Template("POST", "/v2.0/floatingips",
					"{\"floatingip\": {\"floating_network_id\": \"" + networkId + "\"}}",
					Map.of("/floatingip/floating_network_id", Field.REFERENCE)))
			.template(new Template("PUT", "/v2.0/floatingips/{id}", "{\"floatingip\": {\"port_id\": \"" + portId + "\"}}",
					Map.of("/floatingip/port_id", Field.REFERENCE)))
			.template(new Template("POST", "/v2.0/security-groups", "{\"security_group\": {\"name\": \"sg\"}}",
					Map.of("/security_group/name", Field.LIMITED_STRING)))
			.template(new Template("POST", "/v2.0/security-group-rules",
					"{\"security_group_rule\": {\"security_group_id\": \"" + groupId
							+ "\", \"direction\": \"ingress\", \"protocol\": \"tcp\", \"port_range_min\": 22, "
							+ "\"port_range_max\": 22}}",
					Map.of("/security_group_rule/security_group_id", Field.REFERENCE, "/security_group_rule/direction",
							Field.ENUM, "/security_group_rule/protocol", Field.ENUM)))
			.template(new Template("PUT", "/v2.1/os-services/{id}",
					"{\"status\": \"disabled\", \"disabled_reason\": \"r\"}",
					Map.of("/status", Field.ENUM, "/disabled_reason", Field.LIMITED_STRING)));
		// tables the services write on their own (heartbeats, resource reports) aside
		MalformedRequestCampaign.Outcome outcome = campaign.runChangingNothing(this.context,
				"services|flyway_history_.*", REQUESTS);

		assertThat(outcome.requests()).isEqualTo(REQUESTS);
		System.out.println("Networking API campaign: " + outcome);
	}

	@SuppressWarnings("unchecked")
	private String create(String collection, String resource, String body, String token) {
		Map<String, Object> created = this.http.exchange(collection, HttpMethod.POST, json(body, token), Map.class)
			.getBody();
		assertThat(created).as("%s", created).containsKey(resource);
		return (String) ((Map<String, Object>) created.get(resource)).get("id");
	}

}
