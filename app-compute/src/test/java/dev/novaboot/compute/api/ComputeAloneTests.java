package dev.novaboot.compute.api;

import java.util.List;
import java.util.Map;

import dev.novaboot.compute.manager.ComputeImages;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureTestRestTemplate;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * nova-compute with no other service of the suite up, wired as it runs from its jar (the
 * RPC clients, not the tests' in-process stand-ins): servers without networks or
 * volumes run, and a request that needs a service that is not up is refused at once with
 * 409, changing nothing, instead of a server in error later.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "nova.compute.local.enabled=false",
				"spring.datasource.url=jdbc:h2:mem:nova-compute-alone;DB_CLOSE_DELAY=-1" })
@AutoConfigureTestRestTemplate
class ComputeAloneTests {

	private static final String VOLUME = "7d2b6e9e-1c55-4c1e-9a3b-2f9f0c8b6d11";

	@Autowired
	TestRestTemplate http;

	// "networks": "none" and "auto" are microversion 2.37's
	private ComputeApiClient client() {
		return new ComputeApiClient(this.http, "project-alone", "member").at("2.37");
	}

	private String image() {
		return ComputeImages.idOf("cirros-0.6.2-x86_64-disk");
	}

	@Test
	void aServerWithoutNetworksRunsStopsAndIsDeleted() {
		ComputeApiClient client = client();
		String id = client.boot("alone", "1", image(), Map.of("networks", "none"));
		Map<String, Object> server = client.awaitStatus(id, "ACTIVE");
		assertThat(ComputeApiClient.addresses(server)).isEmpty();
		client.post("/v2.1/servers/" + id + "/action", Map.of("os-stop", Map.of()));
		client.awaitStatus(id, "SHUTOFF");
		assertThat(client.delete("/v2.1/servers/" + id).getStatusCode().value()).isEqualTo(204);
		client.awaitGone(id);
	}

	@Test
	void aServerThatNeedsANetworkIsRefusedWhileNoNetworkServiceIsUp() {
		ComputeApiClient client = client();
		for (Map<String, Object> networks : List.<Map<String, Object>>of(Map.of(), Map.of("networks", "auto"),
				Map.of("networks", List.of(Map.of("uuid", VOLUME))))) {
			// no networks at all is 2.1's way to ask for the defaults (2.37 requires the field)
			ResponseEntity<Map<String, Object>> refused = boot(networks.isEmpty() ? client.at("2.1") : client, networks);
			assertThat(refused.getStatusCode().value()).as("networks %s", networks).isEqualTo(409);
			assertThat(refused.getBody()).extractingByKey("conflictingRequest")
				.asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
				.containsEntry("code", 409)
				.extractingByKey("message")
				.asString()
				.startsWith("The network service is not available");
		}
		assertThat(servers(client)).isEmpty();
	}

	@Test
	void aServerThatNeedsAVolumeIsRefusedWhileNoVolumeServiceIsUp() {
		ComputeApiClient client = client();
		ResponseEntity<Map<String, Object>> refused = boot(client, Map.of("networks", "none", "block_device_mapping_v2",
				List.of(Map.of("source_type", "volume", "destination_type", "volume", "uuid", VOLUME, "boot_index", -1))));
		assertThat(refused.getStatusCode().value()).isEqualTo(409);
		assertThat(refused.getBody().toString()).contains("The volume service is not available");
		assertThat(servers(client)).isEmpty();
	}

	@Test
	void attachingAVolumeIsRefusedWhileNoVolumeServiceIsUp() {
		ComputeApiClient client = client();
		String id = client.boot("attach", "1", image(), Map.of("networks", "none"));
		client.awaitStatus(id, "ACTIVE");

		ResponseEntity<Map<String, Object>> refused = client.post("/v2.1/servers/" + id + "/os-volume_attachments",
				Map.of("volumeAttachment", Map.of("volumeId", VOLUME)));

		assertThat(refused.getStatusCode().value()).isEqualTo(409);
		assertThat(refused.getBody().toString()).contains("The volume service is not available");
		assertThat(client.server(id)).containsEntry("status", "ACTIVE");
		client.delete("/v2.1/servers/" + id);
		client.awaitGone(id);
	}

	private ResponseEntity<Map<String, Object>> boot(ComputeApiClient client, Map<String, Object> extra) {
		Map<String, Object> server = new java.util.HashMap<>(Map.of("name", "needs", "flavorRef", "1", "imageRef", image()));
		server.putAll(extra);
		return client.post("/v2.1/servers", Map.of("server", server));
	}

	@SuppressWarnings("unchecked")
	private static List<Object> servers(ComputeApiClient client) {
		return (List<Object>) client.get("/v2.1/servers").getBody().get("servers");
	}

}
