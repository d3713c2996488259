package dev.novaboot.compute.api;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.novaboot.compute.manager.ComputeImages;
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
 * What a user records of a server and reads back, at microversion 2.1 and at the newest
 * (2.53): metadata and access addresses given at boot, {@code PUT /servers/{id}} (name,
 * access addresses, description), {@code /ips}, {@code /metadata} with Nova's limits,
 * several servers from one request ({@code min_count}/{@code max_count},
 * {@code return_reservation_id}), and the 4xx Nova answers for what it refuses.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@AutoConfigureTestRestTemplate
class ServerFieldsApiTests {

	private static final String NEWEST = "2.53";

	@Autowired
	TestRestTemplate http;

	ComputeApiClient carol;

	ComputeApiClient dave;

	String image;

	@BeforeEach
	void clients() {
		this.carol = new ComputeApiClient(this.http, "project-carol", "member");
		this.dave = new ComputeApiClient(this.http, "project-dave", "member");
		this.image = ComputeImages.idOf("cirros-0.6.2-x86_64-disk");
	}

	@Test
	void metadataAndAccessAddressesGivenAtBootAreShownAtEveryVersion() {
		String id = this.carol.boot("kept", "1", this.image, Map.of("metadata", Map.of("role", "web", "tier", "front"),
				"accessIPv4", "203.0.113.7", "accessIPv6", "2001:db8::7"));
		for (ComputeApiClient client : List.of(this.carol, this.carol.at(NEWEST))) {
			Map<String, Object> server = client.awaitStatus(id, "ACTIVE");
			assertThat(server).containsEntry("metadata", Map.of("role", "web", "tier", "front"))
				.containsEntry("accessIPv4", "203.0.113.7")
				.containsEntry("accessIPv6", "2001:db8::7");
			assertThat(detailOf(client.get("/v2.1/servers/detail?name=^kept$"), id))
				.containsEntry("metadata", Map.of("role", "web", "tier", "front"))
				.containsEntry("accessIPv4", "203.0.113.7");
		}
		deleteAndWait(this.carol, id);
	}

	@Test
	void aBootNovaRefusesIsRefusedAtTheApiWithNovasWords() {
		Map<String, Map<String, Object>> refused = Map.ofEntries(
				Map.entry("Invalid key_name provided.", Map.of("key_name", "mykey")),
				Map.entry("Security group web not found.", Map.of("security_groups", List.of(Map.of("name", "web")))),
				Map.entry("Invalid input for field/attribute accessIPv4. Value: 10.0.0.300.",
						Map.of("accessIPv4", "10.0.0.300")),
				Map.entry("Invalid input for field/attribute accessIPv6. Value: fe80::zz.", Map.of("accessIPv6", "fe80::zz")),
				Map.entry("Invalid input for field/attribute metadata. Additional properties are not allowed (''",
						Map.of("metadata", Map.of("", "blank"))),
				Map.entry("Invalid input for field/attribute metadata. Additional properties are not allowed ('"
						+ "k".repeat(64), Map.of("metadata", Map.of("k".repeat(256), "long key"))),
				Map.entry("Invalid input for field/attribute k. Value: ", Map.of("metadata", Map.of("k", "v".repeat(256)))),
				Map.entry("Invalid input for field/attribute k. Value: 1. It is not of type 'string'.",
						Map.of("metadata", Map.of("k", 1))),
				Map.entry("Invalid input for field/attribute min_count. Value: 0. 0 is less than the minimum of 1",
						Map.of("min_count", 0)),
				Map.entry("Invalid input for field/attribute max_count. Value: abc. 'abc' does not match '^[0-9]*$'",
						Map.of("max_count", "abc")),
				Map.entry("min_count must be <= max_count", Map.of("min_count", 3, "max_count", 2)),
				Map.entry("Invalid input for field/attribute return_reservation_id. Value: maybe.",
						Map.of("return_reservation_id", "maybe")),
				Map.entry("Invalid input for field/attribute server. Additional properties are not allowed ('colour'",
						Map.of("colour", "blue")));
		for (ComputeApiClient client : List.of(this.carol, this.carol.at(NEWEST))) {
			for (Map.Entry<String, Map<String, Object>> bad : refused.entrySet()) {
				Map<String, Object> server = new HashMap<>(Map.of("name", "refused", "flavorRef", "1", "imageRef",
						this.image));
				if (client != this.carol) {
					// required from 2.37
					server.put("networks", "none");
				}
				server.putAll(bad.getValue());
				ResponseEntity<Map<String, Object>> answer = client.post("/v2.1/servers", Map.of("server", server));
				assertThat(answer.getStatusCode().value()).as("%s", bad.getValue()).isEqualTo(400);
				assertThat(fault(answer, "badRequest")).as("%s", bad.getValue()).startsWith(bad.getKey());
			}
			ResponseEntity<Map<String, Object>> numericName = client.post("/v2.1/servers",
					Map.of("server", Map.of("name", 42, "flavorRef", "1", "imageRef", this.image, "networks", List.of())));
			assertThat(numericName.getStatusCode().value()).isEqualTo(400);
			assertThat(fault(numericName, "badRequest")).contains("It is not of type 'string'");
		}
		assertThat(serverIds(this.carol.get("/v2.1/servers?name=refused"))).isEmpty();
	}

	@Test
	@SuppressWarnings("unchecked")
	void maxCountBootsThatManyServersNamedAsNovaNamesThemSharingOneReservation() {
		ComputeApiClient erin = new ComputeApiClient(this.http, "project-erin", "member").at(NEWEST);
		ResponseEntity<Map<String, Object>> reservation = erin.post("/v2.1/servers",
				Map.of("server", Map.of("name", "batch", "flavorRef", "1", "imageRef", this.image, "networks", "none",
						"min_count", 2, "max_count", "3", "return_reservation_id", true, "metadata",
						Map.of("batch", "yes"))));
		assertThat(reservation.getStatusCode().value()).isEqualTo(202);
		assertThat(reservation.getBody()).containsOnlyKeys("reservation_id");
		String reservationId = (String) reservation.getBody().get("reservation_id");
		assertThat(reservationId).matches("r-[a-z0-9]{8}");

		List<Map<String, Object>> batch = (List<Map<String, Object>>) erin.asAdmin()
			.get("/v2.1/servers/detail?all_tenants=1&reservation_id=" + reservationId)
			.getBody()
			.get("servers");
		assertThat(batch).extracting((server) -> server.get("name"))
			.containsExactlyInAnyOrder("batch-1", "batch-2", "batch-3");
		assertThat(batch).allSatisfy((server) -> {
			assertThat(server).containsEntry("OS-EXT-SRV-ATTR:reservation_id", reservationId)
				.containsEntry("metadata", Map.of("batch", "yes"));
			assertThat((String) server.get("OS-EXT-SRV-ATTR:hostname")).startsWith("batch-");
		});
		// without return_reservation_id, the first server is the answer
		ResponseEntity<Map<String, Object>> pair = erin.post("/v2.1/servers", Map.of("server", Map.of("name", "pair",
				"flavorRef", "1", "imageRef", this.image, "networks", "none", "min_count", 2, "max_count", 2)));
		assertThat(pair.getStatusCode().value()).isEqualTo(202);
		String first = (String) ((Map<String, Object>) pair.getBody().get("server")).get("id");
		assertThat(pair.getHeaders().getLocation().toString()).endsWith("/v2.1/servers/" + first);
		assertThat(erin.server(first)).containsEntry("name", "pair-1");
		for (String id : serverIds(erin.get("/v2.1/servers"))) {
			erin.awaitStatus(id, "ACTIVE");
			deleteAndWait(erin, id);
		}
	}

	@Test
	void putRenamesRecordsAccessAddressesAndFromVersion219Describes() {
		String id = this.carol.boot("before", "1", this.image, Map.of());
		this.carol.awaitStatus(id, "ACTIVE");

		ResponseEntity<Map<String, Object>> renamed = this.carol.put("/v2.1/servers/" + id,
				Map.of("server", Map.of("name", "after", "accessIPv4", "198.51.100.4")));
		assertThat(renamed.getStatusCode().value()).isEqualTo(200);
		assertThat(server(renamed)).containsEntry("id", id)
			.containsEntry("name", "after")
			.containsEntry("accessIPv4", "198.51.100.4")
			.containsEntry("status", "ACTIVE")
			.doesNotContainKey("description");
		assertThat(this.carol.server(id)).containsEntry("name", "after").containsEntry("accessIPv4", "198.51.100.4");

		ResponseEntity<Map<String, Object>> describedTooEarly = this.carol.put("/v2.1/servers/" + id,
				Map.of("server", Map.of("description", "a web server")));
		assertThat(describedTooEarly.getStatusCode().value()).isEqualTo(400);
		assertThat(fault(describedTooEarly, "badRequest"))
			.isEqualTo("Invalid input for field/attribute server. Additional properties are not allowed "
					+ "('description' was unexpected)");
		ResponseEntity<Map<String, Object>> described = this.carol.at(NEWEST).put("/v2.1/servers/" + id,
				Map.of("server", Map.of("description", "a web server", "accessIPv6", "2001:db8::1")));
		assertThat(server(described)).containsEntry("description", "a web server")
			.containsEntry("name", "after")
			.containsEntry("accessIPv4", "198.51.100.4")
			.containsEntry("accessIPv6", "2001:db8::1");

		for (Map<String, Object> bad : List.<Map<String, Object>>of(Map.of("server", Map.of("name", "")),
				Map.of("server", Map.of("name", " padded ")), Map.of("server", Map.of("accessIPv4", "2001:db8::1")),
				Map.of("server", Map.of("OS-DCF:diskConfig", "SOMETIMES")), Map.of("server", "after"),
				Map.of("renamed", Map.of("name", "x")))) {
			ResponseEntity<Map<String, Object>> answer = this.carol.at(NEWEST).put("/v2.1/servers/" + id, bad);
			assertThat(answer.getStatusCode().value()).as("%s", bad).isEqualTo(400);
			assertThat(fault(answer, "badRequest")).isNotBlank();
		}
		assertThat(this.carol.server(id)).containsEntry("name", "after");
		ResponseEntity<Map<String, Object>> notTheirs = this.dave.put("/v2.1/servers/" + id,
				Map.of("server", Map.of("name", "stolen")));
		assertThat(notTheirs.getStatusCode().value()).isEqualTo(404);
		assertThat(this.carol.server(id)).containsEntry("name", "after");
		deleteAndWait(this.carol, id);
	}

	@Test
	void ipsListTheAddressesByNetworkAndOneNetworksAlone() {
		String id = this.carol.boot("addressed", "1", this.image, Map.of());
		Map<String, Object> server = this.carol.awaitStatus(id, "ACTIVE");
		String address = ComputeApiClient.addresses(server).get(0);
		for (ComputeApiClient client : List.of(this.carol, this.carol.at(NEWEST))) {
			ResponseEntity<Map<String, Object>> ips = client.get("/v2.1/servers/" + id + "/ips");
			assertThat(ips.getStatusCode().value()).isEqualTo(200);
			assertThat(ips.getBody())
				.isEqualTo(Map.of("addresses", Map.of("private", List.of(Map.of("version", 4, "addr", address)))));
			ResponseEntity<Map<String, Object>> one = client.get("/v2.1/servers/" + id + "/ips/private");
			assertThat(one.getBody()).isEqualTo(Map.of("private", List.of(Map.of("version", 4, "addr", address))));
			ResponseEntity<Map<String, Object>> other = client.get("/v2.1/servers/" + id + "/ips/public");
			assertThat(other.getStatusCode().value()).isEqualTo(404);
			assertThat(fault(other, "itemNotFound")).isEqualTo("Instance is not a member of specified network");
		}
		assertThat(this.dave.get("/v2.1/servers/" + id + "/ips").getStatusCode().value()).isEqualTo(404);
		assertThat(this.carol.get("/v2.1/servers/not-a-server/ips").getStatusCode().value()).isEqualTo(404);
		deleteAndWait(this.carol, id);
	}

	@Test
	@SuppressWarnings("unchecked")
	void metadataIsReadMergedReplacedAndChangedItemByItem() {
		String id = this.carol.boot("meta", "1", this.image, Map.of("metadata", Map.of("a", "1")));
		this.carol.awaitStatus(id, "ACTIVE");
		String path = "/v2.1/servers/" + id + "/metadata";
		for (ComputeApiClient client : List.of(this.carol, this.carol.at(NEWEST))) {
			assertThat(client.put(path, Map.of("metadata", Map.of("a", "1"))).getStatusCode().value()).isEqualTo(200);
			assertThat(client.get(path).getBody()).isEqualTo(Map.of("metadata", Map.of("a", "1")));
			ResponseEntity<Map<String, Object>> merged = client.post(path, Map.of("metadata", Map.of("b", "2", "a", "one")));
			assertThat(merged.getStatusCode().value()).isEqualTo(200);
			assertThat(merged.getBody()).isEqualTo(Map.of("metadata", Map.of("a", "one", "b", "2")));
			ResponseEntity<Map<String, Object>> replaced = client.put(path, Map.of("metadata", Map.of("c", "3")));
			assertThat(replaced.getBody()).isEqualTo(Map.of("metadata", Map.of("c", "3")));
			ResponseEntity<Map<String, Object>> item = client.put(path + "/d", Map.of("meta", Map.of("d", "4")));
			assertThat(item.getStatusCode().value()).isEqualTo(200);
			assertThat(item.getBody()).isEqualTo(Map.of("meta", Map.of("d", "4")));
			assertThat(client.get(path + "/d").getBody()).isEqualTo(Map.of("meta", Map.of("d", "4")));
			assertThat(client.delete(path + "/c").getStatusCode().value()).isEqualTo(204);
			assertThat((Map<String, Object>) client.server(id).get("metadata")).isEqualTo(Map.of("d", "4"));

			ResponseEntity<Map<String, Object>> missing = client.get(path + "/c");
			assertThat(missing.getStatusCode().value()).isEqualTo(404);
			assertThat(fault(missing, "itemNotFound")).isEqualTo("Metadata item was not found");
			assertThat(client.delete(path + "/c").getStatusCode().value()).isEqualTo(404);
			ResponseEntity<Map<String, Object>> mismatch = client.put(path + "/d", Map.of("meta", Map.of("e", "5")));
			assertThat(mismatch.getStatusCode().value()).isEqualTo(400);
			assertThat(fault(mismatch, "badRequest")).isEqualTo("Request body and URI mismatch");
			for (Object bad : List.of(Map.of("meta", Map.of("d", "4", "e", "5")), Map.of("meta", Map.of()),
					Map.of("metadata", Map.of("d", "4")))) {
				ResponseEntity<Map<String, Object>> answer = client.put(path + "/d", bad);
				assertThat(answer.getStatusCode().value()).as("%s", bad).isEqualTo(400);
			}
			for (Object bad : List.of(Map.of("metadata", Map.of("bad/key", "x")), Map.of("metadata", Map.of("k", 7)),
					Map.of("metadata", Map.of("k", "v".repeat(256))), Map.of("metadata", List.of("k")),
					Map.of("meta", Map.of("k", "v")))) {
				ResponseEntity<Map<String, Object>> answer = client.post(path, bad);
				assertThat(answer.getStatusCode().value()).as("%s", bad).isEqualTo(400);
				assertThat(fault(answer, "badRequest")).isNotBlank();
			}
			assertThat(client.get(path).getBody()).isEqualTo(Map.of("metadata", Map.of("d", "4")));
		}
		for (ResponseEntity<Map<String, Object>> notTheirs : List.of(this.dave.get(path), this.dave.get(path + "/d"),
				this.dave.post(path, Map.of("metadata", Map.of("x", "y"))), this.dave.delete(path + "/d"),
				this.dave.put(path + "/d", Map.of("meta", Map.of("d", "stolen"))))) {
			assertThat(notTheirs.getStatusCode().value()).isEqualTo(404);
		}
		assertThat(this.carol.get(path).getBody()).isEqualTo(Map.of("metadata", Map.of("d", "4")));
		deleteAndWait(this.carol, id);
	}

	@Test
	void metadataOfAServerInErrorCannotChange() {
		String id = this.carol.boot("too-big", "5", this.image, Map.of());
		this.carol.awaitStatus(id, "ERROR");
		ResponseEntity<Map<String, Object>> answer = this.carol.post("/v2.1/servers/" + id + "/metadata",
				Map.of("metadata", Map.of("k", "v")));
		assertThat(answer.getStatusCode().value()).isEqualTo(409);
		assertThat(fault(answer, "conflictingRequest"))
			.isEqualTo("Cannot 'update metadata' instance " + id + " while it is in vm_state error");
		assertThat(this.carol.get("/v2.1/servers/" + id + "/metadata").getBody()).isEqualTo(Map.of("metadata", Map.of()));
		deleteAndWait(this.carol, id);
	}

	@Test
	void theConsoleShowsABootTranscriptOfThisGuestAndKeepsToTheLengthAsked() {
		String id = this.carol.boot("console-guest", "1", this.image, Map.of());
		Map<String, Object> server = this.carol.awaitStatus(id, "ACTIVE");
		String address = ComputeApiClient.addresses(server).get(0);
		ResponseEntity<Map<String, Object>> whole = this.carol.post("/v2.1/servers/" + id + "/action",
				Map.of("os-getConsoleOutput", Map.of()));
		String output = (String) whole.getBody().get("output");
		assertThat(output).contains("Linux version", "Hostname set to <console-guest>", "cloud-init", address,
				"console-guest login:");
		assertThat(output.lines().count()).isGreaterThan(30);
		ResponseEntity<Map<String, Object>> tail = this.carol.post("/v2.1/servers/" + id + "/action",
				Map.of("os-getConsoleOutput", Map.of("length", 3)));
		assertThat(((String) tail.getBody().get("output")).lines().toList())
			.isEqualTo(output.lines().toList().subList((int) output.lines().count() - 3, (int) output.lines().count()));
		deleteAndWait(this.carol, id);
	}

	@SuppressWarnings("unchecked")
	@Test
	void anAdminListsTheServersOfOneComputeHostAndAMembersHostFilterIsDropped() {
		String id = this.carol.boot("hosted", "1", this.image, Map.of());
		this.carol.awaitStatus(id, "ACTIVE");
		ComputeApiClient admin = this.carol.asAdmin();
		String host = (String) admin.server(id).get("OS-EXT-SRV-ATTR:host");
		assertThat(host).isNotBlank();
		for (String filter : List.of("host", "node")) {
			assertThat(serverIds(admin.get("/v2.1/servers/detail?all_tenants=1&" + filter + "=" + host))).contains(id);
			assertThat(serverIds(admin.get("/v2.1/servers?all_tenants=1&" + filter + "=elsewhere"))).isEmpty();
		}
		// Nova's host filter is for admins: a member's is removed, not applied
		assertThat(serverIds(this.carol.get("/v2.1/servers?host=elsewhere"))).contains(id);
		deleteAndWait(this.carol, id);
	}

	static Map<String, Object> detailOf(ResponseEntity<Map<String, Object>> list, String id) {
		return ((List<Map<String, Object>>) list.getBody().get("servers")).stream()
			.filter((server) -> id.equals(server.get("id")))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no server " + id + " in " + list.getBody()));
	}

	@SuppressWarnings("unchecked")
	static Map<String, Object> server(ResponseEntity<Map<String, Object>> response) {
		assertThat(response.getStatusCode().value()).as("%s", response.getBody()).isEqualTo(200);
		return (Map<String, Object>) response.getBody().get("server");
	}

	@SuppressWarnings("unchecked")
	static String fault(ResponseEntity<Map<String, Object>> response, String name) {
		Map<String, Object> fault = (Map<String, Object>) response.getBody().get(name);
		assertThat(fault).as("fault %s in %s", name, response.getBody()).isNotNull();
		assertThat(fault.get("code")).isEqualTo(response.getStatusCode().value());
		return (String) fault.get("message");
	}

	@SuppressWarnings("unchecked")
	static List<String> serverIds(ResponseEntity<Map<String, Object>> response) {
		assertThat(response.getStatusCode().value()).as("%s", response.getBody()).isEqualTo(200);
		return ((List<Map<String, Object>>) response.getBody().get("servers")).stream()
			.map((server) -> (String) server.get("id"))
			.toList();
	}

	static void deleteAndWait(ComputeApiClient client, String id) {
		assertThat(client.delete("/v2.1/servers/" + id).getStatusCode().value()).isEqualTo(204);
		client.awaitGone(id);
	}

}
