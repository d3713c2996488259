package dev.novaboot.compute.api;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import dev.novaboot.compute.ComputeApplication;
import dev.novaboot.service.testsupport.AuthTestSupport;
import dev.novaboot.service.testsupport.FaultShapes;
import dev.novaboot.service.testsupport.MalformedRequestCampaign;
import dev.novaboot.service.testsupport.MalformedRequestCampaign.Field;
import dev.novaboot.service.testsupport.MalformedRequestCampaign.Template;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureTestRestTemplate;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpMethod;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static dev.novaboot.service.testsupport.AuthTestSupport.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Thousands of malformed requests, seeded, against every route of the Compute and Image
 * APIs (as deployed: tokens; the sibling APIs Nova's proxies call stand-ins): none is a
 * 5xx, each error is in Nova's fault shape, and the database is as it was.
 */
@SpringBootTest(classes = ComputeApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "nova.auth.strategy=token", "nova.host=127.0.0.1", "nova.compute.driver=fake",
				"spring.datasource.url=jdbc:h2:mem:nova-compute-token;DB_CLOSE_DELAY=-1" })
@AutoConfigureTestRestTemplate
class ComputeApiCampaignTests {

	static final int REQUESTS = 3_400;

	// Nova's proxy routes reach a sibling API, as they would in a deployment
	static final SiblingApiStub siblings = SiblingApiStub.start();

	@DynamicPropertySource
	static void siblingApis(DynamicPropertyRegistry registry) {
		registry.add("nova.auth.public-urls.volumev3", siblings::volumeUrl);
		registry.add("nova.auth.public-urls.network", siblings::networkUrl);
	}

	@AfterAll
	static void stopSiblings() {
		siblings.close();
	}

	@Autowired
	TestRestTemplate http;

	@Autowired
	ApplicationContext context;

	@LocalServerPort
	int port;

	@Test
	@SuppressWarnings("unchecked")
	void malformedRequestsOnEveryRouteAreRefusedInNovasShapeAndChangeNothing() {
		String token = AuthTestSupport.adminToken(this.http);
		List<Map<String, Object>> images = (List<Map<String, Object>>) this.http
			.exchange("/image/v2/images", HttpMethod.GET, json("", token), Map.class)
			.getBody()
			.get("images");
		String imageId = (String) images.get(0).get("id");
		String serverId = (String) ((Map<String, Object>) this.http
			.exchange("/v2.1/servers", HttpMethod.POST, json("{\"server\": {\"name\": \"fuzz-vm\", \"flavorRef\": \"1\", "
					+ "\"imageRef\": \"" + imageId + "\"}}", token), Map.class)
			.getBody()
			.get("server")).get("id");
		await().atMost(Duration.ofSeconds(10)).until(() -> "ACTIVE".equals(((Map<String, Object>) this.http
			.exchange("/v2.1/servers/" + serverId, HttpMethod.GET, json("", token), Map.class)
			.getBody()
			.get("server")).get("status")));

		MalformedRequestCampaign campaign = new MalformedRequestCampaign(this.port, token, FaultShapes.OPENSTACK, 20261201,
				(route, variable) -> route.startsWith("/v2.1/servers") && !variable.equals("volumeId") ? serverId
						: route.startsWith("/v2.1/flavors") ? "1" : route.startsWith("/image") ? imageId : null)
			.template(new Template("POST", "/v2.1/servers",
					"{\"server\": {\"name\": \"n\", \"flavorRef\": \"1\", \"imageRef\": \"" + imageId
							+ "\", \"networks\": [{\"uuid\": \"3f1c7f1e-6a7e-4a58-9d0f-0c7a9c1d2e3f\"}]}}",
					Map.of("/server/name", Field.LIMITED_STRING, "/server/flavorRef", Field.REFERENCE,
							"/server/imageRef", Field.REFERENCE, "/server/networks/0/uuid", Field.REFERENCE)))
			.template(new Template("POST", "/v2.1/servers/{id}/action", "{\"reboot\": {\"type\": \"SOFT\"}}",
					Map.of("/reboot/type", Field.ENUM)))
			.template(new Template("POST", "/v2.1/servers/{serverId}/os-volume_attachments",
					"{\"volumeAttachment\": {\"volumeId\": \"3f1c7f1e-6a7e-4a58-9d0f-0c7a9c1d2e3f\"}}",
					Map.of("/volumeAttachment/volumeId", Field.REFERENCE)))
			.template(new Template("POST", "/v2.1/servers/{serverId}/os-interface",
					"{\"interfaceAttachment\": {\"net_id\": \"3f1c7f1e-6a7e-4a58-9d0f-0c7a9c1d2e3f\"}}",
					Map.of("/interfaceAttachment/net_id", Field.REFERENCE)))
			.template(new Template("POST", "/v2.1/flavors",
					"{\"flavor\": {\"name\": \"fuzz.flavor\", \"id\": \"fuzz\", \"ram\": 64, \"vcpus\": 1, "
							+ "\"disk\": 1}}",
					// not the id: a number is a flavor id to Nova's schema, which LIMITED_STRING would call malformed
					Map.of("/flavor/name", Field.LIMITED_STRING, "/flavor/ram", Field.POSITIVE_INTEGER, "/flavor/vcpus",
							Field.POSITIVE_INTEGER)))
			.template(new Template("POST", "/v2.1/flavors/{id}/action", "{\"addTenantAccess\": {\"tenant\": \"p\"}}",
					Map.of("/addTenantAccess/tenant", Field.LIMITED_STRING)))
			.template(new Template("PUT", "/v2.1/os-services/{id}",
					"{\"status\": \"disabled\", \"disabled_reason\": \"r\"}",
					Map.of("/status", Field.ENUM, "/disabled_reason", Field.LIMITED_STRING)));
		// tables the services write on their own (heartbeats, resource reports) aside
		MalformedRequestCampaign.Outcome outcome = campaign.runChangingNothing(this.context,
				"services|flyway_history_.*|compute_nodes", REQUESTS);

		assertThat(outcome.requests()).isEqualTo(REQUESTS);
		System.out.println("Compute API campaign: " + outcome);
	}

}
