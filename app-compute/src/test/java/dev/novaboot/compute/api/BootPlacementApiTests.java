package dev.novaboot.compute.api;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureTestRestTemplate;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a boot asks beyond the flavor and image: the caller's key pair (shown on the
 * server), a server group's policy (this test context has one compute host, so a second
 * member of an anti-affinity group has nowhere to go), an availability zone; and the
 * actions recorded for the server with the host's steps.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@AutoConfigureTestRestTemplate
class BootPlacementApiTests {

	private static final String PROJECT = "project-placement";

	@Autowired
	TestRestTemplate http;

	ComputeApiClient member;

	final List<String> servers = new ArrayList<>();

	@BeforeEach
	void clients() {
		this.member = new ComputeApiClient(this.http, PROJECT, "member").at("2.37");
	}

	@AfterEach
	void deleteServers() {
		this.servers.forEach((id) -> {
			this.member.delete("/v2.1/servers/" + id);
			this.member.awaitGone(id);
		});
		this.member.delete("/v2.1/os-keypairs/placement-key");
	}

	@Test
	void aServerBootsWithTheCallersKeyPairAndShowsItsName() {
		this.member.post("/v2.1/os-keypairs", Map.of("keypair", Map.of("name", "placement-key")));
		String id = boot("keyed", Map.of("key_name", "placement-key"));
		assertThat(this.member.awaitStatus(id, "ACTIVE")).containsEntry("key_name", "placement-key")
			.containsEntry("OS-EXT-AZ:availability_zone", "nova");

		assertFault(this.member.post("/v2.1/servers", server("nokey", Map.of("key_name", "nobody-s-key"))), 400,
				"Invalid key_name provided.");
		ComputeApiClient stranger = new ComputeApiClient(this.http, "project-placement-other", "member").at("2.37");
		assertFault(stranger.post("/v2.1/servers", server("theirs", Map.of("key_name", "placement-key"))), 400,
				"Invalid key_name provided.");
	}

	@Test
	@SuppressWarnings("unchecked")
	void anAntiAffinityGroupsSecondMemberHasNoValidHostOnOneHost() {
		String group = (String) ((Map<String, Object>) this.member
			.post("/v2.1/os-server-groups",
					Map.of("server_group", Map.of("name", "apart", "policies", List.of("anti-affinity"))))
			.getBody()
			.get("server_group")).get("id");
		try {
			String first = boot("apart-1", Map.of(), Map.of("os:scheduler_hints", Map.of("group", group)));
			this.member.awaitStatus(first, "ACTIVE");
			String second = boot("apart-2", Map.of(), Map.of("os:scheduler_hints", Map.of("group", group)));
			Map<String, Object> failed = this.member.awaitStatus(second, "ERROR");
			assertThat(failed.get("fault").toString()).contains("No valid host was found");
			assertThat((List<String>) ((Map<String, Object>) this.member.get("/v2.1/os-server-groups/" + group)
				.getBody()
				.get("server_group")).get("members")).containsExactlyInAnyOrder(first, second);

			assertFault(this.member.post("/v2.1/servers", Map.of("server", server("lost").get("server"),
					"os:scheduler_hints", Map.of("group", "4f5e2a0c-1b7d-4d8e-9a6f-0c1d2e3f4a5b"))), 400,
					"Instance group 4f5e2a0c-1b7d-4d8e-9a6f-0c1d2e3f4a5b could not be found.");
			assertFault(this.member.post("/v2.1/servers",
					Map.of("server", server("bad").get("server"), "os:scheduler_hints", Map.of("group", "nope"))), 400,
					"Invalid input for field/attribute group.");
		}
		finally {
			this.servers.forEach((id) -> {
				this.member.delete("/v2.1/servers/" + id);
				this.member.awaitGone(id);
			});
			this.servers.clear();
			this.member.delete("/v2.1/os-server-groups/" + group);
		}
	}

	@Test
	void aRequestedZoneMustBeAComputeHostsZone() {
		String id = boot("zoned", Map.of("availability_zone", "nova"));
		assertThat(this.member.awaitStatus(id, "ACTIVE")).containsEntry("OS-EXT-AZ:availability_zone", "nova");
		assertFault(this.member.post("/v2.1/servers", server("nowhere", Map.of("availability_zone", "atlantis"))), 400,
				"The requested availability zone is not available");
	}

	@Test
	@SuppressWarnings("unchecked")
	void everyActionIsRecordedWithItsRequestIdAndTheHostsSteps() {
		String id = boot("acted", Map.of());
		this.member.awaitStatus(id, "ACTIVE");
		ResponseEntity<Map<String, Object>> stop = this.member.post("/v2.1/servers/" + id + "/action",
				Map.of("os-stop", Map.of()));
		String stopRequest = stop.getHeaders().getFirst("x-openstack-request-id");
		this.member.awaitStatus(id, "SHUTOFF");

		List<Map<String, Object>> actions = (List<Map<String, Object>>) this.member
			.get("/v2.1/servers/" + id + "/os-instance-actions")
			.getBody()
			.get("instanceActions");
		assertThat(actions).extracting((action) -> action.get("action")).containsExactly("stop", "create");
		assertThat(actions.get(0)).containsEntry("request_id", stopRequest)
			.containsEntry("instance_uuid", id)
			.containsEntry("project_id", PROJECT)
			.containsEntry("user_id", "user-of-" + PROJECT)
			.containsEntry("message", null);

		// before 2.51 a member sees no events; from 2.51 without tracebacks; an admin with them
		Map<String, Object> at21 = (Map<String, Object>) this.member.at("2.1")
			.get("/v2.1/servers/" + id + "/os-instance-actions/" + stopRequest)
			.getBody()
			.get("instanceAction");
		assertThat(at21).doesNotContainKey("events").containsEntry("action", "stop");
		Map<String, Object> at251 = (Map<String, Object>) this.member.at("2.51")
			.get("/v2.1/servers/" + id + "/os-instance-actions/" + stopRequest)
			.getBody()
			.get("instanceAction");
		assertThat((List<Map<String, Object>>) at251.get("events")).singleElement()
			.satisfies((event) -> assertThat(event).containsEntry("event", "compute_stop_instance")
				.containsEntry("result", "Success")
				.doesNotContainKey("traceback"));
		Map<String, Object> asAdmin = (Map<String, Object>) this.member.asAdmin()
			.get("/v2.1/servers/" + id + "/os-instance-actions/" + stopRequest)
			.getBody()
			.get("instanceAction");
		assertThat((List<Map<String, Object>>) asAdmin.get("events")).singleElement()
			.satisfies((event) -> assertThat(event).containsKey("traceback"));
		String createRequest = (String) actions.get(1).get("request_id");
		Map<String, Object> create = (Map<String, Object>) this.member.at("2.51")
			.get("/v2.1/servers/" + id + "/os-instance-actions/" + createRequest)
			.getBody()
			.get("instanceAction");
		assertThat((List<Map<String, Object>>) create.get("events")).extracting((event) -> event.get("event"))
			.containsExactly("compute__do_build_and_run_instance");

		assertFault(this.member.get("/v2.1/servers/" + id + "/os-instance-actions/req-nothing"), 404,
				"Action req-nothing not found");
		ComputeApiClient stranger = new ComputeApiClient(this.http, "project-placement-other", "member");
		assertThat(stranger.get("/v2.1/servers/" + id + "/os-instance-actions").getStatusCode().value())
			.isEqualTo(404);

		// a deleted server's actions can be read from 2.21
		this.member.delete("/v2.1/servers/" + id);
		this.member.awaitGone(id);
		this.servers.remove(id);
		assertThat(this.member.at("2.20").get("/v2.1/servers/" + id + "/os-instance-actions").getStatusCode().value())
			.isEqualTo(404);
		List<Map<String, Object>> afterDelete = (List<Map<String, Object>>) this.member.at("2.21")
			.get("/v2.1/servers/" + id + "/os-instance-actions")
			.getBody()
			.get("instanceActions");
		assertThat(afterDelete).extracting((action) -> action.get("action"))
			.containsExactly("delete", "stop", "create");
	}

	private String boot(String name, Map<String, Object> extra) {
		return boot(name, extra, Map.of());
	}

	@SuppressWarnings("unchecked")
	private String boot(String name, Map<String, Object> extra, Map<String, Object> outside) {
		Map<String, Object> body = new HashMap<>(server(name, extra));
		body.putAll(outside);
		ResponseEntity<Map<String, Object>> response = this.member.post("/v2.1/servers", body);
		assertThat(response.getStatusCode().value()).as("%s", response.getBody()).isEqualTo(202);
		String id = (String) ((Map<String, Object>) response.getBody().get("server")).get("id");
		this.servers.add(id);
		return id;
	}

	private Map<String, Object> server(String name) {
		return server(name, Map.of());
	}

	@SuppressWarnings("unchecked")
	private Map<String, Object> server(String name, Map<String, Object> extra) {
		String image = (String) ((List<Map<String, Object>>) this.member.get("/image/v2/images").getBody().get("images"))
			.get(0)
			.get("id");
		Map<String, Object> server = new HashMap<>(
				Map.of("name", name, "flavorRef", "1", "imageRef", image, "networks", "none"));
		server.putAll(extra);
		return Map.of("server", server);
	}

	@SuppressWarnings("unchecked")
	private static void assertFault(ResponseEntity<Map<String, Object>> response, int status, String message) {
		assertThat(response.getStatusCode().value()).as("%s", response.getBody()).isEqualTo(status);
		Map<String, Object> fault = (Map<String, Object>) response.getBody().values().iterator().next();
		assertThat(fault).containsEntry("code", status);
		assertThat((String) fault.get("message")).contains(message);
	}

}
