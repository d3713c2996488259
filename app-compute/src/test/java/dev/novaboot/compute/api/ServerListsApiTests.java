package dev.novaboot.compute.api;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.novaboot.compute.manager.ComputeImages;
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
import static dev.novaboot.compute.api.ServerFieldsApiTests.serverIds;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Server lists as Nova answers them, at 2.1 and at 2.53: the filters a member may use
 * ({@code image}, {@code flavor}, {@code ip}, {@code changes-since}, {@code name},
 * {@code status}), Nova's sort keys and directions, pages with {@code servers_links},
 * {@code all_tenants} for admins only, and a 400 for every bad value.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@AutoConfigureTestRestTemplate
class ServerListsApiTests {

	@Autowired
	TestRestTemplate http;

	String image;

	@BeforeEach
	void image() {
		this.image = ComputeImages.idOf("cirros-0.6.2-x86_64-disk");
	}

	@Test
	@SuppressWarnings("unchecked")
	void filtersSortsAndPagesAtEveryVersion() {
		ComputeApiClient lister = new ComputeApiClient(this.http, "project-lists", "member");
		Instant before = Instant.now().minusSeconds(1);
		String small = lister.boot("alpha", "1", this.image, Map.of());
		String large = lister.boot("beta", "2", this.image, Map.of());
		String third = lister.boot("gamma", "1", this.image, Map.of());
		String smallAddress = ComputeApiClient.addresses(lister.awaitStatus(small, "ACTIVE")).get(0);
		lister.awaitStatus(large, "ACTIVE");
		lister.awaitStatus(third, "ACTIVE");
		for (ComputeApiClient client : List.of(lister, lister.at("2.53"))) {
			assertThat(serverIds(client.get("/v2.1/servers?flavor=2"))).containsExactly(large);
			assertThat(serverIds(client.get("/v2.1/servers/detail?flavor=1"))).containsExactly(third, small);
			assertThat(serverIds(client.get("/v2.1/servers?flavor=no-such-flavor"))).isEmpty();
			assertThat(serverIds(client.get("/v2.1/servers?image=" + this.image))).containsExactly(third, large, small);
			assertThat(serverIds(client.get("/v2.1/servers?image=" + UUID.randomUUID()))).isEmpty();
			assertThat(serverIds(client.get("/v2.1/servers?ip=" + smallAddress.replace(".", "\\.") + "$")))
				.containsExactly(small);
			assertThat(serverIds(client.get("/v2.1/servers?changes-since=" + before))).hasSize(3);
			assertThat(serverIds(client.get("/v2.1/servers?changes-since=2999-01-01T00:00:00Z"))).isEmpty();
			assertThat(serverIds(client.get("/v2.1/servers?name=a$&status=ACTIVE"))).containsExactly(third, large, small);

			assertThat(serverIds(client.get("/v2.1/servers?sort_key=display_name&sort_dir=asc")))
				.containsExactly(small, large, third);
			assertThat(serverIds(client.get("/v2.1/servers?sort_key=display_name&sort_dir=desc")))
				.containsExactly(third, large, small);
			assertThat(serverIds(client.get("/v2.1/servers?sort_key=created_at&sort_dir=asc")))
				.containsExactly(small, large, third);
			// a key Nova ignores is dropped, with its direction
			assertThat(serverIds(client.get("/v2.1/servers?sort_key=vcpus&sort_dir=asc"))).containsExactly(third, large,
					small);

			ResponseEntity<Map<String, Object>> first = client.get("/v2.1/servers?sort_key=display_name&sort_dir=asc&limit=2");
			assertThat(serverIds(first)).containsExactly(small, large);
			List<Map<String, String>> links = (List<Map<String, String>>) first.getBody().get("servers_links");
			assertThat(links).hasSize(1);
			assertThat(links.get(0)).containsEntry("rel", "next");
			String next = links.get(0).get("href");
			assertThat(next).contains("marker=" + large).contains("limit=2").contains("sort_key=display_name");
			ResponseEntity<Map<String, Object>> second = client.get(next.substring(next.indexOf("/v2.1/")));
			assertThat(serverIds(second)).containsExactly(third);
			assertThat(second.getBody()).doesNotContainKey("servers_links");
			assertThat(serverIds(client.get("/v2.1/servers?limit=0"))).isEmpty();
		}
		for (String id : List.of(small, large, third)) {
			deleteAndWait(lister, id);
		}
	}

	@Test
	@SuppressWarnings("unchecked")
	void changesSinceListsTheServersDeletedSinceAsDeletedAndPagesThroughThem() {
		ComputeApiClient poller = new ComputeApiClient(this.http, "project-poller", "member");
		Instant before = Instant.now().minusSeconds(1);
		String kept = poller.boot("kept", "1", this.image, Map.of());
		String gone = poller.boot("gone", "1", this.image, Map.of());
		poller.awaitStatus(kept, "ACTIVE");
		poller.awaitStatus(gone, "ACTIVE");
		deleteAndWait(poller, gone);

		// without changes-since a deleted server is not listed; with it, it is, as DELETED (Nova)
		assertThat(serverIds(poller.get("/v2.1/servers"))).containsExactly(kept);
		assertThat(serverIds(poller.get("/v2.1/servers?changes-since=" + before))).containsExactly(gone, kept);
		List<Map<String, Object>> detail = (List<Map<String, Object>>) poller
			.get("/v2.1/servers/detail?changes-since=" + before)
			.getBody()
			.get("servers");
		assertThat(detail).filteredOn((server) -> gone.equals(server.get("id")))
			.singleElement()
			.satisfies((server) -> assertThat(server).containsEntry("status", "DELETED")
				.containsEntry("OS-EXT-STS:vm_state", "deleted"));
		assertThat(serverIds(poller.get("/v2.1/servers?changes-since=" + before + "&status=ACTIVE")))
			.containsExactly(kept);
		// a page may end on a deleted server, whose id is the next page's marker
		assertThat(serverIds(poller.get("/v2.1/servers?changes-since=" + before + "&limit=1"))).containsExactly(gone);
		assertThat(serverIds(poller.get("/v2.1/servers?changes-since=" + before + "&limit=1&marker=" + gone)))
			.containsExactly(kept);
		// another project's deleted servers stay its own
		assertThat(serverIds(new ComputeApiClient(this.http, "project-other", "member")
			.get("/v2.1/servers?changes-since=" + before))).doesNotContain(gone, kept);
		deleteAndWait(poller, kept);
	}

	@Test
	void allTenantsIsForAdminsWhoMayNarrowItToOneProject() {
		ComputeApiClient frank = new ComputeApiClient(this.http, "project-frank", "member");
		ComputeApiClient grace = new ComputeApiClient(this.http, "project-grace", "member");
		String franks = frank.at("2.53").boot("franks", "1", this.image, Map.of("networks", "none"));
		String graces = grace.at("2.53").boot("graces", "1", this.image, Map.of("networks", "none"));
		ComputeApiClient admin = frank.asAdmin();
		assertThat(serverIds(admin.get("/v2.1/servers?all_tenants=1&name=^(franks|graces)$")))
			.containsExactlyInAnyOrder(franks, graces);
		assertThat(serverIds(admin.get("/v2.1/servers/detail?all_tenants&name=^(franks|graces)$")))
			.containsExactlyInAnyOrder(franks, graces);
		assertThat(serverIds(admin.get("/v2.1/servers?all_tenants=true&project_id=project-grace")))
			.containsExactly(graces);
		// all_tenants=0 is the admin's own project, and so is tenant_id without all_tenants
		assertThat(serverIds(admin.get("/v2.1/servers?all_tenants=0&name=^(franks|graces)$"))).containsExactly(franks);
		assertThat(serverIds(admin.get("/v2.1/servers?tenant_id=project-grace&name=^(franks|graces)$")))
			.containsExactly(franks);

		for (ComputeApiClient client : List.of(grace, grace.at("2.53"))) {
			ResponseEntity<Map<String, Object>> refused = client.get("/v2.1/servers?all_tenants=1");
			assertThat(refused.getStatusCode().value()).isEqualTo(403);
			assertThat(fault(refused, "forbidden"))
				.isEqualTo("Policy doesn't allow os_compute_api:servers:index:get_all_tenants to be performed.");
			assertThat(serverIds(client.get("/v2.1/servers?all_tenants=0"))).containsExactly(graces);
			ResponseEntity<Map<String, Object>> hostSort = client.get("/v2.1/servers?sort_key=host");
			assertThat(hostSort.getStatusCode().value()).isEqualTo(403);
			assertThat(fault(hostSort, "forbidden")).isEqualTo("Only administrators can sort servers by host");
		}
		ResponseEntity<Map<String, Object>> joined = admin.get("/v2.1/servers?metadata=x");
		assertThat(joined.getStatusCode().value()).isEqualTo(400);
		assertThat(fault(joined, "badRequest")).isEqualTo("Invalid filter field: metadata.");
		frank.awaitStatus(franks, "ACTIVE");
		grace.awaitStatus(graces, "ACTIVE");
		deleteAndWait(frank, franks);
		deleteAndWait(grace, graces);
	}

	@Test
	void badListParametersAreRefusedWithNovasWordsAtEveryVersion() {
		ComputeApiClient member = new ComputeApiClient(this.http, "project-bad-lists", "member");
		List<String[]> refused = new ArrayList<>(List.of(
				new String[] { "limit=-1", "Invalid input for query parameters limit. Value: -1. '-1' does not match" },
				new String[] { "limit=abc", "Invalid input for query parameters limit. Value: abc." },
				new String[] { "changes-since=yesterday",
						"Invalid input for query parameters changes-since. Value: yesterday. 'yesterday' is not a 'date-time'" },
				new String[] { "sort_key=colour", "Invalid input for query parameters sort_key. Value: colour." },
				new String[] { "sort_key=display_name&sort_dir=up",
						"Invalid input received: Unknown sort direction, must be 'desc' or 'asc'" },
				new String[] { "sort_dir=asc", "Invalid input received: Sort direction size exceeds sort key size" },
				new String[] { "name=(", "Invalid input for query parameters name. Value: (. '(' is not a 'regex'" },
				new String[] { "ip=[", "Invalid input for query parameters ip. Value: [." },
				new String[] { "marker=" + UUID.randomUUID(), "marker [" },
				new String[] { "all_tenants=perhaps", "Invalid input received: Unrecognized value 'perhaps'" }));
		for (ComputeApiClient client : List.of(member, member.at("2.53"), member.asAdmin())) {
			for (String[] bad : refused) {
				for (String path : List.of("/v2.1/servers?", "/v2.1/servers/detail?")) {
					ResponseEntity<Map<String, Object>> answer = client.get(path + bad[0]);
					assertThat(answer.getStatusCode().value()).as(bad[0]).isEqualTo(400);
					assertThat(fault(answer, "badRequest")).as(bad[0]).startsWith(bad[1]);
				}
			}
		}
		// before 2.38 an unknown status lists nothing; from 2.38 it is a 400
		assertThat(serverIds(member.get("/v2.1/servers?status=sleeping"))).isEmpty();
		ResponseEntity<Map<String, Object>> status = member.at("2.53").get("/v2.1/servers?status=sleeping");
		assertThat(status.getStatusCode().value()).isEqualTo(400);
		assertThat(fault(status, "badRequest")).isEqualTo("Invalid status value");
	}

}
