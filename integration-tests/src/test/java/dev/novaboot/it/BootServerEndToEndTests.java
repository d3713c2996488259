package dev.novaboot.it;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import dev.novaboot.it.SuiteClient.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The whole suite at work: nova-compute, nova-network and nova-volume as three processes
 * on three host names, one PostgreSQL database, talking over the HTTP RPC transport. A
 * user boots servers with a network and a volume through the OpenStack APIs and deletes
 * them again.
 */
class BootServerEndToEndTests {

	@TempDir
	static Path workDir;

	static Suite suite;

	static SuiteClient admin;

	@BeforeAll
	static void startSuite() throws Exception {
		suite = Suite.start(workDir, Map.of("volume", List.of("--nova.volume.driver=file",
				"--nova.volume.file.directory=" + workDir.resolve("volumes"))));
		admin = SuiteClient.login(suite.app("compute"), "admin", Suite.ADMIN_PASSWORD, "admin");
	}

	@AfterAll
	static void stopSuite() throws Exception {
		if (suite != null) {
			suite.close();
		}
	}

	@Test
	void bootsAServerWithANetworkAndAVolumeAndDeleteGivesBothBack() throws Exception {
		SuiteProcess compute = suite.app("compute");
		SuiteProcess network = suite.app("network");
		SuiteProcess volumes = suite.app("volume");
		String project = admin.projectId();

		String networkId = admin.post(network, "/v2.0/networks", "{\"network\": {\"name\": \"e2e-net\"}}")
			.expect(201)
			.read("$.network.id");
		admin.post(network, "/v2.0/subnets", """
				{"subnet": {"network_id": "%s", "cidr": "10.20.0.0/24", "ip_version": 4}}""".formatted(networkId))
			.expect(201);
		String volumeId = admin
			.post(volumes, "/v3/" + project + "/volumes", "{\"volume\": {\"size\": 1, \"name\": \"e2e-vol\"}}")
			.expect(202)
			.read("$.volume.id");
		awaitValue(() -> admin.get(volumes, "/v3/" + project + "/volumes/" + volumeId).read("$.volume.status"),
				"available");
		String flavor = admin.get(compute, "/v2.1/flavors").expect(200).read("$.flavors[0].id");
		String image = admin.get(compute, "/image/v2/images").expect(200).read("$.images[0].id");

		String first = boot(compute, "e2e-1", flavor, image, networkId, volumeId);
		String second = boot(compute, "e2e-2", flavor, image, networkId, null);
		String firstAddress = addressOf(compute, first);
		String secondAddress = addressOf(compute, second);

		assertThat(firstAddress).startsWith("10.20.0.").isNotEqualTo(secondAddress);
		assertThat(secondAddress).startsWith("10.20.0.");
		Response port = admin.get(network, "/v2.0/ports?device_id=" + first).expect(200);
		assertThat(port.<List<String>>read("$.ports[*].fixed_ips[*].ip_address")).containsExactly(firstAddress);
		Response volume = admin.get(volumes, "/v3/" + project + "/volumes/" + volumeId).expect(200);
		assertThat(volume.<String>read("$.volume.status")).isEqualTo("in-use");
		assertThat(volume.<List<String>>read("$.volume.attachments[*].server_id")).containsExactly(first);
		assertThat(admin.get(compute, "/v2.1/servers/" + first + "/os-volume_attachments")
			.expect(200)
			.<List<String>>read("$.volumeAttachments[*].volumeId")).containsExactly(volumeId);
		assertThat(Files.exists(workDir.resolve("volumes"))).isTrue();

		admin.delete(compute, "/v2.1/servers/" + first).expect(204);
		await().atMost(Duration.ofSeconds(60))
			.pollInterval(Duration.ofMillis(250))
			.until(() -> admin.get(compute, "/v2.1/servers/" + first).status() == 404);
		awaitValue(() -> admin.get(volumes, "/v3/" + project + "/volumes/" + volumeId).read("$.volume.status"),
				"available");
		assertThat(admin.get(network, "/v2.0/ports?device_id=" + first).expect(200).<List<Object>>read("$.ports"))
			.isEmpty();
		assertThat(admin.get(compute, "/v2.1/servers/" + second).expect(200).<String>read("$.server.status"))
			.isEqualTo("ACTIVE");
	}

	@Test
	void novasProxyApisShowTheVolumeAndNetworkServicesAsTheCallerUpToMicroversion235() throws Exception {
		SuiteProcess compute = suite.app("compute");
		SuiteProcess volumes = suite.app("volume");
		String project = admin.projectId();

		Response created = admin.post(compute, "/v2.1/os-volumes", """
				{"volume": {"size": 1, "display_name": "proxied", "metadata": {"via": "nova"}}}""").expect(200);
		String volumeId = created.read("$.volume.id");
		assertThat(created.<String>read("$.volume.displayName")).isEqualTo("proxied");
		assertThat(created.<Object>read("$.volume.attachments").toString()).isEqualTo("[{}]");
		awaitValue(() -> admin.get(compute, "/v2.1/os-volumes/" + volumeId).read("$.volume.status"), "available");
		// the same volume in the Block Storage API
		assertThat(admin.get(volumes, "/v3/" + project + "/volumes/" + volumeId)
			.expect(200)
			.<String>read("$.volume.metadata.via")).isEqualTo("nova");
		assertThat(admin.get(compute, "/v2.1/os-volumes/detail").expect(200).<List<String>>read("$.volumes[*].id"))
			.contains(volumeId);
		assertThat(admin.get(compute, "/v2.1/os-volumes?limit=1&offset=0").expect(200).<List<Object>>read("$.volumes"))
			.hasSize(1);
		admin.get(compute, "/v2.1/os-volumes?limit=x").expect(400);
		admin.post(compute, "/v2.1/os-volumes", "{\"volume\": {\"size\": 0}}").expect(400);
		admin.post(compute, "/v2.1/os-volumes", "{\"volume\": {\"size\": 1, \"snapshot_id\": \"%s\"}}"
			.formatted(java.util.UUID.randomUUID())).expect(404);
		admin.atComputeVersion("2.36").get(compute, "/v2.1/os-volumes").expect(404);
		admin.delete(compute, "/v2.1/os-volumes/" + volumeId).expect(202);
		await().atMost(Duration.ofSeconds(60))
			.pollInterval(Duration.ofMillis(250))
			.until(() -> admin.get(compute, "/v2.1/os-volumes/" + volumeId).status() == 404);

		Response groups = admin.get(compute, "/v2.1/os-security-groups").expect(200);
		assertThat(groups.<List<String>>read("$.security_groups[*].name")).contains("default");
		String defaultId = groups.<List<String>>read("$.security_groups[?(@.name == 'default')].id").get(0);
		Response shown = admin.get(compute, "/v2.1/os-security-groups/" + defaultId).expect(200);
		// Neutron's default group lets its own members in: a rule naming the group itself
		assertThat(shown.<List<String>>read("$.security_group.rules[*].group.name")).contains("default");
		assertThat(admin.get(compute, "/v2.1/os-security-groups/default").expect(400).body())
			.contains("Security group id should be uuid");
		admin.get(compute, "/v2.1/os-security-groups/" + java.util.UUID.randomUUID()).expect(404);
		admin.atComputeVersion("2.36").get(compute, "/v2.1/os-security-groups").expect(404);
	}

	private static String boot(SuiteProcess compute, String name, String flavor, String image, String networkId,
			String volumeId) throws Exception {
		String volumes = (volumeId == null) ? "" : """
				, "block_device_mapping_v2": [{"uuid": "%s", "source_type": "volume",
				   "destination_type": "volume", "boot_index": -1}]""".formatted(volumeId);
		String id = admin.post(compute, "/v2.1/servers", """
				{"server": {"name": "%s", "flavorRef": "%s", "imageRef": "%s",
				            "networks": [{"uuid": "%s"}]%s}}""".formatted(name, flavor, image, networkId, volumes))
			.expect(202)
			.read("$.server.id");
		await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).until(() -> {
			Response server = admin.get(compute, "/v2.1/servers/" + id).expect(200);
			String status = server.read("$.server.status");
			if ("ERROR".equals(status)) {
				throw new AssertionError("server " + name + " failed: " + server.body());
			}
			return "ACTIVE".equals(status);
		});
		return id;
	}

	private static String addressOf(SuiteProcess compute, String server) throws Exception {
		List<String> addresses = admin.get(compute, "/v2.1/servers/" + server)
			.expect(200)
			.read("$.server.addresses['e2e-net'][*].addr");
		assertThat(addresses).hasSize(1);
		return addresses.get(0);
	}

	@Test
	void aFloatingIpAssociatedThroughTheNetworkingApiShowsAmongTheServersAddressesUntilReleased() throws Exception {
		SuiteProcess compute = suite.app("compute");
		SuiteProcess network = suite.app("network");
		String networkId = admin.post(network, "/v2.0/networks", "{\"network\": {\"name\": \"fip-net\"}}")
			.expect(201)
			.read("$.network.id");
		String subnetId = admin.post(network, "/v2.0/subnets", """
				{"subnet": {"network_id": "%s", "cidr": "10.21.0.0/24", "ip_version": 4}}""".formatted(networkId))
			.expect(201)
			.read("$.subnet.id");
		String external = admin.post(network, "/v2.0/networks",
				"{\"network\": {\"name\": \"fip-public\", \"router:external\": true}}")
			.expect(201)
			.read("$.network.id");
		admin.post(network, "/v2.0/subnets", """
				{"subnet": {"network_id": "%s", "cidr": "198.51.100.0/24", "ip_version": 4, "enable_dhcp": false}}"""
			.formatted(external)).expect(201);
		String router = admin.post(network, "/v2.0/routers", """
				{"router": {"name": "fip-router", "external_gateway_info": {"network_id": "%s"}}}""".formatted(external))
			.expect(201)
			.read("$.router.id");
		admin.put(network, "/v2.0/routers/" + router + "/add_router_interface",
				"{\"subnet_id\": \"%s\"}".formatted(subnetId)).expect(200);
		String flavor = admin.get(compute, "/v2.1/flavors").expect(200).read("$.flavors[0].id");
		String image = admin.get(compute, "/image/v2/images").expect(200).read("$.images[0].id");
		String server = admin.post(compute, "/v2.1/servers", """
				{"server": {"name": "fip-1", "flavorRef": "%s", "imageRef": "%s", "networks": [{"uuid": "%s"}]}}"""
			.formatted(flavor, image, networkId)).expect(202).read("$.server.id");
		awaitValue(() -> admin.get(compute, "/v2.1/servers/" + server).read("$.server.status"), "ACTIVE");
		String port = admin.get(network, "/v2.0/ports?device_id=" + server).expect(200).<List<String>>read(
				"$.ports[*].id").get(0);

		Response floating = admin.post(network, "/v2.0/floatingips", """
				{"floatingip": {"floating_network_id": "%s", "port_id": "%s"}}""".formatted(external, port)).expect(201);
		String floatingIp = floating.read("$.floatingip.floating_ip_address");
		String fixedIp = floating.read("$.floatingip.fixed_ip_address");
		awaitValue(() -> admin.get(compute, "/v2.1/servers/" + server)
			.read("$.server.addresses['fip-net'][*]['OS-EXT-IPS:type']"), List.of("fixed", "floating"));
		assertThat(admin.get(compute, "/v2.1/servers/" + server).<List<String>>read(
				"$.server.addresses['fip-net'][*].addr")).containsExactly(fixedIp, floatingIp);

		admin.put(network, "/v2.0/floatingips/" + floating.read("$.floatingip.id"),
				"{\"floatingip\": {\"port_id\": null}}").expect(200);
		awaitValue(() -> admin.get(compute, "/v2.1/servers/" + server).read("$.server.addresses['fip-net'][*].addr"),
				List.of(fixedIp));
		admin.delete(compute, "/v2.1/servers/" + server).expect(204);
	}

	private static void awaitValue(Callable<Object> value, Object expected) {
		await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).until(value, expected::equals);
	}

}
