package dev.novaboot.volume.api;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import dev.novaboot.service.testsupport.AuthTestSupport;
import dev.novaboot.service.testsupport.FaultShapes;
import dev.novaboot.service.testsupport.MalformedRequestCampaign;
import dev.novaboot.service.testsupport.MalformedRequestCampaign.Field;
import dev.novaboot.service.testsupport.MalformedRequestCampaign.Template;
import dev.novaboot.volume.VolumeApplication;
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
import static org.awaitility.Awaitility.await;

/**
 * Thousands of malformed requests, seeded, against every route of the Block Storage API
 * (the context of {@link VolumeApiAuthenticationTests}, as deployed: tokens): none is a
 * 5xx, each error is in Cinder's fault shape, and the database is as it was.
 */
@SpringBootTest(classes = VolumeApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "nova.auth.strategy=token", "nova.host=127.0.0.1",
				"spring.datasource.url=jdbc:h2:mem:nova-volume-token;DB_CLOSE_DELAY=-1" })
@AutoConfigureTestRestTemplate
class BlockStorageApiCampaignTests {

	static final int REQUESTS = 3_400;

	@Autowired
	TestRestTemplate http;

	@Autowired
	ApplicationContext context;

	@LocalServerPort
	int port;

	@Test
	@SuppressWarnings("unchecked")
	void malformedRequestsOnEveryRouteAreRefusedInCindersShapeAndChangeNothing() {
		String token = AuthTestSupport.adminToken(this.http);
		Map<String, Object> projects = AuthTestSupport.asAdmin(this.http)
			.getForObject("/identity/v3/projects?name=admin", Map.class);
		String project = (String) ((List<Map<String, Object>>) projects.get("projects")).get(0).get("id");
		String volumes = "/v3/" + project + "/volumes";
		String volumeId = (String) ((Map<String, Object>) this.http
			.exchange(volumes, HttpMethod.POST, json("{\"volume\": {\"size\": 1, \"name\": \"fuzz-disk\"}}", token),
					Map.class)
			.getBody()
			.get("volume")).get("id");
		await().atMost(Duration.ofSeconds(10)).until(() -> "available".equals(((Map<String, Object>) this.http
			.exchange(volumes + "/" + volumeId, HttpMethod.GET, json("", token), Map.class)
			.getBody()
			.get("volume")).get("status")));
		String snapshotId = (String) ((Map<String, Object>) this.http
			.exchange("/v3/" + project + "/snapshots", HttpMethod.POST,
					json("{\"snapshot\": {\"volume_id\": \"" + volumeId + "\", \"name\": \"fuzz-snap\"}}", token), Map.class)
			.getBody()
			.get("snapshot")).get("id");
		await().atMost(Duration.ofSeconds(10)).until(() -> "available".equals(((Map<String, Object>) this.http
			.exchange("/v3/" + project + "/snapshots/" + snapshotId, HttpMethod.GET, json("", token), Map.class)
			.getBody()
			.get("snapshot")).get("status")));

		MalformedRequestCampaign campaign = new MalformedRequestCampaign(this.port, token, FaultShapes.OPENSTACK, 20261201,
				(route, variable) -> switch (variable) {
					case "projectId" -> project;
					case "id" -> route.contains("snapshots") ? snapshotId : route.contains("os-services") ? null : volumeId;
					case "volumeId" -> volumeId;
					case "snapshotId" -> snapshotId;
					case "key" -> "k";
					default -> null;
				})
			.template(new Template("POST", "/v3/{projectId}/volumes",
					"{\"volume\": {\"size\": 1, \"name\": \"n\", \"description\": \"d\"}}",
					Map.of("/volume/size", Field.POSITIVE_INTEGER, "/volume/name", Field.LIMITED_STRING,
							"/volume/description", Field.LIMITED_STRING)))
			.template(new Template("POST", "/v3/{projectId}/volumes/{id}/action", "{\"os-extend\": {\"new_size\": 3}}",
					Map.of("/os-extend/new_size", Field.POSITIVE_INTEGER)))
			.template(new Template("POST", "/v3/{projectId}/snapshots",
					"{\"snapshot\": {\"volume_id\": \"" + volumeId + "\", \"name\": \"s\", \"description\": \"d\"}}",
					Map.of("/snapshot/volume_id", Field.REFERENCE, "/snapshot/name", Field.LIMITED_STRING,
							"/snapshot/description", Field.LIMITED_STRING)))
			.template(new Template("PUT", "/v3/{projectId}/volumes/{id}",
					"{\"volume\": {\"name\": \"n\", \"description\": \"d\"}}",
					Map.of("/volume/name", Field.LIMITED_STRING, "/volume/description", Field.LIMITED_STRING)))
			.template(new Template("PUT", "/v3/{projectId}/snapshots/{id}",
					"{\"snapshot\": {\"name\": \"n\", \"description\": \"d\"}}",
					Map.of("/snapshot/name", Field.LIMITED_STRING, "/snapshot/description", Field.LIMITED_STRING)));
		for (String metadata : List.of("/v3/{projectId}/volumes/{volumeId}/metadata",
				"/v3/{projectId}/snapshots/{snapshotId}/metadata")) {
			campaign
				.template(new Template("POST", metadata, "{\"metadata\": {\"k\": \"v\"}}",
						Map.of("/metadata/k", Field.LIMITED_STRING)))
				.template(new Template("PUT", metadata, "{\"metadata\": {\"k\": \"v\"}}",
						Map.of("/metadata/k", Field.LIMITED_STRING)))
				.template(new Template("PUT", metadata + "/{key}", "{\"meta\": {\"k\": \"v\"}}",
						Map.of("/meta/k", Field.LIMITED_STRING)));
		}
		campaign
			.template(new Template("POST", "/v3/{projectId}/types",
					"{\"volume_type\": {\"name\": \"t\", \"description\": \"d\"}}",
					Map.of("/volume_type/name", Field.LIMITED_STRING, "/volume_type/description", Field.LIMITED_STRING)))
			.template(new Template("PUT", "/v3/{projectId}/types/{id}", "{\"volume_type\": {\"description\": \"d\"}}",
					Map.of("/volume_type/description", Field.LIMITED_STRING)))
			.template(new Template("POST", "/v3/{projectId}/types/{id}/extra_specs", "{\"extra_specs\": {\"k\": \"v\"}}",
					Map.of("/extra_specs/k", Field.LIMITED_STRING)))
			.template(new Template("PUT", "/v3/{projectId}/types/{id}/extra_specs/{key}", "{\"k\": \"v\"}",
					Map.of("/k", Field.LIMITED_STRING)));
		campaign.template(new Template("PUT", "/v2.1/os-services/{id}",
					"{\"status\": \"disabled\", \"disabled_reason\": \"r\"}",
					Map.of("/status", Field.ENUM, "/disabled_reason", Field.LIMITED_STRING)));
		// tables the services write on their own (heartbeats, resource reports) aside
		MalformedRequestCampaign.Outcome outcome = campaign.runChangingNothing(this.context,
				"services|flyway_history_.*|volume_capacities", REQUESTS);

		assertThat(outcome.requests()).isEqualTo(REQUESTS);
		System.out.println("Block Storage API campaign: " + outcome);
	}

}
