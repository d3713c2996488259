package dev.novaboot.compute.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import dev.novaboot.compute.manager.ComputeImages;
import dev.novaboot.service.testsupport.EmbeddedPostgresConfiguration;
import dev.novaboot.service.testsupport.SchemaNames;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureTestRestTemplate;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.context.annotation.Import;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * nova-compute on a real PostgreSQL: its migrations pass JPA's {@code validate}, and the
 * boot flow's conditional updates and row locks work there as on H2.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "nova.host=pg-host")
@AutoConfigureTestRestTemplate
@Import(EmbeddedPostgresConfiguration.class)
class PostgresServersApiTests {

	@Autowired
	TestRestTemplate http;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void everyIndexAndUniqueKeyFollowsTheNamingScheme() {
		assertThat(SchemaNames.offending(this.jdbc)).isEmpty();
	}

	@Test
	void bootsStopsAndDeletesOnPostgres() {
		ComputeApiClient client = new ComputeApiClient(this.http, "project-pg", "member");
		String id = client.boot("pg", "1", ComputeImages.idOf("cirros-0.6.2-x86_64-disk"), Map.of());
		Map<String, Object> server = client.asAdmin().awaitStatus(id, "ACTIVE");
		assertThat(server).containsEntry("OS-EXT-SRV-ATTR:host", "pg-host");
		assertThat(ComputeApiClient.addresses(server)).hasSize(1);
		client.post("/v2.1/servers/" + id + "/action", Map.of("os-stop", Map.of()));
		client.awaitStatus(id, "SHUTOFF");
		assertThat(client.post("/v2.1/servers/" + id + "/action", Map.of("os-stop", Map.of())).getStatusCode().value())
			.isEqualTo(409);
		String tooBig = client.boot("too-big", "5", ComputeImages.idOf("cirros-0.6.2-x86_64-disk"), Map.of());
		assertThat(client.awaitStatus(tooBig, "ERROR")).containsKey("fault");
		// the lists' filtered, keyset-paged queries on PostgreSQL
		assertThat(ids(client.get("/v2.1/servers?limit=1"))).containsExactly(tooBig);
		assertThat(ids(client.get("/v2.1/servers?limit=1&marker=" + tooBig))).containsExactly(id);
		assertThat(ids(client.get("/v2.1/servers?status=SHUTOFF"))).containsExactly(id);
		assertThat(ids(client.get("/v2.1/servers?status=ACTIVE&name=pg"))).isEmpty();
		// sorted by keys that may be null (launched_at: none for the server in error) and paged after them
		assertThat(ids(client.get("/v2.1/servers?sort_key=launched_at&sort_dir=asc"))).containsExactly(tooBig, id);
		assertThat(ids(client.get("/v2.1/servers?sort_key=launched_at&sort_dir=asc&limit=1&marker=" + tooBig)))
			.containsExactly(id);
		assertThat(ids(client.get("/v2.1/servers?sort_key=access_ip_v4&sort_key=display_name&sort_dir=desc&sort_dir=asc"
				+ "&flavor=1&changes-since=2000-01-01T00:00:00Z"))).containsExactly(id);
		client.put("/v2.1/servers/" + id + "/metadata", Map.of("metadata", Map.of("db", "postgres")));
		assertThat(client.server(id)).containsEntry("metadata", Map.of("db", "postgres"));
		client.delete("/v2.1/servers/" + id);
		client.delete("/v2.1/servers/" + tooBig);
		client.awaitGone(id);
		client.awaitGone(tooBig);
		// changes-since lists them as DELETED, read past the soft-delete restriction on PostgreSQL too
		assertThat(ids(client.get("/v2.1/servers?changes-since=2000-01-01T00:00:00Z"))).contains(id, tooBig);
		// deleted softly, Nova's way: the rows stay with their id in deleted
		assertThat(this.jdbc.queryForObject(
				"SELECT count(*) FROM instances WHERE uuid IN (?, ?) AND deleted = id AND deleted_at IS NOT NULL",
				Integer.class, id, tooBig))
			.isEqualTo(2);
	}

	@Test
	void concurrentBootsOfOneProjectNeverPassItsInstancesQuota() throws Exception {
		ComputeApiClient admin = new ComputeApiClient(this.http, "project-pg-admin", "admin");
		ComputeApiClient client = new ComputeApiClient(this.http, "project-pg-race", "member").at("2.37");
		admin.put("/v2.1/os-quota-sets/project-pg-race", Map.of("quota_set", Map.of("instances", 3)));
		String image = ComputeImages.idOf("cirros-0.6.2-x86_64-disk");
		ExecutorService pool = Executors.newFixedThreadPool(8);
		try {
			List<Future<ResponseEntity<Map<String, Object>>>> boots = new ArrayList<>();
			for (int i = 0; i < 8; i++) {
				Map<String, Object> server = Map.of("name", "race-" + i, "flavorRef", "1", "imageRef", image,
						"networks", "none");
				boots.add(pool.submit(() -> client.post("/v2.1/servers", Map.of("server", server))));
			}
			List<Integer> statuses = new ArrayList<>();
			for (Future<ResponseEntity<Map<String, Object>>> boot : boots) {
				statuses.add(boot.get(60, TimeUnit.SECONDS).getStatusCode().value());
			}
			assertThat(statuses).filteredOn((status) -> status == 202).hasSize(3);
			assertThat(statuses).filteredOn((status) -> status == 403).hasSize(5);
			assertThat(this.jdbc.queryForObject(
					"SELECT count(*) FROM instances WHERE project_id = 'project-pg-race' AND deleted = 0", Integer.class))
				.isEqualTo(3);
		}
		finally {
			pool.shutdownNow();
			for (String id : ids(client.get("/v2.1/servers"))) {
				client.delete("/v2.1/servers/" + id);
				client.awaitGone(id);
			}
			admin.delete("/v2.1/os-quota-sets/project-pg-race");
		}
	}

	@SuppressWarnings("unchecked")
	private static List<String> ids(ResponseEntity<Map<String, Object>> response) {
		return ((List<Map<String, Object>>) response.getBody().get("servers")).stream()
			.map((server) -> (String) server.get("id"))
			.toList();
	}

}
