package dev.novaboot.compute.api;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import dev.novaboot.compute.manager.ComputeImages;
import dev.novaboot.compute.driver.FakeComputeDriver;
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
import org.springframework.http.ResponseEntity;

import static dev.novaboot.compute.api.ServerFieldsApiTests.deleteAndWait;
import static dev.novaboot.compute.api.ServerFieldsApiTests.fault;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code /servers/{id}/os-interface} as Nova's {@code attach_interfaces.py} answers it, with
 * the fake driver and the in-process network service: the interfaces listed and shown in
 * Nova's shape, an attach hot-plugged and answered with the new interface (200), a detach
 * accepted (202) and carried out on the host, the user's own port bound and unbound but
 * kept, a port the driver cannot plug given back, and Nova's 400, 404 and 409 answers
 * that change nothing.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@AutoConfigureTestRestTemplate
class InterfaceAttachmentsApiTests {

	@Autowired
	TestRestTemplate http;

	@Autowired
	FakeComputeDriver driver;

	@Autowired
	LocalNetworkAllocator network;

	@Autowired
	ComputeManager manager;

	ComputeApiClient gina;

	String image;

	@BeforeEach
	void clients() {
		this.gina = new ComputeApiClient(this.http, "project-gina", "member");
		this.image = ComputeImages.idOf("cirros-0.6.2-x86_64-disk");
	}

	@Test
	@SuppressWarnings("unchecked")
	void anInterfaceAttachedOnANetworkIsPluggedListedShownAndDetached() {
		String id = activeServer("nic-1");
		assertThat(interfaces(id)).hasSize(1);

		ResponseEntity<Map<String, Object>> attached = this.gina.post(os(id),
				Map.of("interfaceAttachment", Map.of("net_id", this.network.networkId())));
		assertThat(attached.getStatusCode().value()).as("%s", attached.getBody()).isEqualTo(200);
		Map<String, Object> attachment = (Map<String, Object>) attached.getBody().get("interfaceAttachment");
		assertThat(attachment).containsOnlyKeys("net_id", "port_id", "mac_addr", "port_state", "fixed_ips")
			.containsEntry("net_id", this.network.networkId())
			.containsEntry("port_state", "ACTIVE");
		String port = (String) attachment.get("port_id");
		assertThat((String) attachment.get("mac_addr")).matches("fa:16:3e(:[0-9a-f]{2}){3}");
		List<Map<String, Object>> fixedIps = (List<Map<String, Object>>) attachment.get("fixed_ips");
		assertThat(fixedIps).singleElement().satisfies((ip) -> assertThat(ip)
			.containsEntry("subnet_id", this.network.subnetId())
			.containsKey("ip_address"));

		assertThat(this.driver.pluggedInterfaces(id)).hasSize(2).endsWith(port);
		assertThat(interfaces(id)).hasSize(2);
		assertThat(this.gina.get(os(id) + "/" + port).getBody()).containsEntry("interfaceAttachment", attachment);
		// the server's addresses show the new interface's address too
		List<Map<String, Object>> addresses = (List<Map<String, Object>>) ((Map<String, Object>) this.gina.server(id)
			.get("addresses")).get("private");
		assertThat(addresses).extracting((address) -> address.get("addr")).contains(fixedIps.get(0).get("ip_address"));
		assertThat(actions(id)).contains("attach_interface");

		ResponseEntity<Map<String, Object>> detached = this.gina.delete(os(id) + "/" + port);
		assertThat(detached.getStatusCode().value()).isEqualTo(202);
		await().atMost(Duration.ofSeconds(10)).until(() -> interfaces(id).size() == 1);
		assertThat(this.driver.pluggedInterfaces(id)).hasSize(1).doesNotContain(port);
		assertThat(this.network.deviceOf(port)).as("a port Nova made is deleted").isNull();
		await().atMost(Duration.ofSeconds(10))
			.until(() -> ((List<?>) ((Map<String, Object>) this.gina.server(id).get("addresses")).get("private"))
				.size() == 1);
		assertThat(actions(id)).contains("detach_interface");
		assertThat(this.gina.get(os(id) + "/" + port).getStatusCode().value()).isEqualTo(404);
		deleteAndWait(this.gina, id);
	}

	@Test
	@SuppressWarnings("unchecked")
	void theUsersOwnPortIsBoundOnAttachAndUnboundButKeptOnDetachAndOnDelete() {
		String id = activeServer("nic-2");
		String port = this.network.createPort();
		ResponseEntity<Map<String, Object>> attached = this.gina.post(os(id),
				Map.of("interfaceAttachment", Map.of("port_id", port)));
		assertThat(attached.getStatusCode().value()).as("%s", attached.getBody()).isEqualTo(200);
		assertThat((Map<String, Object>) attached.getBody().get("interfaceAttachment")).containsEntry("port_id", port);
		assertThat(this.network.deviceOf(port)).isEqualTo(id);

		// a port bound to a server is in use for every other
		String other = activeServer("nic-2b");
		ResponseEntity<Map<String, Object>> inUse = this.gina.post(os(other),
				Map.of("interfaceAttachment", Map.of("port_id", port)));
		assertThat(inUse.getStatusCode().value()).isEqualTo(409);
		assertThat(fault(inUse, "conflictingRequest")).isEqualTo("Port " + port + " is still in use.");

		assertThat(this.gina.delete(os(id) + "/" + port).getStatusCode().value()).isEqualTo(202);
		await().atMost(Duration.ofSeconds(10)).until(() -> "".equals(this.network.deviceOf(port)));
		assertThat(this.driver.pluggedInterfaces(id)).doesNotContain(port);

		// attached again, the server's delete unbinds it and keeps it, even after a
		// network-changed refresh of the server's network info
		assertThat(this.gina.post(os(id), Map.of("interfaceAttachment", Map.of("port_id", port)))
			.getStatusCode()
			.value()).isEqualTo(200);
		this.manager.externalInstanceEvent(
				new RequestContext("req-" + UUID.randomUUID(), "nova-network", "admin", Set.of("admin")),
				ExternalInstanceEvent.networkChanged(id, port));
		deleteAndWait(this.gina, id);
		assertThat(this.network.deviceOf(port)).isEqualTo("");
		deleteAndWait(this.gina, other);
	}

	@Test
	void aPortTheDriverCannotPlugIsGivenBackAndTheAttachFailsAsNova() {
		String id = activeServer("nic-3");
		this.driver.failNextInterfaceAttach(id);
		ResponseEntity<Map<String, Object>> failed = this.gina.post(os(id),
				Map.of("interfaceAttachment", Map.of("net_id", this.network.networkId())));
		assertThat(failed.getStatusCode().value()).isEqualTo(500);
		assertThat(fault(failed, "computeFault")).isEqualTo("Failed to attach network adapter device to " + id);
		assertThat(interfaces(id)).hasSize(1);
		assertThat(this.driver.pluggedInterfaces(id)).hasSize(1);
		assertThat(this.gina.server(id)).containsEntry("status", "ACTIVE");
		deleteAndWait(this.gina, id);
	}

	@Test
	@SuppressWarnings("unchecked")
	void aDetachTheGuestRefusesKeepsTheInterfaceAndItsPortAndRecordsTheError() {
		String id = activeServer("nic-8");
		String port = (String) ((Map<String, Object>) this.gina
			.post(os(id), Map.of("interfaceAttachment", Map.of("net_id", this.network.networkId())))
			.getBody()
			.get("interfaceAttachment")).get("port_id");
		this.driver.failNextInterfaceDetach(id);

		assertThat(this.gina.delete(os(id) + "/" + port).getStatusCode().value()).isEqualTo(202);

		await().atMost(Duration.ofSeconds(10)).until(() -> detachEvents(id).contains("compute_detach_interface:Error"));
		assertThat(this.driver.pluggedInterfaces(id)).contains(port);
		assertThat(this.network.deviceOf(port)).isEqualTo(id);
		assertThat(interfaces(id)).hasSize(2);
		// the attach was recorded with its host's step
		assertThat(events(id, "attach_interface")).containsExactly("compute_attach_interface:Success");
		deleteAndWait(this.gina, id);
		assertThat(this.network.deviceOf(port)).as("a port Nova made goes with the server").isNull();
	}

	private List<String> detachEvents(String id) {
		return events(id, "detach_interface");
	}

	// the events of the server's latest action of that name, as an admin sees them
	@SuppressWarnings("unchecked")
	private List<String> events(String id, String name) {
		ComputeApiClient admin = this.gina.asAdmin();
		Map<String, Object> action = ((List<Map<String, Object>>) admin.get("/v2.1/servers/" + id + "/os-instance-actions")
			.getBody()
			.get("instanceActions")).stream().filter((a) -> name.equals(a.get("action"))).findFirst().orElseThrow();
		Map<String, Object> shown = (Map<String, Object>) admin
			.get("/v2.1/servers/" + id + "/os-instance-actions/" + action.get("request_id"))
			.getBody()
			.get("instanceAction");
		return ((List<Map<String, Object>>) shown.get("events")).stream()
			.map((event) -> event.get("event") + ":" + event.get("result"))
			.toList();
	}

	@Test
	void badBodiesAreRefusedWithNovasWordsAndChangeNothing() {
		String id = activeServer("nic-4");
		String net = this.network.networkId();
		Map<Object, String> refused = Map.of(
				Map.of("interfaceAttachment", Map.of("net_id", net, "port_id", UUID.randomUUID().toString())),
				"Must not input both network_id and port_id",
				Map.of("interfaceAttachment", Map.of("fixed_ips", List.of(Map.of("ip_address", "10.0.0.77")))),
				"Must input network_id when request IP address",
				Map.of("interfaceAttachment", Map.of("net_id", "private")),
				"Invalid input for field/attribute net_id. Value: private. 'private' is not a 'uuid'",
				Map.of("interfaceAttachment", Map.of("port_id", 7)),
				"Invalid input for field/attribute port_id. Value: 7. It is not of type 'string'.",
				Map.of("interfaceAttachment", Map.of("net_id", net, "fixed_ips", List.of(Map.of("ip_address", "10.0.0.300")))),
				"Invalid input for field/attribute ip_address. Value: 10.0.0.300. '10.0.0.300' is not valid under any of the given schemas",
				Map.of("interfaceAttachment", Map.of("net_id", net, "fixed_ips", List.of())),
				"Invalid input for field/attribute fixed_ips. Value: []. [] is too short",
				Map.of("interfaceAttachment", Map.of("net_id", net, "mac", "fa:16:3e:00:00:01")),
				"Additional properties are not allowed ('mac' was unexpected)",
				Map.of("interfaceAttachment", Map.of("tag", "eth1")),
				"Additional properties are not allowed ('tag' was unexpected)",
				Map.of("volumeAttachment", Map.of()), "Additional properties are not allowed ('volumeAttachment' was unexpected)");
		refused.forEach((body, message) -> {
			ResponseEntity<Map<String, Object>> response = this.gina.post(os(id), body);
			assertThat(response.getStatusCode().value()).as("%s", body).isEqualTo(400);
			assertThat(fault(response, "badRequest")).as("%s", body).endsWith(message);
		});
		// no body at all is no object (Nova's "None is not of type 'object'")
		ResponseEntity<Map<String, Object>> noBody = this.gina.send(org.springframework.http.HttpMethod.POST, os(id), null);
		assertThat(noBody.getStatusCode().value()).isEqualTo(400);
		assertThat(fault(noBody, "badRequest")).isNotBlank();
		// tag is Nova's from 2.49, and is checked there
		ResponseEntity<Map<String, Object>> slash = this.gina.at("2.49")
			.post(os(id), Map.of("interfaceAttachment", Map.of("net_id", net, "tag", "a/b")));
		assertThat(fault(slash, "badRequest")).isEqualTo(
				"Invalid input for field/attribute tag. Value: a/b. 'a/b' does not match '^[^,/]*$'");
		assertThat(interfaces(id)).hasSize(1);
		assertThat(actions(id)).doesNotContain("attach_interface");
		ResponseEntity<Map<String, Object>> tagged = this.gina.at("2.49")
			.post(os(id), Map.of("interfaceAttachment", Map.of("net_id", net, "tag", "eth1")));
		assertThat(tagged.getStatusCode().value()).isEqualTo(200);
		deleteAndWait(this.gina, id);
	}

	@Test
	void unknownServersPortsAndNetworksAreNotFoundAndStatesThatForbidItAreConflicts() {
		String id = activeServer("nic-5");
		String unknown = UUID.randomUUID().toString();
		ResponseEntity<Map<String, Object>> noServer = this.gina.get("/v2.1/servers/" + unknown + "/os-interface");
		assertThat(fault(noServer, "itemNotFound")).isEqualTo("Instance " + unknown + " could not be found.");
		ResponseEntity<Map<String, Object>> notAttached = this.gina.delete(os(id) + "/" + unknown);
		assertThat(fault(notAttached, "itemNotFound")).isEqualTo("Port " + unknown + " is not attached");
		ResponseEntity<Map<String, Object>> noPort = this.gina.get(os(id) + "/" + unknown);
		assertThat(fault(noPort, "itemNotFound"))
			.isEqualTo("Instance " + id + " does not have a port with id " + unknown);
		ResponseEntity<Map<String, Object>> noNetwork = this.gina.post(os(id),
				Map.of("interfaceAttachment", Map.of("net_id", unknown)));
		assertThat(fault(noNetwork, "itemNotFound")).isEqualTo("Network " + unknown + " could not be found.");
		ResponseEntity<Map<String, Object>> noSuchPort = this.gina.post(os(id),
				Map.of("interfaceAttachment", Map.of("port_id", unknown)));
		assertThat(fault(noSuchPort, "itemNotFound")).isEqualTo("Port id " + unknown + " could not be found.");

		// a reader of the project may look, not change (Nova's PROJECT_MEMBER_OR_ADMIN)
		ComputeApiClient reader = new ComputeApiClient(this.http, "project-gina", "reader");
		assertThat(reader.get(os(id)).getStatusCode().value()).isEqualTo(200);
		assertThat(fault(reader.post(os(id), Map.of()), "forbidden"))
			.isEqualTo("Policy doesn't allow os_compute_api:os-attach-interfaces:create to be performed.");
		assertThat(fault(reader.delete(os(id) + "/" + unknown), "forbidden"))
			.isEqualTo("Policy doesn't allow os_compute_api:os-attach-interfaces:delete to be performed.");

		// another project's server is not found, whatever the route
		ComputeApiClient other = new ComputeApiClient(this.http, "project-henry", "member");
		assertThat(other.get(os(id)).getStatusCode().value()).isEqualTo(404);
		assertThat(other.post(os(id), Map.of()).getStatusCode().value()).isEqualTo(404);

		// Nova's check_instance_state and check_instance_lock
		assertThat(this.gina.post("/v2.1/servers/" + id + "/action", Map.of("suspend", Map.of()))
			.getStatusCode()
			.value()).isEqualTo(202);
		this.gina.awaitStatus(id, "SUSPENDED");
		ResponseEntity<Map<String, Object>> suspended = this.gina.post(os(id), Map.of());
		assertThat(fault(suspended, "conflictingRequest"))
			.isEqualTo("Cannot 'attach_interface' instance " + id + " while it is in vm_state suspended");
		this.gina.post("/v2.1/servers/" + id + "/action", Map.of("resume", Map.of()));
		this.gina.awaitStatus(id, "ACTIVE");
		assertThat(this.gina.post("/v2.1/servers/" + id + "/action", Map.of("lock", Map.of())).getStatusCode().value())
			.isEqualTo(202);
		String port = (String) interfacesList(id).get(0).get("port_id");
		assertThat(fault(this.gina.post(os(id), Map.of()), "conflictingRequest"))
			.isEqualTo("Instance " + id + " is locked");
		assertThat(fault(this.gina.delete(os(id) + "/" + port), "conflictingRequest"))
			.isEqualTo("Instance " + id + " is locked");
		this.gina.post("/v2.1/servers/" + id + "/action", Map.of("unlock", Map.of()));
		assertThat(interfaces(id)).hasSize(1);
		deleteAndWait(this.gina, id);
	}

	@Test
	void anAttachWithoutANetworkTakesTheProjectsOneNetworkAndAStoppedServerGetsItToo() {
		String id = activeServer("nic-6");
		this.gina.post("/v2.1/servers/" + id + "/action", Map.of("os-stop", Map.of()));
		this.gina.awaitStatus(id, "SHUTOFF");
		ResponseEntity<Map<String, Object>> attached = this.gina.post(os(id), Map.of());
		assertThat(attached.getStatusCode().value()).as("%s", attached.getBody()).isEqualTo(200);
		assertThat(interfaces(id)).hasSize(2);
		deleteAndWait(this.gina, id);
	}

	@Test
	void malformedIdsInPathsAreNotFound() {
		String id = activeServer("nic-7");
		for (ResponseEntity<Map<String, Object>> response : List.of(this.gina.get("/v2.1/servers/web-1/os-interface"),
				this.gina.post("/v2.1/servers/" + "x".repeat(2000) + "/os-interface", Map.of()),
				this.gina.get(os(id) + "/port-1"), this.gina.delete(os(id) + "/port-1"),
				this.gina.delete("/v2.1/servers/web-1/os-interface/port-1"))) {
			assertThat(response.getStatusCode().value()).as("%s", response.getBody()).isEqualTo(404);
			assertThat(fault(response, "itemNotFound")).isNotBlank().hasSizeLessThan(200);
		}
		assertThat(interfaces(id)).hasSize(1);
		deleteAndWait(this.gina, id);
	}

	private String activeServer(String name) {
		String id = this.gina.boot(name, "1", this.image, Map.of());
		this.gina.awaitStatus(id, "ACTIVE");
		return id;
	}

	private static String os(String id) {
		return "/v2.1/servers/" + id + "/os-interface";
	}

	private List<Map<String, Object>> interfaces(String id) {
		return interfacesList(id);
	}

	@SuppressWarnings("unchecked")
	private List<Map<String, Object>> interfacesList(String id) {
		ResponseEntity<Map<String, Object>> response = this.gina.get(os(id));
		assertThat(response.getStatusCode().value()).as("%s", response.getBody()).isEqualTo(200);
		return (List<Map<String, Object>>) response.getBody().get("interfaceAttachments");
	}

	@SuppressWarnings("unchecked")
	private List<String> actions(String id) {
		return ((List<Map<String, Object>>) this.gina.get("/v2.1/servers/" + id + "/os-instance-actions")
			.getBody()
			.get("instanceActions")).stream().map((action) -> (String) action.get("action")).toList();
	}

}
