package dev.novaboot.volume.api;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import dev.novaboot.service.rpc.api.VolumeRpcApi;
import dev.novaboot.service.testsupport.AuthTestSupport;
import dev.novaboot.service.testsupport.AuthTestSupport.ProjectUser;
import dev.novaboot.service.testsupport.EdgeChecks;
import dev.novaboot.service.testsupport.FaultShapes;
import dev.novaboot.service.testsupport.OpenStackClients;
import dev.novaboot.volume.VolumeApplication;
import org.junit.jupiter.api.Test;
import org.openstack4j.api.Builders;
import org.openstack4j.api.OSClient.OSClientV3;
import org.openstack4j.model.storage.block.Volume;
import org.openstack4j.model.storage.block.Volume.Status;
import tools.jackson.databind.node.JsonNodeFactory;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureTestRestTemplate;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import static dev.novaboot.service.testsupport.AuthTestSupport.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.InstanceOfAssertFactories.MAP;
import static org.awaitility.Awaitility.await;

/**
 * The Block Storage API behind the suite's token authentication, as a deployed cloud
 * runs it: no token, no volumes; members see their own project only; readers change
 * nothing; and a real OpenStack client (openstack4j) works through the token's catalog.
 */
@SpringBootTest(classes = VolumeApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "nova.auth.strategy=token", "nova.host=127.0.0.1",
				"spring.datasource.url=jdbc:h2:mem:nova-volume-token;DB_CLOSE_DELAY=-1" })
@AutoConfigureTestRestTemplate
class VolumeApiAuthenticationTests {

	@Autowired
	TestRestTemplate http;

	@LocalServerPort
	int port;

	@Test
	void withoutATokenTheApiAnswers401() {
		ResponseEntity<String> response = this.http.getForEntity("/v3/any-project/volumes", String.class);
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
		assertThat(response.getHeaders().getFirst("WWW-Authenticate")).startsWith("Keystone");
	}

	@Test
	@SuppressWarnings("unchecked")
	void membersSeeOnlyTheirOwnProjectsVolumesAndReadersChangeNothing() {
		ProjectUser alice = AuthTestSupport.createUser(this.http, "vol-alice", "alice-password", "member", "vol-a");
		ProjectUser bob = AuthTestSupport.createUser(this.http, "vol-bob", "bob-password", "member", "vol-b");
		ProjectUser carol = AuthTestSupport.createUser(this.http, "vol-carol", "carol-password", "reader", "vol-b");
		String aliceToken = AuthTestSupport.token(this.http, "vol-alice", "alice-password", "vol-a");
		String bobToken = AuthTestSupport.token(this.http, "vol-bob", "bob-password", "vol-b");
		String carolToken = AuthTestSupport.token(this.http, "vol-carol", "carol-password", "vol-b");

		ResponseEntity<Map> created = this.http.exchange("/v3/" + alice.projectId() + "/volumes", HttpMethod.POST,
				json("{\"volume\": {\"size\": 1, \"name\": \"alice-disk\"}}", aliceToken), Map.class);
		assertThat(created.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
		String volumeId = (String) ((Map<String, Object>) created.getBody().get("volume")).get("id");

		assertThat(this.http.exchange("/v3/" + bob.projectId() + "/volumes/" + volumeId, HttpMethod.GET,
				json("", bobToken), Map.class).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
		Map<String, Object> bobsList = this.http.exchange("/v3/" + bob.projectId() + "/volumes", HttpMethod.GET,
				json("", bobToken), Map.class).getBody();
		assertThat((List<Map<String, Object>>) bobsList.get("volumes"))
			.noneSatisfy((volume) -> assertThat(volume.get("id")).isEqualTo(volumeId));
		assertThat(this.http.exchange("/v3/" + bob.projectId() + "/volumes", HttpMethod.POST,
				json("{\"volume\": {\"size\": 1}}", carolToken), Map.class).getStatusCode())
			.isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(this.http.exchange("/v3/" + carol.projectId() + "/volumes", HttpMethod.GET, json("", carolToken),
				Map.class).getStatusCode()).isEqualTo(HttpStatus.OK);
	}

	@Test
	@SuppressWarnings("unchecked")
	void osServicesListsTheSuitesServicesForAdminsOnly() {
		TestRestTemplate admin = AuthTestSupport.asAdmin(this.http);
		Map<String, Object> projects = admin.getForObject("/identity/v3/projects?name=admin", Map.class);
		String adminProject = (String) ((List<Map<String, Object>>) projects.get("projects")).get(0).get("id");
		ResponseEntity<Map> services = admin.getForEntity("/v3/" + adminProject + "/os-services?binary=nova-volume",
				Map.class);
		assertThat(services.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat((List<Map<String, Object>>) services.getBody().get("services")).singleElement()
			.satisfies((service) -> assertThat(service).containsEntry("binary", "nova-volume")
				.containsEntry("host", "127.0.0.1")
				.containsEntry("state", "up")
				.containsEntry("status", "enabled")
				.containsKeys("zone", "updated_at", "disabled_reason"));

		ProjectUser dave = AuthTestSupport.createUser(this.http, "vol-dave", "dave-password", "member", "vol-d");
		String daveToken = AuthTestSupport.token(this.http, "vol-dave", "dave-password", "vol-d");
		assertThat(this.http.exchange("/v3/" + dave.projectId() + "/os-services", HttpMethod.GET, json("", daveToken),
				Map.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
	}

	@Test
	void anOpenStackClientCreatesListsShowsAndDeletesVolumes() {
		// openstack4j keeps its session per thread: every poll stays on this one
		OSClientV3 os = OpenStackClients.admin(this.port);
		Volume volume = os.blockStorage()
			.volumes()
			.create(Builders.volume().name("sdk-disk").size(2).description("made by openstack4j").build());
		assertThat(volume.getId()).isNotBlank();

		await().atMost(Duration.ofSeconds(10))
			.pollInSameThread()
			.until(() -> os.blockStorage().volumes().get(volume.getId()).getStatus() == Status.AVAILABLE);
		Volume shown = os.blockStorage().volumes().get(volume.getId());
		assertThat(shown.getName()).isEqualTo("sdk-disk");
		assertThat(shown.getSize()).isEqualTo(2);
		assertThat(os.blockStorage().volumes().list()).extracting(Volume::getId).contains(volume.getId());

		assertThat(os.blockStorage().volumes().delete(volume.getId()).isSuccess()).isTrue();
		await().atMost(Duration.ofSeconds(10))
			.pollInSameThread()
			.until(() -> os.blockStorage().volumes().get(volume.getId()) == null);
	}

	@Test
	@SuppressWarnings("unchecked")
	void noSpellingGetsAnUnsignedRpcOrAnAnonymousAdminCallThroughAndEveryErrorHasCindersShape() {
		ProjectUser erin = AuthTestSupport.createUser(this.http, "vol-erin", "erin-password", "member", "vol-e");
		String erinToken = AuthTestSupport.token(this.http, "vol-erin", "erin-password", "vol-e");
		String volumes = "/v3/" + erin.projectId() + "/volumes";
		ResponseEntity<Map> created = this.http.exchange(volumes, HttpMethod.POST,
				json("{\"volume\": {\"size\": 1, \"name\": \"erin-disk\"}}", erinToken), Map.class);
		String volumeId = (String) ((Map<String, Object>) created.getBody().get("volume")).get("id");
		EdgeChecks checks = new EdgeChecks(this.port, FaultShapes.OPENSTACK);

		checks.rpcRefusesEveryUnsignedSpelling(EdgeChecks.rpcMessage(VolumeRpcApi.class, "deleteVolume",
				JsonNodeFactory.instance.objectNode().put("volume_id", volumeId)));
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(this.http
			.exchange(volumes + "/" + volumeId, HttpMethod.GET, json("", erinToken), Map.class)
			.getBody()
			.get("volume")).asInstanceOf(MAP).containsEntry("status", "available"));

		checks.policyRefusesEverySpellingWithoutAToken("GET", "/v3/" + erin.projectId() + "/os-services",
				"nova-volume");
		checks.policyRefusesEverySpellingWithoutAToken("GET", "/v2.1/os-services", "nova-volume");
		checks.policyRefusesEverySpellingWithoutAToken("GET", "/v3/" + erin.projectId() + "/types", "__DEFAULT__");
		checks.policyRefusesEverySpellingWithoutAToken("GET", volumes + "/" + volumeId + "/metadata", "metadata");
		checks.policyRefusesEverySpellingWithoutAToken("POST", "/v3/" + erin.projectId() + "/types", "volume_type");
		checks.everyErrorHasTheFaultShape(erinToken, volumes, "DELETE", 114_688);
	}


	@Test
	@SuppressWarnings("unchecked")
	void quotasLimitsMessagesAndServiceActionsNeedATokenAndTheRightProjectOrRole() {
		ProjectUser gail = AuthTestSupport.createUser(this.http, "vol-gail", "gail-password", "member", "vol-g");
		ProjectUser hank = AuthTestSupport.createUser(this.http, "vol-hank", "hank-password", "member", "vol-h");
		String gailToken = AuthTestSupport.token(this.http, "vol-gail", "gail-password", "vol-g");
		String base = "/v3/" + gail.projectId();
		EdgeChecks checks = new EdgeChecks(this.port, FaultShapes.OPENSTACK);
		checks.policyRefusesEverySpellingWithoutAToken("GET", base + "/os-quota-sets/" + gail.projectId(),
				"quota_set");
		checks.policyRefusesEverySpellingWithoutAToken("PUT", base + "/os-quota-sets/" + gail.projectId(),
				"quota_set");
		checks.policyRefusesEverySpellingWithoutAToken("GET", base + "/limits", "absolute");
		checks.policyRefusesEverySpellingWithoutAToken("GET", base + "/messages", "messages");
		checks.policyRefusesEverySpellingWithoutAToken("PUT", base + "/os-services/freeze", "frozen");

		assertThat(this.http.exchange(base + "/os-quota-sets/" + gail.projectId(), HttpMethod.GET,
				json("", gailToken), Map.class).getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(this.http.exchange(base + "/os-quota-sets/" + hank.projectId(), HttpMethod.GET,
				json("", gailToken), Map.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(this.http.exchange(base + "/os-quota-sets/" + gail.projectId(), HttpMethod.PUT,
				json("{\"quota_set\": {\"volumes\": 100}}", gailToken), Map.class).getStatusCode())
			.isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(this.http.exchange(base + "/os-services/freeze", HttpMethod.PUT,
				json("{\"host\": \"127.0.0.1\"}", gailToken), Map.class).getStatusCode())
			.isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(this.http.exchange("/v3/" + hank.projectId() + "/limits", HttpMethod.GET, json("", gailToken),
				Map.class).getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		ResponseEntity<Map> messages = this.http.exchange(base + "/messages", HttpMethod.GET,
				withVersion(gailToken, "3.3"), Map.class);
		assertThat(messages.getStatusCode()).isEqualTo(HttpStatus.OK);

		TestRestTemplate admin = AuthTestSupport.asAdmin(this.http);
		Map<String, Object> projects = admin.getForObject("/identity/v3/projects?name=admin", Map.class);
		String adminProject = (String) ((List<Map<String, Object>>) projects.get("projects")).get(0).get("id");
		ResponseEntity<Map> bad = admin.exchange("/v3/" + adminProject + "/os-quota-sets/" + gail.projectId(),
				HttpMethod.PUT, new HttpEntity<>(Map.of("quota_set", Map.of("pears", 1))),
				Map.class);
		assertThat(bad.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(bad.getBody()).containsOnlyKeys("badRequest");
	}

	private static HttpEntity<String> withVersion(String token, String version) {
		HttpHeaders headers = new HttpHeaders();
		headers.addAll(json("", token).getHeaders());
		headers.set("OpenStack-API-Version", "volume " + version);
		return new HttpEntity<>(null, headers);
	}

}
