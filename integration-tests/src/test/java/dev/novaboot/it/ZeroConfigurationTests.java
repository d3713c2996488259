package dev.novaboot.it;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import dev.novaboot.it.SuiteClient.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code java -jar} as a new user types it: each app jar in an empty directory with no
 * argument but a free port, no environment variable, and the three together in one
 * directory. They come up on the embedded database, make the suite's secrets once,
 * owner-only, and find each other.
 */
class ZeroConfigurationTests {

	@Test
	void eachAppStartsAloneInAnEmptyDirectory(@TempDir Path root) throws Exception {
		for (String app : List.of("volume", "network", "compute")) {
			Path directory = root.resolve(app);
			try (SuiteProcess process = SuiteProcess.startPlain(app, directory, List.of(), Map.of())) {
				process.awaitReady(Duration.ofSeconds(90));
				assertOwnerOnly(directory.resolve("var/rpc-secret"));
				assertOwnerOnly(directory.resolve("var/token-key"));
				SuiteClient admin = SuiteClient.login(process, "admin", adminPassword(directory), "admin");
				assertThat(admin.get(process, "/v2.1/os-services")
					.expect(200)
					.<List<String>>read("$.services[*].binary")).containsExactly("nova-" + app);
				if (app.equals("compute")) {
					serverWithoutNetworksBootsOnComputeAlone(admin, process);
				}
			}
		}
	}

	private static void serverWithoutNetworksBootsOnComputeAlone(SuiteClient admin, SuiteProcess compute)
			throws Exception {
		String flavor = admin.get(compute, "/v2.1/flavors").expect(200).read("$.flavors[0].id");
		String image = admin.get(compute, "/image/v2/images").expect(200).read("$.images[0].id");
		// "networks": "auto" and "none" are microversion 2.37's
		Response refused = admin.atComputeVersion("2.37").post(compute, "/v2.1/servers", """
				{"server": {"name": "needs-a-network", "flavorRef": "%s", "imageRef": "%s", "networks": "auto"}}"""
			.formatted(flavor, image));
		assertThat(refused.status()).isEqualTo(409);
		assertThat(refused.body()).contains("The network service is not available");

		String id = admin.atComputeVersion("2.37").post(compute, "/v2.1/servers", """
				{"server": {"name": "alone", "flavorRef": "%s", "imageRef": "%s", "networks": "none"}}"""
			.formatted(flavor, image)).expect(202).read("$.server.id");
		awaitValue(() -> admin.get(compute, "/v2.1/servers/" + id).read("$.server.status"), "ACTIVE");
		admin.delete(compute, "/v2.1/servers/" + id).expect(204);
		await().atMost(Duration.ofSeconds(30))
			.until(() -> admin.get(compute, "/v2.1/servers/" + id).status() == 404);
	}

	@Test
	void theThreeStartedTogetherInOneDirectoryFormOneSuite(@TempDir Path directory) throws Exception {
		List<SuiteProcess> apps = new ArrayList<>();
		try {
			for (String app : List.of("volume", "network", "compute")) {
				apps.add(SuiteProcess.startPlain(app, directory, List.of(), Map.of()));
			}
			for (SuiteProcess app : apps) {
				app.awaitReady(Duration.ofSeconds(120));
			}
			assertOwnerOnly(directory.resolve("var/rpc-secret"));
			SuiteProcess volume = apps.get(0);
			SuiteProcess network = apps.get(1);
			SuiteProcess compute = apps.get(2);
			SuiteClient admin = SuiteClient.login(network, "admin", adminPassword(directory), "admin");
			for (SuiteProcess app : apps) {
				assertThat(admin.get(app, "/v2.1/os-services").expect(200).<List<String>>read("$.services[*].binary"))
					.containsExactlyInAnyOrder("nova-volume", "nova-network", "nova-compute");
			}
			// the services reach each other over RPC with the secret they share
			String networkId = admin.post(network, "/v2.0/networks", "{\"network\": {\"name\": \"zero\"}}")
				.expect(201)
				.read("$.network.id");
			admin.post(network, "/v2.0/subnets", """
					{"subnet": {"network_id": "%s", "cidr": "10.30.0.0/24", "ip_version": 4}}""".formatted(networkId))
				.expect(201);
			String flavor = admin.get(compute, "/v2.1/flavors").expect(200).read("$.flavors[0].id");
			String image = admin.get(compute, "/image/v2/images").expect(200).read("$.images[0].id");
			String id = admin.post(compute, "/v2.1/servers", """
					{"server": {"name": "together", "flavorRef": "%s", "imageRef": "%s",
					 "networks": [{"uuid": "%s"}]}}""".formatted(flavor, image, networkId))
				.expect(202)
				.read("$.server.id");
			awaitValue(() -> admin.get(compute, "/v2.1/servers/" + id).read("$.server.status"), "ACTIVE");
			assertThat(admin.get(network, "/v2.0/ports?device_id=" + id)
				.expect(200)
				.<List<String>>read("$.ports[*].fixed_ips[*].ip_address")).singleElement()
				.asString()
				.startsWith("10.30.0.");
			assertThat(admin.get(volume, "/v3/" + admin.projectId() + "/volumes").status()).isEqualTo(200);
		}
		finally {
			apps.forEach(SuiteProcess::close);
		}
	}

	private static String adminPassword(Path directory) throws Exception {
		Path file = directory.resolve("var/admin-password");
		assertOwnerOnly(file);
		return Files.readString(file).strip();
	}

	private static void assertOwnerOnly(Path file) throws Exception {
		assertThat(file).isRegularFile();
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
	}

	private static void awaitValue(Callable<Object> value, Object expected) {
		await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).until(value, expected::equals);
	}

}
