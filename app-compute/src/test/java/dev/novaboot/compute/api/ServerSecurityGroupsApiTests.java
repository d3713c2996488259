package dev.novaboot.compute.api;

import java.util.List;
import java.util.Map;

import dev.novaboot.compute.manager.ComputeImages;
import dev.novaboot.compute.manager.LocalNetworkAllocator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureTestRestTemplate;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.http.ResponseEntity;

import static dev.novaboot.compute.api.ServerFieldsApiTests.deleteAndWait;
import static dev.novaboot.compute.api.ServerFieldsApiTests.fault;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A server's security groups as Nova's API gives them: named at boot (an unknown one is a
 * 400 before any server exists), echoed by the boot's answer, shown on the server while it
 * has ports, and changed by the {@code addSecurityGroup} and {@code removeSecurityGroup}
 * actions (202; an unknown group or one the server is not in is a 404).
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@AutoConfigureTestRestTemplate
class ServerSecurityGroupsApiTests {

	@Autowired
	TestRestTemplate http;

	@Autowired
	LocalNetworkAllocator network;

	ComputeApiClient frank;

	String image;

	@BeforeEach
	void clients() {
		this.frank = new ComputeApiClient(this.http, "project-frank", "member");
		this.image = ComputeImages.idOf("cirros-0.6.2-x86_64-disk");
		this.network.createSecurityGroup("frank-web");
		this.network.createSecurityGroup("frank-ssh");
	}

	@Test
	@SuppressWarnings("unchecked")
	void theGroupsNamedAtBootAreEchoedAndShownOnTheServer() {
		ResponseEntity<Map<String, Object>> booted = this.frank.post("/v2.1/servers",
				Map.of("server", Map.of("name", "grouped", "flavorRef", "1", "imageRef", this.image, "security_groups",
						List.of(Map.of("name", "frank-web"), Map.of("name", "frank-ssh")))));
		assertThat(booted.getStatusCode().value()).isEqualTo(202);
		Map<String, Object> answer = (Map<String, Object>) booted.getBody().get("server");
		assertThat(answer).containsEntry("security_groups", List.of(Map.of("name", "frank-web"), Map.of("name", "frank-ssh")));
		String id = (String) answer.get("id");

		assertThat(this.frank.awaitStatus(id, "ACTIVE")).containsEntry("security_groups",
				List.of(Map.of("name", "frank-web"), Map.of("name", "frank-ssh")));
		deleteAndWait(this.frank, id);
	}

	@Test
	void aServerBootedWithoutGroupsIsInTheDefaultGroupAndOneWithoutPortsShowsNone() {
		String plain = this.frank.boot("plain", "1", this.image, Map.of());
		assertThat(this.frank.awaitStatus(plain, "ACTIVE")).containsEntry("security_groups",
				List.of(Map.of("name", "default")));
		// Nova reads a server's groups off its ports
		String portless = this.frank.at("2.37").boot("portless", "1", this.image, Map.of("networks", "none"));
		assertThat(this.frank.awaitStatus(portless, "ACTIVE")).doesNotContainKey("security_groups");
		deleteAndWait(this.frank, plain);
		deleteAndWait(this.frank, portless);
	}

	@Test
	void anUnknownGroupAtBootIsRefusedBeforeAnyServerExists() {
		ResponseEntity<Map<String, Object>> refused = this.frank.post("/v2.1/servers", Map.of("server", Map.of("name",
				"ungrouped", "flavorRef", "1", "imageRef", this.image, "security_groups", List.of(Map.of("name", "db")))));
		assertThat(refused.getStatusCode().value()).isEqualTo(400);
		assertThat(fault(refused, "badRequest")).isEqualTo("Security group db not found.");
		assertThat(ServerFieldsApiTests.serverIds(this.frank.get("/v2.1/servers?name=ungrouped"))).isEmpty();
	}

	@Test
	void theActionsAddAndRemoveAGroupAndTheServerShowsIt() {
		String id = this.frank.boot("changing", "1", this.image, Map.of());
		this.frank.awaitStatus(id, "ACTIVE");

		assertThat(action(id, "addSecurityGroup", Map.of("name", "frank-web")).getStatusCode().value()).isEqualTo(202);
		assertThat(this.frank.server(id)).containsEntry("security_groups",
				List.of(Map.of("name", "default"), Map.of("name", "frank-web")));

		assertThat(action(id, "removeSecurityGroup", Map.of("name", "default")).getStatusCode().value()).isEqualTo(202);
		assertThat(this.frank.server(id)).containsEntry("security_groups", List.of(Map.of("name", "frank-web")));

		ResponseEntity<Map<String, Object>> notIn = action(id, "removeSecurityGroup", Map.of("name", "frank-ssh"));
		assertThat(notIn.getStatusCode().value()).isEqualTo(404);
		assertThat(fault(notIn, "itemNotFound")).isEqualTo("Security group frank-ssh not associated with the instance " + id);

		ResponseEntity<Map<String, Object>> unknown = action(id, "addSecurityGroup", Map.of("name", "db"));
		assertThat(unknown.getStatusCode().value()).isEqualTo(404);
		assertThat(fault(unknown, "itemNotFound")).startsWith("Security group db is not found for project");
		assertThat(this.frank.server(id)).containsEntry("security_groups", List.of(Map.of("name", "frank-web")));
		deleteAndWait(this.frank, id);
	}

	@Test
	void aMalformedActionIsA400ThatChangesNothing() {
		String id = this.frank.boot("malformed", "1", this.image, Map.of());
		this.frank.awaitStatus(id, "ACTIVE");
		Map<Object, String> refused = Map.of(
				Map.of(), "Invalid input for field/attribute addSecurityGroup. Value: {}. 'name' is a required property",
				Map.of("name", ""), "Invalid input for field/attribute name. Value: . '' is too short",
				Map.of("name", "   "), "Security group name cannot be empty",
				Map.of("name", 7), "Invalid input for field/attribute name. Value: 7. It is not of type 'string'.",
				Map.of("name", "frank-web", "colour", "red"),
				"Invalid input for field/attribute addSecurityGroup. Additional properties are not allowed ('colour' was unexpected)",
				"frank-web", "Invalid input for field/attribute addSecurityGroup. Value: frank-web. It is not of type 'object'.");
		refused.forEach((body, message) -> {
			ResponseEntity<Map<String, Object>> answer = action(id, "addSecurityGroup", body);
			assertThat(answer.getStatusCode().value()).as("%s", body).isEqualTo(400);
			assertThat(fault(answer, "badRequest")).as("%s", body).isEqualTo(message);
		});
		assertThat(this.frank.server(id)).containsEntry("security_groups", List.of(Map.of("name", "default")));
		deleteAndWait(this.frank, id);
	}

	@Test
	void anotherProjectsServerIsNotFound() {
		String id = this.frank.boot("private", "1", this.image, Map.of());
		this.frank.awaitStatus(id, "ACTIVE");
		ComputeApiClient grace = new ComputeApiClient(this.http, "project-grace", "member");
		ResponseEntity<Map<String, Object>> answer = grace.post("/v2.1/servers/" + id + "/action",
				Map.of("addSecurityGroup", Map.of("name", "frank-web")));
		assertThat(answer.getStatusCode().value()).isEqualTo(404);
		assertThat(this.frank.server(id)).containsEntry("security_groups", List.of(Map.of("name", "default")));
		deleteAndWait(this.frank, id);
	}

	@Test
	void novasProxiesAnswerOnlyUpTo235TakeGroupIdsAndSayWhenTheirServiceIsDown() {
		ComputeApiClient at236 = this.frank.at("2.36");
		for (String path : List.of("/v2.1/os-security-groups", "/v2.1/os-volumes", "/v2.1/os-volumes/detail")) {
			ResponseEntity<Map<String, Object>> gone = at236.get(path);
			assertThat(gone.getStatusCode().value()).as(path).isEqualTo(404);
			assertThat(fault(gone, "itemNotFound")).isEqualTo("The resource could not be found.");
		}
		ResponseEntity<Map<String, Object>> byName = this.frank.get("/v2.1/os-security-groups/default");
		assertThat(byName.getStatusCode().value()).isEqualTo(400);
		assertThat(fault(byName, "badRequest")).isEqualTo("Security group id should be uuid");
		ResponseEntity<Map<String, Object>> badLimit = this.frank.get("/v2.1/os-volumes?limit=-1");
		assertThat(badLimit.getStatusCode().value()).isEqualTo(400);
		assertThat(fault(badLimit, "badRequest"))
			.isEqualTo("Invalid input for query parameters limit. Value: -1. '-1' does not match '^[0-9]*$'");
		ResponseEntity<Map<String, Object>> badSize = this.frank.post("/v2.1/os-volumes",
				Map.of("volume", Map.of("size", "big")));
		assertThat(badSize.getStatusCode().value()).isEqualTo(400);
		assertThat(fault(badSize, "badRequest"))
			.isEqualTo("Invalid input for field/attribute size. Value: big. 'big' does not match '^[0-9]+$'");
		// this context runs no volume service: Nova answers what it cannot reach with a 503
		ResponseEntity<Map<String, Object>> down = this.frank.get("/v2.1/os-volumes");
		assertThat(down.getStatusCode().value()).isEqualTo(503);
		assertThat(fault(down, "serviceUnavailable")).isEqualTo("The volumev3 service is not available.");
	}

	private ResponseEntity<Map<String, Object>> action(String id, String action, Object argument) {
		return this.frank.post("/v2.1/servers/" + id + "/action", Map.of(action, argument));
	}

}
