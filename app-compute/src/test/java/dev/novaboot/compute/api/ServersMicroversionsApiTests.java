package dev.novaboot.compute.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.novaboot.compute.driver.FakeComputeDriver;
import dev.novaboot.compute.manager.LocalNetworkAllocator;
import dev.novaboot.compute.manager.LocalVolumeConnector;
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
 * Servers as Nova shows and takes them at 2.1 and at the later microversions this API
 * claims (docs/compute-microversions.md): the fields each adds, who sees them, the
 * request fields each allows, server tags and trigger_crash_dump.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@AutoConfigureTestRestTemplate
class ServersMicroversionsApiTests {

	@Autowired
	TestRestTemplate http;

	@Autowired
	FakeComputeDriver driver;

	@Autowired
	LocalVolumeConnector volumes;

	@Autowired
	LocalNetworkAllocator networks;

	ComputeApiClient dora;

	String image;

	@BeforeEach
	@SuppressWarnings("unchecked")
	void clients() {
		this.dora = new ComputeApiClient(this.http, "project-dora", "member");
		this.image = (String) ((List<Map<String, Object>>) this.dora
			.get("/image/v2/images?name=cirros-0.6.2-x86_64-disk")
			.getBody()
			.get("images")).get(0).get("id");
	}

	@Test
	@SuppressWarnings("unchecked")
	void at21AServerShowsNoneOfTheLaterFieldsAndItsFlavorAsALink() {
		String id = this.dora.boot("plain", "1", this.image, Map.of());
		Map<String, Object> server = this.dora.awaitStatus(id, "ACTIVE");

		assertThat(server).doesNotContainKeys("locked", "description", "tags", "host_status",
				"OS-EXT-SRV-ATTR:host", "OS-EXT-SRV-ATTR:reservation_id");
		assertThat((Map<String, Object>) server.get("flavor")).containsOnlyKeys("id", "links").containsEntry("id", "1");
		Map<String, Object> asAdmin = this.dora.asAdmin().server(id);
		assertThat(asAdmin).containsEntry("OS-EXT-SRV-ATTR:host", "test-host")
			.doesNotContainKeys("OS-EXT-SRV-ATTR:reservation_id", "OS-EXT-SRV-ATTR:hostname", "host_status");
		deleteAndWait(id);
	}

	@Test
	@SuppressWarnings("unchecked")
	void at253AServerShowsItsDescriptionTagsLockTheFlavorItWasBootedWithAndToAdminsItsHost() {
		ComputeApiClient dora = this.dora.at("2.53");
		String id = dora.boot("My_Web.Server 1", "1", this.image,
				Map.of("networks", "none", "description", "the shop's front end", "tags", List.of("web", "prod")));
		Map<String, Object> server = dora.awaitStatus(id, "ACTIVE");

		assertThat(server).containsEntry("locked", false)
			.containsEntry("description", "the shop's front end")
			.containsEntry("tags", List.of("prod", "web"))
			.doesNotContainKeys("host_status", "OS-EXT-SRV-ATTR:host");
		assertThat((Map<String, Object>) server.get("flavor")).containsEntry("original_name", "m1.tiny")
			.containsEntry("vcpus", 1)
			.containsEntry("ram", 512)
			.containsEntry("disk", 1)
			.containsEntry("ephemeral", 0)
			.containsEntry("swap", 0)
			.containsEntry("extra_specs", Map.of())
			.doesNotContainKey("id");

		Map<String, Object> asAdmin = dora.asAdmin().server(id);
		assertThat(asAdmin).containsEntry("host_status", "UP")
			.containsEntry("OS-EXT-SRV-ATTR:hostname", "my-web-server-1")
			.containsEntry("OS-EXT-SRV-ATTR:launch_index", 0)
			.containsEntry("OS-EXT-SRV-ATTR:root_device_name", "/dev/vda")
			.containsEntry("OS-EXT-SRV-ATTR:kernel_id", "")
			.containsEntry("OS-EXT-SRV-ATTR:user_data", null);
		assertThat((String) asAdmin.get("OS-EXT-SRV-ATTR:reservation_id")).matches("r-[a-z0-9]{8}");

		// the list's detail shows the same
		List<Map<String, Object>> details = (List<Map<String, Object>>) dora.get("/v2.1/servers/detail")
			.getBody()
			.get("servers");
		assertThat(details).filteredOn((detail) -> id.equals(detail.get("id")))
			.singleElement()
			.satisfies((detail) -> assertThat(detail).containsEntry("tags", List.of("prod", "web"))
				.containsEntry("description", "the shop's front end"));
		deleteAndWait(id);
	}

	@Test
	void createFieldsOfLaterVersionsAreRefusedBeforeThemAndCheckedFromThem() {
		assertRefused(this.dora, Map.of("description", "x"), "'description' was unexpected");
		assertRefused(this.dora.at("2.18"), Map.of("description", "x"), "'description' was unexpected");
		assertRefused(this.dora.at("2.19"), Map.of("description", "d".repeat(256)), "description");
		assertRefused(this.dora.at("2.19"), Map.of("description", "bell\u0007"), "description");
		assertRefused(this.dora.at("2.19"), Map.of("description", 42), "description");
		assertRefused(this.dora.at("2.51"), Map.of("networks", "none", "tags", List.of("a")), "'tags' was unexpected");
		assertRefused(this.dora.at("2.52"), Map.of("networks", "none", "tags", List.of("a/b")), "tags");
		assertRefused(this.dora.at("2.52"), Map.of("networks", "none", "tags", List.of("")), "tags");
		List<String> tooMany = new ArrayList<>();
		for (int i = 0; i <= 50; i++) {
			tooMany.add("t" + i);
		}
		assertRefused(this.dora.at("2.52"), Map.of("networks", "none", "tags", tooMany), "tags");
		// "auto" and "none" are 2.37's; from 2.37 networks must be given
		assertRefused(this.dora, Map.of("networks", "none"), "networks");
		assertRefused(this.dora.at("2.36"), Map.of("networks", "auto"), "networks");
		assertRefused(this.dora.at("2.37"), Map.of(), "'networks' is a required property");
		// device tags: networks 2.32 to 2.36 and from 2.42, block devices 2.32 and from 2.42
		Map<String, Object> taggedNetwork = Map.of("networks",
				List.of(Map.of("uuid", this.networks.networkId(), "tag", "nic1")));
		assertRefused(this.dora.at("2.31"), taggedNetwork, "'tag' was unexpected");
		assertRefused(this.dora.at("2.37"), taggedNetwork, "'tag' was unexpected");
		assertRefused(this.dora.at("2.42"), Map.of("networks", List.of(Map.of("uuid", this.networks.networkId(),
				"tag", "no/slash"))), "tag");
		assertRefused(this.dora.at("2.33"), Map.of("block_device_mapping_v2", List.of(Map.of("uuid",
				"4f5e2a0c-1b7d-4d8e-9a6f-0c1d2e3f4a5b", "source_type", "volume", "destination_type", "volume", "tag",
				"disk1"))), "'tag' was unexpected");

		String tagged = this.dora.at("2.42").boot("tagged", "1", this.image, taggedNetwork);
		assertThat(ComputeApiClient.addresses(this.dora.awaitStatus(tagged, "ACTIVE"))).hasSize(1);
		deleteAndWait(tagged);
	}

	@Test
	@SuppressWarnings("unchecked")
	void anUnknownStatusFilterIsEmptyBefore238AndRefusedFrom238() {
		assertThat((List<Object>) this.dora.get("/v2.1/servers?status=SLEEPING").getBody().get("servers")).isEmpty();
		ResponseEntity<Map<String, Object>> refused = this.dora.at("2.38").get("/v2.1/servers/detail?status=SLEEPING");
		assertThat(refused.getStatusCode().value()).isEqualTo(400);
		assertThat((Map<String, Object>) refused.getBody().get("badRequest")).containsEntry("message",
				"Invalid status value");
		// a status Nova knows, which no server here can have, is an empty list
		assertThat(this.dora.at("2.38").get("/v2.1/servers?status=paused").getStatusCode().value()).isEqualTo(200);
	}

	@Test
	@SuppressWarnings("unchecked")
	void serverTagsAreAddedCheckedReplacedAndRemovedFrom226() {
		ComputeApiClient dora = this.dora.at("2.37");
		String id = dora.boot("tagged", "1", this.image, Map.of("networks", "none"));
		dora.awaitStatus(id, "ACTIVE");
		String tags = "/v2.1/servers/" + id + "/tags";
		assertThat(this.dora.at("2.25").get(tags).getStatusCode().value()).isEqualTo(404);

		ComputeApiClient at226 = this.dora.at("2.26");
		ResponseEntity<Map<String, Object>> added = at226.put(tags + "/blue", null);
		assertThat(added.getStatusCode().value()).isEqualTo(201);
		assertThat(added.getHeaders().getLocation().toString()).endsWith(tags + "/blue");
		assertThat(at226.put(tags + "/blue", null).getStatusCode().value()).isEqualTo(204);
		assertThat(at226.get(tags + "/blue").getStatusCode().value()).isEqualTo(204);
		ResponseEntity<Map<String, Object>> missing = at226.get(tags + "/green");
		assertThat(missing.getStatusCode().value()).isEqualTo(404);
		assertThat((Map<String, Object>) missing.getBody().get("itemNotFound")).containsEntry("message",
				"Server " + id + " has no tag 'green'");
		assertThat(at226.get(tags).getBody()).containsEntry("tags", List.of("blue"));

		ResponseEntity<Map<String, Object>> replaced = at226.put(tags, Map.of("tags", List.of("red", "green")));
		assertThat(replaced.getStatusCode().value()).isEqualTo(200);
		assertThat(replaced.getBody()).containsEntry("tags", List.of("green", "red"));
		assertThat((Map<String, Object>) at226.server(id)).containsEntry("tags", List.of("green", "red"));

		assertThat(at226.put(tags + "/a,b", null).getStatusCode().value()).isEqualTo(400);
		assertThat(at226.put(tags, Map.of("tags", List.of("ok"), "colour", "x")).getStatusCode().value()).isEqualTo(400);
		assertThat(at226.put(tags, Map.of("labels", List.of("ok"))).getStatusCode().value()).isEqualTo(400);
		List<String> fifty = new ArrayList<>();
		for (int i = 0; i < 50; i++) {
			fifty.add("t" + i);
		}
		assertThat(at226.put(tags, Map.of("tags", fifty)).getStatusCode().value()).isEqualTo(200);
		ResponseEntity<Map<String, Object>> fiftyFirst = at226.put(tags + "/one-more", null);
		assertThat(fiftyFirst.getStatusCode().value()).isEqualTo(400);
		assertThat((Map<String, Object>) fiftyFirst.getBody().get("badRequest")).containsEntry("message",
				"The number of tags exceeded the per-server limit 50");

		// another project's server is not found, and its tags stay
		ComputeApiClient other = new ComputeApiClient(this.http, "project-other", "member").at("2.26");
		assertThat(other.get(tags).getStatusCode().value()).isEqualTo(404);
		assertThat(other.delete(tags).getStatusCode().value()).isEqualTo(404);

		assertThat(at226.delete(tags + "/t0").getStatusCode().value()).isEqualTo(204);
		ResponseEntity<Map<String, Object>> gone = at226.delete(tags + "/t0");
		assertThat(gone.getStatusCode().value()).isEqualTo(404);
		assertThat((Map<String, Object>) gone.getBody().get("itemNotFound")).containsEntry("message",
				"Instance " + id + " has no tag 't0'");
		assertThat(at226.delete(tags).getStatusCode().value()).isEqualTo(204);
		assertThat(at226.get(tags).getBody()).containsEntry("tags", List.of());
		deleteAndWait(id);
	}

	@Test
	@SuppressWarnings("unchecked")
	void serverListsFilterByTagsFrom226() {
		ComputeApiClient lister = new ComputeApiClient(this.http, "project-tag-filters", "member").at("2.52");
		String both = lister.boot("both", "1", this.image, Map.of("networks", "none", "tags", List.of("a", "b")));
		String onlyB = lister.boot("only-b", "1", this.image, Map.of("networks", "none", "tags", List.of("b")));
		String none = lister.boot("none", "1", this.image, Map.of("networks", "none"));

		assertThat(ids(lister.get("/v2.1/servers?tags=a,b"))).containsExactly(both);
		assertThat(ids(lister.get("/v2.1/servers?tags-any=a,b"))).containsExactlyInAnyOrder(both, onlyB);
		assertThat(ids(lister.get("/v2.1/servers?not-tags=a,b"))).containsExactlyInAnyOrder(onlyB, none);
		assertThat(ids(lister.get("/v2.1/servers/detail?not-tags-any=a"))).containsExactlyInAnyOrder(onlyB, none);
		assertThat(ids(lister.get("/v2.1/servers?tags=b&not-tags-any=a"))).containsExactly(onlyB);
		// before 2.26 the tag filters are no filters
		assertThat(ids(lister.at("2.25").get("/v2.1/servers?tags=a"))).hasSize(3);
		for (String id : List.of(both, onlyB, none)) {
			lister.awaitStatus(id, "ACTIVE");
			lister.delete("/v2.1/servers/" + id);
			lister.awaitGone(id);
		}
	}

	@Test
	@SuppressWarnings("unchecked")
	void triggerCrashDumpFrom217InterruptsARunningGuestOnly() {
		String id = this.dora.boot("crashy", "1", this.image, Map.of());
		this.dora.awaitStatus(id, "ACTIVE");
		String action = "/v2.1/servers/" + id + "/action";
		Map<String, Object> crash = new java.util.HashMap<>();
		crash.put("trigger_crash_dump", null);

		assertThat(this.dora.at("2.16").post(action, crash).getStatusCode().value()).isEqualTo(400);
		assertThat(this.dora.at("2.17").post(action, Map.of("trigger_crash_dump", Map.of())).getStatusCode().value())
			.isEqualTo(400);
		assertThat(this.dora.at("2.17").post(action, crash).getStatusCode().value()).isEqualTo(202);
		org.awaitility.Awaitility.await()
			.atMost(java.time.Duration.ofSeconds(10))
			.until(() -> this.driver.getConsoleOutput(id, null).contains("NMI"));
		assertThat(this.dora.server(id)).containsEntry("status", "ACTIVE").containsEntry("OS-EXT-STS:task_state", null);

		this.dora.post(action, Map.of("os-stop", Map.of()));
		this.dora.awaitStatus(id, "SHUTOFF");
		ResponseEntity<Map<String, Object>> stopped = this.dora.at("2.17").post(action, crash);
		assertThat(stopped.getStatusCode().value()).isEqualTo(409);
		assertThat((Map<String, Object>) stopped.getBody().get("conflictingRequest")).containsEntry("message",
				"Cannot 'trigger_crash_dump' instance " + id + " while it is in vm_state stopped");
		deleteAndWait(id);
	}

	@Test
	void aVolumeAttachmentTagIsRefusedBefore249() {
		String id = this.dora.at("2.37").boot("attach-tag", "1", this.image, Map.of("networks", "none"));
		this.dora.awaitStatus(id, "ACTIVE");
		ResponseEntity<Map<String, Object>> refused = this.dora.at("2.48")
			.post("/v2.1/servers/" + id + "/os-volume_attachments",
					Map.of("volumeAttachment", Map.of("volumeId", "4f5e2a0c-1b7d-4d8e-9a6f-0c1d2e3f4a5b", "tag", "d")));
		assertThat(refused.getStatusCode().value()).isEqualTo(400);
		assertThat(refused.getBody().toString()).contains("'tag' was unexpected");
		ResponseEntity<Map<String, Object>> badTag = this.dora.at("2.49")
			.post("/v2.1/servers/" + id + "/os-volume_attachments",
					Map.of("volumeAttachment", Map.of("volumeId", "4f5e2a0c-1b7d-4d8e-9a6f-0c1d2e3f4a5b", "tag", "a/b")));
		assertThat(badTag.getStatusCode().value()).isEqualTo(400);
		deleteAndWait(id);
	}

	private void assertRefused(ComputeApiClient client, Map<String, Object> extra, String message) {
		Map<String, Object> server = new java.util.HashMap<>(Map.of("name", "refused", "flavorRef", "1", "imageRef",
				this.image));
		server.putAll(extra);
		ResponseEntity<Map<String, Object>> response = client.post("/v2.1/servers", Map.of("server", server));
		assertThat(response.getStatusCode().value()).as("%s: %s", extra, response.getBody()).isEqualTo(400);
		assertThat(response.getBody().toString()).as("%s", extra).contains(message);
	}

	private void deleteAndWait(String id) {
		assertThat(this.dora.delete("/v2.1/servers/" + id).getStatusCode().value()).isEqualTo(204);
		this.dora.awaitGone(id);
	}

	@SuppressWarnings("unchecked")
	private static List<String> ids(ResponseEntity<Map<String, Object>> response) {
		assertThat(response.getStatusCode().value()).as("%s", response.getBody()).isEqualTo(200);
		return ((List<Map<String, Object>>) response.getBody().get("servers")).stream()
			.map((server) -> (String) server.get("id"))
			.toList();
	}

}
