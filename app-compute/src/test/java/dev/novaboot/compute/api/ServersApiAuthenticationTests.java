package dev.novaboot.compute.api;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.novaboot.compute.ComputeApplication;
import dev.novaboot.service.rpc.api.ComputeRpcApi;
import dev.novaboot.service.testsupport.AuthTestSupport;
import dev.novaboot.service.testsupport.EdgeChecks;
import dev.novaboot.service.testsupport.FaultShapes;
import dev.novaboot.service.testsupport.OpenStackClients;
import org.junit.jupiter.api.Test;
import org.openstack4j.api.Builders;
import org.openstack4j.api.OSClient.OSClientV3;
import org.openstack4j.model.compute.Action;
import org.openstack4j.model.compute.Flavor;
import org.openstack4j.model.compute.Server;
import org.openstack4j.model.compute.ServerUpdateOptions;
import org.openstack4j.model.compute.actions.RebuildOptions;
import org.openstack4j.model.image.v2.Image;
import tools.jackson.databind.json.JsonMapper;

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
import static org.assertj.core.api.InstanceOfAssertFactories.MAP;
import static org.awaitility.Awaitility.await;

/**
 * The Compute API behind the suite's token authentication, as a deployed cloud runs it:
 * no token, no servers; members see their own project's servers only; readers boot
 * nothing; and a real OpenStack client (openstack4j) finds the Compute and Image APIs in
 * the token's catalog, lists flavors and images, and boots, shows, lists and deletes a
 * server (fake driver, in-process network and volumes).
 */
@SpringBootTest(classes = ComputeApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "nova.auth.strategy=token", "nova.host=127.0.0.1", "nova.compute.driver=fake",
				"spring.datasource.url=jdbc:h2:mem:nova-compute-token;DB_CLOSE_DELAY=-1" })
@AutoConfigureTestRestTemplate
class ServersApiAuthenticationTests {

	private static final String IMAGE_NAME = "cirros-0.6.2-x86_64-disk";

	@Autowired
	TestRestTemplate http;

	@LocalServerPort
	int port;

	@Test
	void withoutATokenTheApiAnswers401() {
		ResponseEntity<String> response = this.http.getForEntity("/v2.1/servers", String.class);
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
		assertThat(response.getHeaders().getFirst("WWW-Authenticate")).startsWith("Keystone");
	}

	@Test
	void withoutATokenAServerActionAnswers401() {
		ResponseEntity<String> response = this.http.exchange("/v2.1/servers/" + java.util.UUID.randomUUID() + "/action",
				HttpMethod.POST, json("{\"pause\": null}", null), String.class);
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
	}

	@Test
	void anOpenStackClientManagesAFlavorAndDrivesTheServerActionsAndSecurityGroups() {
		OSClientV3 os = OpenStackClients.admin(this.port);
		Flavor larger = os.compute()
			.flavors()
			.create(Builders.flavor().name("sdk.larger").ram(1024).vcpus(2).disk(2).isPublic(true).build());
		assertThat(larger.getId()).isNotBlank();
		assertThat(os.compute().flavors().createAndUpdateExtraSpecs(larger.getId(), Map.of("hw:cpu_policy", "shared")))
			.containsEntry("hw:cpu_policy", "shared");
		String image = cirrosImageId(os);
		String id = os.compute().servers().boot(Builders.server().name("sdk-actions").flavor("1").image(image).build())
			.getId();
		awaitStatus(os, id, Server.Status.ACTIVE);

		assertThat(os.compute().servers().action(id, Action.PAUSE).isSuccess()).isTrue();
		awaitStatus(os, id, Server.Status.PAUSED);
		assertThat(os.compute().servers().action(id, Action.UNPAUSE).isSuccess()).isTrue();
		awaitStatus(os, id, Server.Status.ACTIVE);
		assertThat(os.compute().servers().action(id, Action.SUSPEND).isSuccess()).isTrue();
		awaitStatus(os, id, Server.Status.SUSPENDED);
		// a suspended server cannot be paused: Nova's 409
		assertThat(os.compute().servers().action(id, Action.PAUSE).getCode()).isEqualTo(409);
		assertThat(os.compute().servers().action(id, Action.RESUME).isSuccess()).isTrue();
		awaitStatus(os, id, Server.Status.ACTIVE);
		assertThat(os.compute().servers().action(id, Action.LOCK).isSuccess()).isTrue();
		assertThat(os.compute().servers().action(id, Action.UNLOCK).isSuccess()).isTrue();

		assertThat(os.compute().servers().rebuild(id, RebuildOptions.create().image(image).name("sdk-rebuilt"))
			.isSuccess()).isTrue();
		awaitStatus(os, id, Server.Status.ACTIVE);
		assertThat(os.compute().servers().get(id).getName()).isEqualTo("sdk-rebuilt");
		assertThat(os.compute().servers().resize(id, larger.getId()).isSuccess()).isTrue();
		awaitStatus(os, id, Server.Status.VERIFY_RESIZE);
		assertThat(os.compute().servers().confirmResize(id).isSuccess()).isTrue();
		awaitStatus(os, id, Server.Status.ACTIVE);
		assertThat(os.compute().servers().get(id).getFlavorId()).isEqualTo(larger.getId());

		assertThat(os.compute().servers().removeSecurityGroup(id, "default").isSuccess()).isTrue();
		assertThat(os.compute().servers().removeSecurityGroup(id, "default").getCode()).isEqualTo(404);
		assertThat(os.compute().servers().addSecurityGroup(id, "default").isSuccess()).isTrue();

		assertThat(os.compute().servers().delete(id).isSuccess()).isTrue();
		await().atMost(Duration.ofSeconds(30))
			.pollInSameThread()
			.until(() -> os.compute().servers().get(id) == null);
		assertThat(os.compute().flavors().delete(larger.getId()).isSuccess()).isTrue();
		assertThat(os.compute().flavors().get(larger.getId())).isNull();
	}

	// the image the Image API lists by the name the tests boot
	private static String cirrosImageId(OSClientV3 os) {
		return os.imagesV2()
			.list()
			.stream()
			.filter((candidate) -> IMAGE_NAME.equals(candidate.getName()))
			.findFirst()
			.orElseThrow()
			.getId();
	}

	private static void awaitStatus(OSClientV3 os, String id, Server.Status status) {
		await().atMost(Duration.ofSeconds(30))
			.pollInSameThread()
			.until(() -> os.compute().servers().get(id).getStatus() == status);
	}

	@Test
	@SuppressWarnings("unchecked")
	void flavorsAreManagedByAdminsOnlyWithTokensToo() {
		String frankProject = AuthTestSupport.createUser(this.http, "cmp-frank", "frank-password", "member", "cmp-f")
			.projectId();
		String member = AuthTestSupport.token(this.http, "cmp-frank", "frank-password", "cmp-f");
		String admin = AuthTestSupport.adminToken(this.http);
		String flavor = "{\"flavor\": {\"name\": \"tok.flavor\", \"id\": \"tok\", \"ram\": 64, \"vcpus\": 1, "
				+ "\"disk\": 0, \"os-flavor-access:is_public\": false}}";
		for (String[] call : new String[][] { { "POST", "/v2.1/flavors", flavor }, { "DELETE", "/v2.1/flavors/1", "" },
				{ "POST", "/v2.1/flavors/1/os-extra_specs", "{\"extra_specs\": {\"a\": \"b\"}}" },
				{ "PUT", "/v2.1/flavors/1/os-extra_specs/a", "{\"a\": \"b\"}" },
				{ "DELETE", "/v2.1/flavors/1/os-extra_specs/a", "" },
				{ "POST", "/v2.1/flavors/1/action", "{\"addTenantAccess\": {\"tenant\": \"cmp-f\"}}" },
				{ "GET", "/v2.1/flavors/1/os-flavor-access", "" } }) {
			ResponseEntity<Map> refused = this.http.exchange(call[1], HttpMethod.valueOf(call[0]), json(call[2], member),
					Map.class);
			assertThat(refused.getStatusCode()).as("%s %s", call[0], call[1]).isEqualTo(HttpStatus.FORBIDDEN);
			assertThat(refused.getBody()).containsKey("forbidden");
		}
		ResponseEntity<Map> made = this.http.exchange("/v2.1/flavors", HttpMethod.POST, json(flavor, admin), Map.class);
		assertThat(made.getStatusCode()).isEqualTo(HttpStatus.OK);
		// a private flavor is not the member's until the admin opens it to the project
		assertThat(this.http.exchange("/v2.1/flavors/tok", HttpMethod.GET, json("", member), Map.class).getStatusCode())
			.isEqualTo(HttpStatus.NOT_FOUND);
		this.http.exchange("/v2.1/flavors/tok/action", HttpMethod.POST,
				json("{\"addTenantAccess\": {\"tenant\": \"" + frankProject + "\"}}",
						admin), Map.class);
		assertThat(this.http.exchange("/v2.1/flavors/tok", HttpMethod.GET, json("", member), Map.class).getStatusCode())
			.isEqualTo(HttpStatus.OK);
		assertThat(this.http.exchange("/v2.1/flavors/tok", HttpMethod.DELETE, json("", admin), Map.class)
			.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
	}

	@Test
	@SuppressWarnings("unchecked")
	void membersSeeOnlyTheirOwnProjectsServersAndReadersBootNothing() {
		AuthTestSupport.createUser(this.http, "cmp-alice", "alice-password", "member", "cmp-a");
		AuthTestSupport.createUser(this.http, "cmp-bob", "bob-password", "member", "cmp-b");
		AuthTestSupport.createUser(this.http, "cmp-carol", "carol-password", "reader", "cmp-b");
		String aliceToken = AuthTestSupport.token(this.http, "cmp-alice", "alice-password", "cmp-a");
		String bobToken = AuthTestSupport.token(this.http, "cmp-bob", "bob-password", "cmp-b");
		String carolToken = AuthTestSupport.token(this.http, "cmp-carol", "carol-password", "cmp-b");
		String image = imageId(aliceToken);
		String bootRequest = "{\"server\": {\"name\": \"%s\", \"flavorRef\": \"1\", \"imageRef\": \"" + image
				+ "\"}}";

		ResponseEntity<Map> booted = this.http.exchange("/v2.1/servers", HttpMethod.POST,
				json(bootRequest.formatted("alice-vm"), aliceToken), Map.class);
		assertThat(booted.getStatusCode()).as("%s", booted.getBody()).isEqualTo(HttpStatus.ACCEPTED);
		String serverId = (String) ((Map<String, Object>) booted.getBody().get("server")).get("id");
		assertThat(this.http.exchange("/v2.1/servers/" + serverId, HttpMethod.GET, json("", aliceToken), Map.class)
			.getStatusCode()).isEqualTo(HttpStatus.OK);

		ResponseEntity<Map> bobsView = this.http.exchange("/v2.1/servers/" + serverId, HttpMethod.GET,
				json("", bobToken), Map.class);
		assertThat(bobsView.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
		assertThat(bobsView.getBody()).containsKey("itemNotFound");
		for (String list : List.of("/v2.1/servers", "/v2.1/servers/detail")) {
			Map<String, Object> bobsList = this.http.exchange(list, HttpMethod.GET, json("", bobToken), Map.class)
				.getBody();
			assertThat((List<Map<String, Object>>) bobsList.get("servers"))
				.noneSatisfy((server) -> assertThat(server.get("id")).isEqualTo(serverId));
		}
		assertThat(this.http.exchange("/v2.1/servers/" + serverId, HttpMethod.DELETE, json("", bobToken), Map.class)
			.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);

		assertThat(this.http.exchange("/v2.1/servers", HttpMethod.POST, json(bootRequest.formatted("carol-vm"),
				carolToken), Map.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(this.http.exchange("/v2.1/servers", HttpMethod.GET, json("", carolToken), Map.class)
			.getStatusCode()).isEqualTo(HttpStatus.OK);

		assertThat(this.http.exchange("/v2.1/servers/" + serverId, HttpMethod.DELETE, json("", aliceToken),
				Map.class).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
	}

	@Test
	void anOpenStackClientListsFlavorsAndImagesAndBootsShowsListsAndDeletesAServer() {
		// openstack4j keeps its session per thread: every poll stays on this one
		OSClientV3 os = OpenStackClients.admin(this.port);

		List<? extends Flavor> flavors = os.compute().flavors().list();
		assertThat(flavors).extracting(Flavor::getName).contains("m1.tiny", "m1.small");
		Flavor tiny = flavors.stream().filter((flavor) -> flavor.getName().equals("m1.tiny")).findFirst().orElseThrow();
		assertThat(tiny.getId()).isEqualTo("1");
		assertThat(tiny.getVcpus()).isPositive();

		List<? extends Image> images = os.imagesV2().list();
		Image cirros = images.stream()
			.filter((image) -> IMAGE_NAME.equals(image.getName()))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no " + IMAGE_NAME + " in " + images));
		assertThat(cirros.getStatus()).isEqualTo(Image.ImageStatus.ACTIVE);

		Server booted = os.compute()
			.servers()
			.boot(Builders.server().name("sdk-vm").flavor(tiny.getId()).image(cirros.getId()).build());
		assertThat(booted.getId()).isNotBlank();

		await().atMost(Duration.ofSeconds(30))
			.pollInSameThread()
			.until(() -> os.compute().servers().get(booted.getId()).getStatus() == Server.Status.ACTIVE);
		Server shown = os.compute().servers().get(booted.getId());
		assertThat(shown.getName()).isEqualTo("sdk-vm");
		assertThat(shown.getFlavorId()).isEqualTo(tiny.getId());
		assertThat(shown.getImageId()).isEqualTo(cirros.getId());
		assertThat(shown.getAddresses().getAddresses()).isNotEmpty();
		assertThat(os.compute().servers().list()).extracting(Server::getId).contains(booted.getId());

		assertThat(os.compute().servers().delete(booted.getId()).isSuccess()).isTrue();
		await().atMost(Duration.ofSeconds(30))
			.pollInSameThread()
			.until(() -> os.compute().servers().get(booted.getId()) == null);
		assertThat(os.compute().servers().list()).extracting(Server::getId).doesNotContain(booted.getId());
	}

	@Test
	void anOpenStackClientBootsWithMetadataFiltersTheListRenamesAndSetsMetadata() {
		OSClientV3 os = OpenStackClients.admin(this.port);
		String image = cirrosImageId(os);
		Server booted = os.compute()
			.servers()
			.boot(Builders.server()
				.name("sdk-meta")
				.flavor("1")
				.image(image)
				// openstack4j's addMetadata replaces what was added before it
				.addMetadata(new HashMap<>(Map.of("tier", "front")))
				.addMetadataItem("role", "web")
				.build());
		await().atMost(Duration.ofSeconds(30))
			.pollInSameThread()
			.until(() -> os.compute().servers().get(booted.getId()).getStatus() == Server.Status.ACTIVE);
		assertThat(os.compute().servers().get(booted.getId()).getMetadata())
			.isEqualTo(Map.of("role", "web", "tier", "front"));

		assertThat(os.compute().servers().list(Map.of("name", "^sdk-meta$", "status", "ACTIVE", "flavor", "1")))
			.extracting(Server::getId)
			.containsExactly(booted.getId());
		assertThat(os.compute().servers().list(Map.of("name", "^sdk-meta$", "image", image)))
			.extracting(Server::getId)
			.containsExactly(booted.getId());
		assertThat(os.compute().servers().list(Map.of("name", "^sdk-meta$", "flavor", "2"))).isEmpty();

		Server renamed = os.compute()
			.servers()
			.update(booted.getId(), ServerUpdateOptions.create().name("sdk-renamed").accessIPv4("192.0.2.10"));
		assertThat(renamed.getName()).isEqualTo("sdk-renamed");
		assertThat(renamed.getAccessIPv4()).isEqualTo("192.0.2.10");

		// openstack4j's updateMetadata is Nova's PUT /metadata: it replaces the whole metadata
		assertThat(os.compute().servers().updateMetadata(booted.getId(), Map.of("owner", "ops", "tier", "back")))
			.isEqualTo(Map.of("owner", "ops", "tier", "back"));
		assertThat(os.compute().servers().deleteMetadataItem(booted.getId(), "tier").isSuccess()).isTrue();
		assertThat(os.compute().servers().getMetadata(booted.getId())).isEqualTo(Map.of("owner", "ops"));
		Server shown = os.compute().servers().get(booted.getId());
		assertThat(shown.getName()).isEqualTo("sdk-renamed");
		assertThat(shown.getAccessIPv4()).isEqualTo("192.0.2.10");

		assertThat(os.compute().servers().delete(booted.getId()).isSuccess()).isTrue();
		await().atMost(Duration.ofSeconds(30))
			.pollInSameThread()
			.until(() -> os.compute().servers().get(booted.getId()) == null);
	}

	@Test
	@SuppressWarnings("unchecked")
	void aServersAddressesMetadataAndUpdateNeedATokenStayInItsProjectAndRefuseBadBodies() {
		AuthTestSupport.createUser(this.http, "cmp-ivan", "ivan-password", "member", "cmp-i");
		AuthTestSupport.createUser(this.http, "cmp-judy", "judy-password", "member", "cmp-j");
		String ivan = AuthTestSupport.token(this.http, "cmp-ivan", "ivan-password", "cmp-i");
		String judy = AuthTestSupport.token(this.http, "cmp-judy", "judy-password", "cmp-j");
		ResponseEntity<Map> booted = this.http.exchange("/v2.1/servers", HttpMethod.POST,
				json("{\"server\": {\"name\": \"ivan-vm\", \"flavorRef\": \"1\", \"imageRef\": \"" + imageId(ivan)
						+ "\", \"metadata\": {\"k\": \"secret-meta-value\"}}}", ivan), Map.class);
		assertThat(booted.getStatusCode()).as("%s", booted.getBody()).isEqualTo(HttpStatus.ACCEPTED);
		String id = (String) ((Map<String, Object>) booted.getBody().get("server")).get("id");
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(this.http
			.exchange("/v2.1/servers/" + id, HttpMethod.GET, json("", ivan), Map.class)
			.getBody()
			.get("server")).asInstanceOf(MAP).containsEntry("status", "ACTIVE"));
		EdgeChecks checks = new EdgeChecks(this.port, FaultShapes.OPENSTACK);
		for (String path : List.of("/v2.1/servers/" + id + "/ips", "/v2.1/servers/" + id + "/ips/private",
				"/v2.1/servers/" + id + "/metadata", "/v2.1/servers/" + id + "/metadata/k")) {
			checks.policyRefusesEverySpellingWithoutAToken("GET", path, "secret-meta-value");
			checks.policyRefusesEverySpellingWithoutAToken("DELETE", path, "secret-meta-value");
		}
		checks.policyRefusesEverySpellingWithoutAToken("PUT", "/v2.1/servers/" + id, "secret-meta-value");

		String[][] calls = { { "GET", "/ips", "" }, { "GET", "/ips/private", "" }, { "GET", "/metadata", "" },
				{ "GET", "/metadata/k", "" }, { "POST", "/metadata", "{\"metadata\": {\"k\": \"judy\"}}" },
				{ "PUT", "/metadata", "{\"metadata\": {}}" }, { "PUT", "/metadata/k", "{\"meta\": {\"k\": \"judy\"}}" },
				{ "DELETE", "/metadata/k", "" }, { "PUT", "", "{\"server\": {\"name\": \"judys-now\"}}" } };
		for (String[] call : calls) {
			ResponseEntity<Map> notJudys = this.http.exchange("/v2.1/servers/" + id + call[1],
					HttpMethod.valueOf(call[0]), json(call[2], judy), Map.class);
			assertThat(notJudys.getStatusCode()).as("%s %s", call[0], call[1]).isEqualTo(HttpStatus.NOT_FOUND);
			assertThat(notJudys.getBody()).containsKey("itemNotFound");
		}
		for (String[] bad : new String[][] { { "PUT", "", "{\"server\": {\"name\": 5}}" },
				{ "PUT", "", "{\"server\": {\"accessIPv4\": \"nowhere\"}}" },
				{ "POST", "/metadata", "{\"metadata\": {\"bad/key\": \"v\"}}" },
				{ "PUT", "/metadata/k", "{\"meta\": {\"other\": \"v\"}}" } }) {
			ResponseEntity<Map> refused = this.http.exchange("/v2.1/servers/" + id + bad[1], HttpMethod.valueOf(bad[0]),
					json(bad[2], ivan), Map.class);
			assertThat(refused.getStatusCode()).as("%s", bad[2]).isEqualTo(HttpStatus.BAD_REQUEST);
			assertThat(refused.getBody()).containsKey("badRequest");
		}
		Map<String, Object> server = (Map<String, Object>) this.http
			.exchange("/v2.1/servers/" + id, HttpMethod.GET, json("", ivan), Map.class)
			.getBody()
			.get("server");
		assertThat(server).containsEntry("name", "ivan-vm").containsEntry("metadata", Map.of("k", "secret-meta-value"));
		assertThat(this.http.exchange("/v2.1/servers/" + id, HttpMethod.DELETE, json("", ivan), Map.class)
			.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
	}

	@SuppressWarnings("unchecked")
	private String imageId(String token) {
		Map<String, Object> body = this.http
			.exchange("/image/v2/images?name=" + IMAGE_NAME, HttpMethod.GET, json("", token), Map.class)
			.getBody();
		List<Map<String, Object>> images = (List<Map<String, Object>>) body.get("images");
		assertThat(images).hasSize(1);
		return (String) images.get(0).get("id");
	}

	@Test
	@SuppressWarnings("unchecked")
	void noSpellingGetsAnUnsignedRpcOrAnAnonymousAdminCallThroughAndEveryErrorHasNovasShape() {
		AuthTestSupport.createUser(this.http, "cmp-erin", "erin-password", "member", "cmp-e");
		String erinToken = AuthTestSupport.token(this.http, "cmp-erin", "erin-password", "cmp-e");
		ResponseEntity<Map> booted = this.http.exchange("/v2.1/servers", HttpMethod.POST,
				json("{\"server\": {\"name\": \"erin-vm\", \"flavorRef\": \"1\", \"imageRef\": \"" + imageId(erinToken)
						+ "\"}}", erinToken), Map.class);
		String serverId = (String) ((Map<String, Object>) booted.getBody().get("server")).get("id");
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(this.http
			.exchange("/v2.1/servers/" + serverId, HttpMethod.GET, json("", erinToken), Map.class)
			.getBody()
			.get("server")).asInstanceOf(MAP).containsEntry("status", "ACTIVE"));
		EdgeChecks checks = new EdgeChecks(this.port, FaultShapes.OPENSTACK);

		checks.rpcRefusesEveryUnsignedSpelling(EdgeChecks.rpcMessage(ComputeRpcApi.class, "terminateInstance",
				JsonMapper.shared().valueToTree(new ComputeRpcApi.InstanceRef(serverId))));
		assertThat(this.http.exchange("/v2.1/servers/" + serverId, HttpMethod.GET, json("", erinToken), Map.class)
			.getBody()
			.get("server")).asInstanceOf(MAP).containsEntry("status", "ACTIVE");

		checks.policyRefusesEverySpellingWithoutAToken("GET", "/v2.1/os-services", "nova-compute");
		checks.policyRefusesEverySpellingWithoutAToken("GET", "/v2.1/os-hypervisors", "hypervisor_hostname");
		checks.policyRefusesEverySpellingWithoutAToken("GET", "/v2.1/os-migrations", "source_compute");
		String migrations = "/v2.1/servers/" + serverId + "/migrations";
		checks.policyRefusesEverySpellingWithoutAToken("GET", migrations, "server_uuid");
		checks.policyRefusesEverySpellingWithoutAToken("GET", migrations + "/1", "server_uuid");
		checks.policyRefusesEverySpellingWithoutAToken("DELETE", migrations + "/1", "server_uuid");
		checks.policyRefusesEverySpellingWithoutAToken("POST", migrations + "/1/action", "server_uuid");
		checks.everyErrorHasTheFaultShape(erinToken, "/v2.1/servers", "DELETE", 114_688);
		checks.everyErrorHasTheFaultShape(erinToken, migrations + "/1/action", "GET", 114_688);

		this.http.exchange("/v2.1/os-keypairs", HttpMethod.POST,
				json("{\"keypair\": {\"name\": \"erin-key\"}}", erinToken), Map.class);
		checks.policyRefusesEverySpellingWithoutAToken("GET", "/v2.1/os-keypairs", "erin-key");
		checks.policyRefusesEverySpellingWithoutAToken("GET", "/v2.1/os-keypairs/erin-key", "fingerprint");
		checks.everyErrorHasTheFaultShape(erinToken, "/v2.1/os-keypairs", "PUT", 114_688);
	}

}
