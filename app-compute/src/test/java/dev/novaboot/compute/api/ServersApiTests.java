package dev.novaboot.compute.api;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.novaboot.compute.driver.FakeComputeDriver;
import dev.novaboot.compute.manager.LocalNetworkAllocator;
import dev.novaboot.compute.manager.LocalVolumeConnector;
import dev.novaboot.compute.store.InstanceRepository;
import dev.novaboot.service.api.OpenStackFaults;
import dev.novaboot.service.image.ImageStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureTestRestTemplate;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Compute API with the fake driver, through HTTP as a client uses it: boot to ACTIVE
 * with an address from the in-process network allocator, the actions, console output,
 * volume attach and detach, delete, and what bad requests get.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@AutoConfigureTestRestTemplate
class ServersApiTests {

	@Autowired
	TestRestTemplate http;

	@Autowired
	FakeComputeDriver driver;

	@Autowired
	LocalVolumeConnector volumes;

	@Autowired
	LocalNetworkAllocator networks;

	@Autowired
	InstanceRepository instances;

	@Autowired
	ImageStore imageStore;

	ComputeApiClient alice;

	ComputeApiClient bob;

	String image;

	@BeforeEach
	@SuppressWarnings("unchecked")
	void clients() {
		this.alice = new ComputeApiClient(this.http, "project-alice", "member");
		this.bob = new ComputeApiClient(this.http, "project-bob", "member");
		List<Map<String, Object>> images = (List<Map<String, Object>>) this.alice
			.get("/image/v2/images?name=cirros-0.6.2-x86_64-disk")
			.getBody()
			.get("images");
		assertThat(images).hasSize(1);
		this.image = (String) images.get(0).get("id");
	}

	@Test
	void bootsToActiveWithAnAddressOfItsOwnAndDeletes() {
		String first = this.alice.boot("web-1", "1", this.image, Map.of());
		String second = this.alice.at("2.37").boot("web-2", "1", this.image, Map.of("networks", "auto"));
		// the host is an admin's to see (Nova's policy for OS-EXT-SRV-ATTR)
		Map<String, Object> one = this.alice.asAdmin().awaitStatus(first, "ACTIVE");
		Map<String, Object> two = this.alice.awaitStatus(second, "ACTIVE");

		assertThat(one).containsEntry("OS-EXT-STS:vm_state", "active")
			.containsEntry("OS-EXT-STS:power_state", 1)
			.containsEntry("OS-EXT-SRV-ATTR:host", "test-host")
			.containsEntry("tenant_id", "project-alice")
			.containsEntry("user_id", "user-of-project-alice")
			.containsEntry("name", "web-1")
			.doesNotContainKey("fault");
		assertThat((Map<String, Object>) one.get("flavor")).containsEntry("id", "1");
		assertThat(ComputeApiClient.addresses(one)).hasSize(1).first().asString().startsWith("10.0.0.");
		assertThat(ComputeApiClient.addresses(two)).hasSize(1).doesNotContainAnyElementsOf(ComputeApiClient.addresses(one));
		assertThat(this.driver.getInfo(first).code()).isEqualTo(1);

		assertThat(this.alice.delete("/v2.1/servers/" + first).getStatusCode().value()).isEqualTo(204);
		this.alice.awaitGone(first);
		assertThat(this.driver.listInstances()).doesNotContain(first).contains(second);
		assertThat(serverIds(this.alice.get("/v2.1/servers"))).contains(second).doesNotContain(first);

		// the freed address goes to the next server that needs one
		String third = this.alice.boot("web-3", "1", this.image, Map.of());
		assertThat(ComputeApiClient.addresses(this.alice.awaitStatus(third, "ACTIVE")))
			.isEqualTo(ComputeApiClient.addresses(one));
		deleteAndWait(second);
		deleteAndWait(third);
	}

	@Test
	@SuppressWarnings("unchecked")
	void aServerBootsFromAnImageTheStoreGainedAsAVolumeUploadAddsOne() throws IOException {
		String name = "uploaded-" + UUID.randomUUID();
		Path file = Files.createDirectories(this.imageStore.directory()).resolve(name);
		Files.writeString(file, "a volume's disk");
		try {
			List<Map<String, Object>> images = (List<Map<String, Object>>) this.alice
				.get("/image/v2/images?name=" + name)
				.getBody()
				.get("images");
			assertThat(images).singleElement().satisfies((image) -> assertThat(image)
				.containsEntry("id", ImageStore.idOf(name))
				.containsEntry("disk_format", "raw"));

			String id = this.alice.boot("from-upload", "1", ImageStore.idOf(name), Map.of());
			assertThat(this.alice.awaitStatus(id, "ACTIVE")).containsEntry("status", "ACTIVE");
			deleteAndWait(id);
		}
		finally {
			Files.deleteIfExists(file);
		}
	}

	@Test
	void rebootStopStartAndConsoleOutput() {
		String id = this.alice.boot("app", "1", this.image, Map.of());
		this.alice.awaitStatus(id, "ACTIVE");

		assertThat(action(id, Map.of("reboot", Map.of("type", "SOFT"))).getStatusCode().value()).isEqualTo(202);
		this.alice.awaitStatus(id, "ACTIVE");
		assertThat(action(id, Map.of("os-stop", Map.of())).getStatusCode().value()).isEqualTo(202);
		Map<String, Object> stopped = this.alice.awaitStatus(id, "SHUTOFF");
		assertThat(stopped).containsEntry("OS-EXT-STS:vm_state", "stopped").containsEntry("OS-EXT-STS:power_state", 4);

		ResponseEntity<Map<String, Object>> again = action(id, Map.of("os-stop", Map.of()));
		assertThat(again.getStatusCode().value()).isEqualTo(409);
		assertThat(fault(again, "conflictingRequest"))
			.isEqualTo("Cannot 'stop' instance " + id + " while it is in vm_state stopped");
		ResponseEntity<Map<String, Object>> softReboot = action(id, Map.of("reboot", Map.of("type", "SOFT")));
		assertThat(softReboot.getStatusCode().value()).isEqualTo(409);
		assertThat(this.alice.server(id)).containsEntry("status", "SHUTOFF");

		assertThat(action(id, Map.of("os-start", Map.of())).getStatusCode().value()).isEqualTo(202);
		assertThat(this.alice.awaitStatus(id, "ACTIVE")).containsEntry("OS-EXT-STS:power_state", 1);

		ResponseEntity<Map<String, Object>> console = action(id, Map.of("os-getConsoleOutput", Map.of("length", 2)));
		assertThat(console.getStatusCode().value()).isEqualTo(200);
		assertThat((String) console.getBody().get("output")).isEqualTo("powered off\npowered on\n");
		deleteAndWait(id);
	}

	@Test
	@SuppressWarnings("unchecked")
	void attachesAndDetachesAVolume() throws IOException {
		String volume = UUID.randomUUID().toString();
		Path file = Path.of("target/test-volumes/volume-" + volume);
		Files.createDirectories(file.getParent());
		Files.write(file, new byte[1024 * 1024]);
		String id = this.alice.boot("db", "1", this.image, Map.of());
		this.alice.awaitStatus(id, "ACTIVE");

		ResponseEntity<Map<String, Object>> attached = this.alice.post("/v2.1/servers/" + id + "/os-volume_attachments",
				Map.of("volumeAttachment", Map.of("volumeId", volume)));
		assertThat(attached.getStatusCode().value()).isEqualTo(200);
		assertThat((Map<String, Object>) attached.getBody().get("volumeAttachment")).containsEntry("volumeId", volume)
			.containsEntry("serverId", id)
			.containsEntry("device", "/dev/vdb");
		assertThat(this.driver.attachedVolumes(id)).containsExactly(volume);
		assertThat(this.volumes.attachedTo(volume)).isEqualTo(id);
		assertThat((List<Map<String, Object>>) this.alice.server(id).get("os-extended-volumes:volumes_attached"))
			.containsExactly(Map.of("id", volume));
		assertThat((List<Object>) this.alice.get("/v2.1/servers/" + id + "/os-volume_attachments")
			.getBody()
			.get("volumeAttachments")).hasSize(1);

		// a volume in use cannot go to a second server
		String other = this.alice.boot("db-2", "1", this.image, Map.of());
		this.alice.awaitStatus(other, "ACTIVE");
		ResponseEntity<Map<String, Object>> inUse = this.alice.post("/v2.1/servers/" + other + "/os-volume_attachments",
				Map.of("volumeAttachment", Map.of("volumeId", volume)));
		assertThat(inUse.getStatusCode().value()).isEqualTo(400);
		ResponseEntity<Map<String, Object>> missing = this.alice.post("/v2.1/servers/" + other + "/os-volume_attachments",
				Map.of("volumeAttachment", Map.of("volumeId", UUID.randomUUID().toString())));
		assertThat(missing.getStatusCode().value()).isEqualTo(404);

		assertThat(this.alice.delete("/v2.1/servers/" + id + "/os-volume_attachments/" + volume).getStatusCode().value())
			.isEqualTo(202);
		assertThat(this.driver.attachedVolumes(id)).isEmpty();
		assertThat(this.volumes.attachedTo(volume)).isNull();
		assertThat(this.alice.delete("/v2.1/servers/" + id + "/os-volume_attachments/" + volume).getStatusCode().value())
			.isEqualTo(404);
		deleteAndWait(id);
		deleteAndWait(other);
	}

	@Test
	void bootWithAVolumeAndDeleteReleasesIt() throws IOException {
		String volume = UUID.randomUUID().toString();
		Path file = Path.of("target/test-volumes/volume-" + volume);
		Files.createDirectories(file.getParent());
		Files.write(file, new byte[1024]);
		String id = this.alice.boot("with-volume", "1", this.image, Map.of("block_device_mapping_v2", List.of(Map.of(
				"uuid", volume, "source_type", "volume", "destination_type", "volume", "boot_index", -1))));
		this.alice.awaitStatus(id, "ACTIVE");
		assertThat(this.driver.attachedVolumes(id)).containsExactly(volume);
		assertThat(this.volumes.attachedTo(volume)).isEqualTo(id);
		deleteAndWait(id);
		assertThat(this.volumes.attachedTo(volume)).isNull();
	}

	@Test
	void aBuildThatFailsEndsInErrorWithItsFault() {
		// the network service refuses the address only when the host asks for it
		String id = this.alice.boot("outside", "1", this.image,
				Map.of("networks", List.of(Map.of("uuid", this.networks.networkId(), "fixed_ip", "192.0.2.9"))));
		Map<String, Object> server = this.alice.awaitStatus(id, "ERROR");
		assertThat((Map<String, Object>) server.get("fault")).containsEntry("code", 500)
			.extractingByKey("message")
			.asString()
			.contains("192.0.2.9");
		assertThat(this.driver.listInstances()).doesNotContain(id);
		deleteAndWait(id);
	}

	@Test
	void aBootWithAVolumeThatIsMissingOrInUseIsRefusedAtTheApi() throws IOException {
		long before = this.instances.count();
		String missing = UUID.randomUUID().toString();
		ResponseEntity<Map<String, Object>> refused = this.alice.post("/v2.1/servers", Map.of("server", Map.of("name",
				"no-such-volume", "flavorRef", "1", "imageRef", this.image, "block_device_mapping_v2", List.of(Map.of(
						"uuid", missing, "source_type", "volume", "destination_type", "volume")))));
		assertThat(refused.getStatusCode().value()).isEqualTo(400);
		assertThat(fault(refused, "badRequest")).isEqualTo("Volume " + missing + " could not be found.");

		String volume = UUID.randomUUID().toString();
		Path file = Path.of("target/test-volumes/volume-" + volume);
		Files.createDirectories(file.getParent());
		Files.write(file, new byte[1024]);
		Map<String, Object> withVolume = Map.of("block_device_mapping_v2",
				List.of(Map.of("uuid", volume, "source_type", "volume", "destination_type", "volume")));
		String holder = this.alice.boot("holder", "1", this.image, withVolume);
		this.alice.awaitStatus(holder, "ACTIVE");
		long held = this.instances.count();
		ResponseEntity<Map<String, Object>> inUse = this.alice.post("/v2.1/servers", Map.of("server", Map.of("name",
				"second", "flavorRef", "1", "imageRef", this.image, "block_device_mapping_v2",
				withVolume.get("block_device_mapping_v2"))));
		assertThat(inUse.getStatusCode().value()).isEqualTo(400);
		assertThat(fault(inUse, "badRequest"))
			.isEqualTo("Invalid volume: volume '" + volume + "' status must be 'available'. Currently in 'in-use'");
		assertThat(this.instances.count()).isEqualTo(held).isEqualTo(before + 1);
		deleteAndWait(holder);
	}

	@Test
	void noHostWithRoomMeansErrorNoValidHost() {
		// m1.xlarge wants 160 GB of disk; the fake host of the tests has 100
		String id = this.alice.boot("too-big", "5", this.image, Map.of());
		Map<String, Object> server = this.alice.asAdmin().awaitStatus(id, "ERROR");
		assertThat(server).containsEntry("OS-EXT-SRV-ATTR:host", null);
		assertThat((Map<String, Object>) server.get("fault")).containsEntry("message",
				"No valid host was found. There are not enough hosts available.");
		// it never had a host: deleting it needs none
		deleteAndWait(id);
	}

	@Test
	void anotherProjectsServerIsNotFound() {
		String id = this.alice.boot("private", "1", this.image, Map.of());
		this.alice.awaitStatus(id, "ACTIVE");
		assertThat(this.bob.get("/v2.1/servers/" + id).getStatusCode().value()).isEqualTo(404);
		assertThat(this.bob.delete("/v2.1/servers/" + id).getStatusCode().value()).isEqualTo(404);
		assertThat(this.bob.post("/v2.1/servers/" + id + "/action", Map.of("os-stop", Map.of())).getStatusCode().value())
			.isEqualTo(404);
		assertThat(serverIds(this.bob.get("/v2.1/servers/detail"))).doesNotContain(id);
		assertThat(this.alice.server(id)).containsEntry("status", "ACTIVE");
		deleteAndWait(id);
	}

	@Test
	void badRequestsAreClientErrorsInNovasShape() {
		ResponseEntity<Map<String, Object>> noFlavor = this.alice.post("/v2.1/servers",
				Map.of("server", Map.of("name", "x", "imageRef", this.image)));
		assertThat(noFlavor.getStatusCode().value()).isEqualTo(400);
		assertThat(fault(noFlavor, "badRequest")).isEqualTo("Missing flavorRef attribute.");

		ResponseEntity<Map<String, Object>> badFlavor = this.alice.post("/v2.1/servers",
				Map.of("server", Map.of("name", "x", "flavorRef", "42", "imageRef", this.image)));
		assertThat(fault(badFlavor, "badRequest")).isEqualTo("Flavor 42 could not be found.");

		ResponseEntity<Map<String, Object>> badImage = this.alice.post("/v2.1/servers",
				Map.of("server", Map.of("name", "x", "flavorRef", "1", "imageRef", "no-such-image")));
		assertThat(fault(badImage, "badRequest")).isEqualTo(
				"Invalid input for field/attribute imageRef. Value: no-such-image. 'no-such-image' is not a 'uuid'");
		String noImage = UUID.randomUUID().toString();
		ResponseEntity<Map<String, Object>> unknownImage = this.alice.post("/v2.1/servers",
				Map.of("server", Map.of("name", "x", "flavorRef", "1", "imageRef", noImage)));
		assertThat(fault(unknownImage, "badRequest")).isEqualTo("Image " + noImage + " could not be found.");

		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.APPLICATION_JSON);
		ResponseEntity<Map<String, Object>> badJson = this.http.exchange("/v2.1/servers", HttpMethod.POST,
				new HttpEntity<>("{\"server\": ", headers), ComputeApiClient.JSON);
		assertThat(badJson.getStatusCode().value()).isEqualTo(400);
		assertThat(badJson.getBody()).containsKey("badRequest");

		String unknown = UUID.randomUUID().toString();
		ResponseEntity<Map<String, Object>> notFound = this.alice.get("/v2.1/servers/" + unknown);
		assertThat(notFound.getStatusCode().value()).isEqualTo(404);
		assertThat(fault(notFound, "itemNotFound")).isEqualTo("Instance " + unknown + " could not be found.");

		String id = this.alice.boot("target", "1", this.image, Map.of());
		this.alice.awaitStatus(id, "ACTIVE");
		ResponseEntity<Map<String, Object>> noSuchAction = action(id, Map.of("os-fly", Map.of()));
		assertThat(noSuchAction.getStatusCode().value()).isEqualTo(400);
		assertThat(fault(noSuchAction, "badRequest")).isEqualTo("There is no such action: os-fly");
		assertThat(action(id, Map.of("reboot", Map.of("type", "GENTLE"))).getStatusCode().value()).isEqualTo(400);
		assertThat(action(id, Map.of("reboot", Map.of())).getStatusCode().value()).isEqualTo(400);
		assertThat(this.alice.post("/v2.1/servers/" + id + "/os-volume_attachments", Map.of("volumeAttachment", Map.of()))
			.getStatusCode()
			.value()).isEqualTo(400);
		assertThat(this.alice.server(id)).containsEntry("status", "ACTIVE");
		deleteAndWait(id);
	}

	@Test
	@SuppressWarnings("unchecked")
	void flavorsHypervisorsImagesAndVersions() {
		List<Map<String, Object>> flavors = (List<Map<String, Object>>) this.alice.get("/v2.1/flavors/detail")
			.getBody()
			.get("flavors");
		assertThat(flavors).extracting((flavor) -> flavor.get("name"))
			.containsExactly("m1.tiny", "m1.small", "m1.medium", "m1.large", "m1.xlarge");
		assertThat((Map<String, Object>) this.alice.get("/v2.1/flavors/2").getBody().get("flavor"))
			.containsEntry("ram", 2048)
			.containsEntry("vcpus", 1)
			.containsEntry("disk", 20);
		assertThat(this.alice.get("/v2.1/flavors/99").getStatusCode().value()).isEqualTo(404);

		List<Map<String, Object>> hypervisors = (List<Map<String, Object>>) this.alice.asAdmin()
			.at("2.53")
			.get("/v2.1/os-hypervisors/detail")
			.getBody()
			.get("hypervisors");
		assertThat(hypervisors).anySatisfy((hypervisor) -> assertThat(hypervisor)
			.containsEntry("hypervisor_hostname", "test-host")
			.containsEntry("hypervisor_type", "fake")
			.containsEntry("vcpus", 8)
			.containsEntry("memory_mb", 16384)
			.containsEntry("state", "up")
			.containsEntry("status", "enabled"));
		String hypervisorId = (String) hypervisors.stream()
			.filter((hypervisor) -> "test-host".equals(hypervisor.get("hypervisor_hostname")))
			.findFirst()
			.orElseThrow()
			.get("id");
		assertThat(this.alice.asAdmin().at("2.53").get("/v2.1/os-hypervisors/" + hypervisorId).getStatusCode().value())
			.isEqualTo(200);

		assertThat(this.alice.get("/image/v2/images/" + this.image).getBody()).containsEntry("name",
				"cirros-0.6.2-x86_64-disk");
		assertThat((List<Object>) this.alice.get("/image/v2/images?name=nothing").getBody().get("images")).isEmpty();
		assertThat(this.alice.get("/image").getBody()).containsKey("versions");
		assertThat((Map<String, Object>) this.alice.get("/v2.1").getBody().get("version")).containsEntry("id", "v2.1");
		assertThat(this.alice.get("/").getBody()).containsKey("versions");
	}

	@Test
	@SuppressWarnings("unchecked")
	void networksNoneGivesNoPortsAutoTheOneNetworkAndAListWhatItNames() {
		// the project has a network (the in-process allocator's one): "none" still gives nothing
		String none = this.alice.at("2.37").boot("none", "1", this.image, Map.of("networks", "none"));
		assertThat(ComputeApiClient.addresses(this.alice.awaitStatus(none, "ACTIVE"))).isEmpty();

		String auto = this.alice.at("2.37").boot("auto", "1", this.image, Map.of("networks", "auto"));
		assertThat(ComputeApiClient.addresses(this.alice.awaitStatus(auto, "ACTIVE"))).singleElement()
			.asString()
			.startsWith("10.0.0.");

		String explicit = this.alice.boot("explicit", "1", this.image,
				Map.of("networks", List.of(Map.of("uuid", this.networks.networkId(), "fixed_ip", "10.0.0.200"))));
		assertThat(ComputeApiClient.addresses(this.alice.awaitStatus(explicit, "ACTIVE"))).containsExactly("10.0.0.200");

		// Nova's validate_networks: a network the project cannot use is refused before a server exists
		String unknown = UUID.randomUUID().toString();
		long before = this.instances.count();
		ResponseEntity<Map<String, Object>> refused = this.alice.post("/v2.1/servers", Map.of("server", Map.of("name",
				"unknown", "flavorRef", "1", "imageRef", this.image, "networks", List.of(Map.of("uuid", unknown)))));
		assertThat(refused.getStatusCode().value()).isEqualTo(400);
		assertThat(ServerFieldsApiTests.fault(refused, "badRequest")).isEqualTo("Network " + unknown + " could not be found.");
		// an address another server holds, the same
		ResponseEntity<Map<String, Object>> taken = this.alice.post("/v2.1/servers", Map.of("server", Map.of("name",
				"taken", "flavorRef", "1", "imageRef", this.image, "networks",
				List.of(Map.of("uuid", this.networks.networkId(), "fixed_ip", "10.0.0.200")))));
		assertThat(taken.getStatusCode().value()).isEqualTo(400);
		assertThat(ServerFieldsApiTests.fault(taken, "badRequest"))
			.isEqualTo("Fixed IP address 10.0.0.200 is already in use on instance " + explicit + ".");
		assertThat(this.instances.count()).isEqualTo(before);
		for (String id : List.of(none, auto, explicit)) {
			deleteAndWait(id);
		}
	}

	@Test
	void everyStoredStringAndIdOfABootIsCheckedNamingTheFieldAndNothingIsStored() {
		long before = this.instances.count();
		String tooLong = "n".repeat(256);
		Map<String, Map<String, Object>> refused = new java.util.LinkedHashMap<>();
		refused.put("name", Map.of("name", tooLong));
		refused.put("name ", Map.of("name", 42));
		refused.put("name  ", Map.of("name", ""));
		refused.put("'name' value", Map.of("name", " leading space"));
		refused.put("flavorRef", Map.of("flavorRef", "f".repeat(256)));
		refused.put("imageRef", Map.of("imageRef", "cirros"));
		refused.put("networks", Map.of("networks", "everything"));
		Map<String, Object> nullNetworks = new java.util.HashMap<>();
		nullNetworks.put("networks", null);
		refused.put("networks ", nullNetworks);
		refused.put("network uuid", Map.of("networks", List.of(Map.of("uuid", "private"))));
		refused.put("missing 'uuid'", Map.of("networks", List.of(Map.of("fixed_ip", "10.0.0.9"))));
		refused.put("fixed_ip", Map.of("networks", List.of(Map.of("uuid", UUID.randomUUID().toString(), "fixed_ip",
				"10.0.0.9" + "9".repeat(100_000)))));
		refused.put("uuid", Map.of("block_device_mapping_v2", List.of(
				Map.of("uuid", "v".repeat(100_000), "source_type", "volume", "destination_type", "volume"))));
		refused.put("device_name", Map.of("block_device_mapping_v2", List.of(Map.of("uuid", UUID.randomUUID().toString(),
				"source_type", "volume", "destination_type", "volume", "device_name", "/dev/" + "v".repeat(60)))));
		refused.forEach((field, attributes) -> {
			Map<String, Object> server = new java.util.HashMap<>(
					Map.of("name", "refused", "flavorRef", "1", "imageRef", this.image));
			server.putAll(attributes);
			ResponseEntity<Map<String, Object>> response = this.alice.post("/v2.1/servers", Map.of("server", server));
			assertThat(response.getStatusCode().value()).as("%s: %s", field, response.getBody()).isEqualTo(400);
			assertThat(fault(response, "badRequest")).contains(field.strip()).hasSizeLessThan(400);
		});
		assertThat(this.instances.count()).isEqualTo(before);

		String id = this.alice.at("2.37").boot("attach-target", "1", this.image, Map.of("networks", "none"));
		this.alice.awaitStatus(id, "ACTIVE");
		Map<String, Map<String, Object>> attachments = Map.of("volumeId",
				Map.of("volumeId", "vol-" + "1".repeat(1000)), "device", Map.of("volumeId",
						UUID.randomUUID().toString(), "device", "/dev/vd" + "b".repeat(60)),
				"device ", Map.of("volumeId", UUID.randomUUID().toString(), "device", "vdb"));
		attachments.forEach((field, attachment) -> {
			ResponseEntity<Map<String, Object>> response = this.alice
				.post("/v2.1/servers/" + id + "/os-volume_attachments", Map.of("volumeAttachment", attachment));
			assertThat(response.getStatusCode().value()).as("%s: %s", field, response.getBody()).isEqualTo(400);
			assertThat(fault(response, "badRequest")).contains("field/attribute " + field.strip() + ".");
		});
		assertThat(this.driver.attachedVolumes(id)).isEmpty();
		deleteAndWait(id);
	}

	@Test
	void malformedIdsInPathsAreNotFound() {
		String id = this.alice.at("2.37").boot("real", "1", this.image, Map.of("networks", "none"));
		this.alice.awaitStatus(id, "ACTIVE");
		for (ResponseEntity<Map<String, Object>> response : List.of(this.alice.get("/v2.1/servers/web-1"),
				this.alice.delete("/v2.1/servers/web-1"),
				this.alice.post("/v2.1/servers/web-1/action", Map.of("os-stop", Map.of())),
				this.alice.get("/v2.1/servers/" + "x".repeat(2000) + "/os-volume_attachments"),
				this.alice.delete("/v2.1/servers/" + id + "/os-volume_attachments/vol-1"),
				this.alice.get("/image/v2/images/cirros"))) {
			assertThat(response.getStatusCode().value()).as("%s", response.getBody()).isEqualTo(404);
			assertThat(fault(response, "itemNotFound")).isNotBlank().hasSizeLessThan(200);
		}
		assertThat(this.alice.server(id)).containsEntry("status", "ACTIVE");
		deleteAndWait(id);
	}

	@Test
	void listsPageWithLimitAndMarkerAndRefuseBadOnes() {
		ComputeApiClient pager = new ComputeApiClient(this.http, "project-pages", "member");
		List<String> ids = List.of(pager.at("2.37").boot("p1", "1", this.image, Map.of("networks", "none")),
				pager.at("2.37").boot("p2", "1", this.image, Map.of("networks", "none")),
				pager.at("2.37").boot("p3", "1", this.image, Map.of("networks", "none")));
		List<String> all = serverIds(pager.get("/v2.1/servers"));
		assertThat(all).containsExactlyInAnyOrderElementsOf(ids);
		assertThat(serverIds(pager.get("/v2.1/servers?limit=2"))).containsExactly(all.get(0), all.get(1));
		assertThat(serverIds(pager.get("/v2.1/servers/detail?limit=2&marker=" + all.get(1))))
			.containsExactly(all.get(2));

		ResponseEntity<Map<String, Object>> negative = pager.get("/v2.1/servers?limit=-1");
		assertThat(negative.getStatusCode().value()).isEqualTo(400);
		assertThat(fault(negative, "badRequest")).startsWith("Invalid input for query parameters limit. Value: -1.");
		ResponseEntity<Map<String, Object>> notANumber = pager.get("/v2.1/servers/detail?limit=abc");
		assertThat(notANumber.getStatusCode().value()).isEqualTo(400);
		assertThat(fault(notANumber, "badRequest")).contains("limit");
		ResponseEntity<Map<String, Object>> badMarker = pager.get("/v2.1/servers?marker=nope");
		assertThat(badMarker.getStatusCode().value()).isEqualTo(400);
		assertThat(fault(badMarker, "badRequest")).isEqualTo("marker [nope] not found");
		for (String id : ids) {
			pager.awaitStatus(id, "ACTIVE");
			assertThat(pager.delete("/v2.1/servers/" + id).getStatusCode().value()).isEqualTo(204);
			pager.awaitGone(id);
		}
	}

	@Test
	void aValueTheDatabaseStillRefusesIsABadRequestNotAServerError() {
		ResponseEntity<Map<String, OpenStackFaults.Fault>> answer = new ComputeApiFaults()
			.refusedByDatabase(new DataIntegrityViolationException("value too long for type character varying(255)"));
		assertThat(answer.getStatusCode().value()).isEqualTo(400);
		assertThat(answer.getBody().get("badRequest").message()).doesNotContain("varying");
	}

	private ResponseEntity<Map<String, Object>> action(String id, Map<String, Object> body) {
		return this.alice.post("/v2.1/servers/" + id + "/action", body);
	}

	private void deleteAndWait(String id) {
		assertThat(this.alice.delete("/v2.1/servers/" + id).getStatusCode().value()).isEqualTo(204);
		this.alice.awaitGone(id);
	}

	@Test
	void listsFilterByNameAndStatusAndPageWithinTheFilter() {
		ComputeApiClient lister = new ComputeApiClient(this.http, "project-filters", "member");
		String web1 = lister.at("2.37").boot("web-1", "1", this.image, Map.of("networks", "none"));
		String web2 = lister.at("2.37").boot("web-2", "1", this.image, Map.of("networks", "none"));
		String db1 = lister.at("2.37").boot("db-1", "1", this.image, Map.of("networks", "none"));
		for (String id : List.of(web1, web2, db1)) {
			lister.awaitStatus(id, "ACTIVE");
		}
		lister.post("/v2.1/servers/" + db1 + "/action", Map.of("os-stop", Map.of()));
		lister.awaitStatus(db1, "SHUTOFF");
		List<String> webs = serverIds(lister.get("/v2.1/servers?name=web"));
		assertThat(webs).containsExactlyInAnyOrder(web1, web2);
		assertThat(serverIds(lister.get("/v2.1/servers?name=^db-"))).containsExactly(db1);
		assertThat(serverIds(lister.get("/v2.1/servers/detail?status=SHUTOFF"))).containsExactly(db1);
		assertThat(serverIds(lister.get("/v2.1/servers?status=active"))).isEqualTo(webs);
		assertThat(serverIds(lister.get("/v2.1/servers?status=REBOOT"))).isEmpty();
		assertThat(serverIds(lister.get("/v2.1/servers?status=bogus"))).isEmpty();
		assertThat(serverIds(lister.get("/v2.1/servers?name=web&limit=1"))).containsExactly(webs.get(0));
		assertThat(serverIds(lister.get("/v2.1/servers?name=web&limit=1&marker=" + webs.get(0))))
			.containsExactly(webs.get(1));
		assertThat(serverIds(lister.get("/v2.1/servers?status=ACTIVE&marker=" + webs.get(1)))).isEmpty();
		// a marker the filters leave out still marks a place in the order (Nova looks it up by uuid alone);
		// db-1 is the newest, so every web server comes after it
		assertThat(serverIds(lister.get("/v2.1/servers?status=ACTIVE&marker=" + db1))).isEqualTo(webs);
		for (String id : List.of(web1, web2, db1)) {
			assertThat(lister.delete("/v2.1/servers/" + id).getStatusCode().value()).isEqualTo(204);
			lister.awaitGone(id);
		}
	}

	@SuppressWarnings("unchecked")
	private static String fault(ResponseEntity<Map<String, Object>> response, String name) {
		Map<String, Object> fault = (Map<String, Object>) response.getBody().get(name);
		assertThat(fault).as("fault %s in %s", name, response.getBody()).isNotNull();
		assertThat(fault.get("code")).isEqualTo(response.getStatusCode().value());
		return (String) fault.get("message");
	}

	@SuppressWarnings("unchecked")
	private static List<String> serverIds(ResponseEntity<Map<String, Object>> response) {
		return ((List<Map<String, Object>>) response.getBody().get("servers")).stream()
			.map((server) -> (String) server.get("id"))
			.toList();
	}

}
