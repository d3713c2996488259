package dev.novaboot.compute.api;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.novaboot.compute.driver.QemuComputeDriver;
import dev.novaboot.compute.manager.ComputeImages;
import dev.novaboot.service.command.CommandRunner;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureTestRestTemplate;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

/**
 * The whole boot flow through the API with the {@code qemu} driver: a server becomes a
 * running QEMU, stops and starts, gets a file volume hot-plugged, and leaves no process
 * behind when deleted. Skipped only where QEMU is absent (and never on CI).
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@AutoConfigureTestRestTemplate
class QemuServersApiTests {

	static final Path ROOT = createRoot();

	@Autowired
	TestRestTemplate http;

	@Autowired
	QemuComputeDriver driver;

	@DynamicPropertySource
	static void qemu(DynamicPropertyRegistry registry) {
		registry.add("nova.compute.driver", () -> "qemu");
		registry.add("nova.host", () -> "qemu-host");
		registry.add("spring.datasource.url", () -> "jdbc:h2:mem:nova-compute-qemu;DB_CLOSE_DELAY=-1");
		registry.add("nova.compute.qemu.image-directory", () -> ROOT.resolve("images").toString());
		registry.add("nova.compute.qemu.state-directory", () -> ROOT.resolve("instances").toString());
		registry.add("nova.compute.qemu.power-off-timeout", () -> "1s");
		registry.add("nova.compute.local.volume-directory", () -> ROOT.resolve("volumes").toString());
		// the stand-in network has no bridge on this host, and these tests make none on the
		// host's own networking: the NICs stay unplugged (QemuVifNamespaceTests plugs for real)
		registry.add("nova.compute.local.bridge", () -> "");
	}

	@BeforeAll
	static void qemuAndAnImage() throws IOException {
		boolean present = Files.isExecutable(Path.of("/usr/bin/qemu-system-x86_64")) || System.getenv("CI") != null;
		assumeThat(present).as("qemu-system-x86_64 installed").isTrue();
		Files.createDirectories(ROOT.resolve("images"));
		Files.createDirectories(ROOT.resolve("volumes"));
		Path image = ROOT.resolve("images/blank.qcow2");
		if (!Files.exists(image)) {
			new CommandRunner(List.of(), Duration.ofSeconds(30)).run("qemu-img", "create", "-f", "qcow2", image.toString(),
					"64M");
		}
	}

	@AfterAll
	static void noQemuSurvives() throws IOException {
		// the servers are deleted by the test; this only guards against a failure half-way
		try (var dirs = Files.list(ROOT.resolve("instances"))) {
			dirs.forEach((dir) -> {
				try {
					String pid = Files.readString(dir.resolve("qemu.pid")).trim();
					ProcessHandle.of(Long.parseLong(pid)).ifPresent(ProcessHandle::destroyForcibly);
				}
				catch (IOException | NumberFormatException ex) {
					// no pid file: no process
				}
			});
		}
		catch (IOException ex) {
			// no instances directory: nothing ran
		}
		org.springframework.util.FileSystemUtils.deleteRecursively(ROOT);
	}

	@Test
	void aServerIsARunningQemuThatStopsStartsTakesAVolumeAndGoesAway() throws IOException {
		ComputeApiClient client = new ComputeApiClient(this.http, "project-qemu", "member");
		String image = ComputeImages.idOf("blank.qcow2");
		String id = client.boot("vm", "1", image, Map.of());
		Map<String, Object> server = client.asAdmin().awaitStatus(id, "ACTIVE");
		assertThat(server).containsEntry("OS-EXT-STS:power_state", 1).containsEntry("OS-EXT-SRV-ATTR:host", "qemu-host");
		ProcessHandle qemu = this.driver.pid(id).orElseThrow();
		assertThat(qemu.info().commandLine().orElse("")).contains("-m 512").contains("-smp 1");

		client.post("/v2.1/servers/" + id + "/action", Map.of("os-stop", Map.of()));
		assertThat(client.awaitStatus(id, "SHUTOFF")).containsEntry("OS-EXT-STS:power_state", 4);
		assertThat(qemu.isAlive()).isFalse();
		client.post("/v2.1/servers/" + id + "/action", Map.of("os-start", Map.of()));
		assertThat(client.awaitStatus(id, "ACTIVE")).containsEntry("OS-EXT-STS:power_state", 1);

		String volume = UUID.randomUUID().toString();
		Path file = ROOT.resolve("volumes/volume-" + volume);
		Files.write(file, new byte[1024 * 1024]);
		assertThat(client.post("/v2.1/servers/" + id + "/os-volume_attachments",
				Map.of("volumeAttachment", Map.of("volumeId", volume))).getStatusCode().value()).isEqualTo(200);
		assertThat(this.driver.queryBlock(id)).containsEntry("vdb", file.toString());

		ProcessHandle restarted = this.driver.pid(id).orElseThrow();
		assertThat(client.delete("/v2.1/servers/" + id).getStatusCode().value()).isEqualTo(204);
		client.awaitGone(id);
		assertThat(restarted.isAlive()).isFalse();
		assertThat(this.driver.listInstances()).isEmpty();
	}

	@Test
	void pauseSuspendAndResizeReachTheQemuGuest() {
		ComputeApiClient client = new ComputeApiClient(this.http, "project-qemu", "member");
		String id = client.boot("vm-actions", "1", ComputeImages.idOf("blank.qcow2"), Map.of());
		client.awaitStatus(id, "ACTIVE");

		client.post("/v2.1/servers/" + id + "/action", Map.of("pause", Map.of()));
		assertThat(client.awaitStatus(id, "PAUSED")).containsEntry("OS-EXT-STS:power_state", 3);
		client.post("/v2.1/servers/" + id + "/action", Map.of("unpause", Map.of()));
		assertThat(client.awaitStatus(id, "ACTIVE")).containsEntry("OS-EXT-STS:power_state", 1);

		ProcessHandle beforeSuspend = this.driver.pid(id).orElseThrow();
		client.post("/v2.1/servers/" + id + "/action", Map.of("suspend", Map.of()));
		assertThat(client.awaitStatus(id, "SUSPENDED")).containsEntry("OS-EXT-STS:power_state", 7);
		assertThat(beforeSuspend.isAlive()).isFalse();
		client.post("/v2.1/servers/" + id + "/action", Map.of("resume", Map.of()));
		assertThat(client.awaitStatus(id, "ACTIVE")).containsEntry("OS-EXT-STS:power_state", 1);

		// the guest really gets the new flavor's memory after its restart, and the old one back on a revert
		client.post("/v2.1/servers/" + id + "/action", Map.of("resize", Map.of("flavorRef", "2")));
		client.awaitStatus(id, "VERIFY_RESIZE");
		assertThat(this.driver.commandLine(id).orElse("")).contains("-m 2048").contains("-smp 1");
		client.post("/v2.1/servers/" + id + "/action", Map.of("revertResize", Map.of()));
		client.awaitStatus(id, "ACTIVE");
		assertThat(this.driver.commandLine(id).orElse("")).contains("-m 512");
		client.post("/v2.1/servers/" + id + "/action", Map.of("resize", Map.of("flavorRef", "2")));
		client.awaitStatus(id, "VERIFY_RESIZE");
		client.post("/v2.1/servers/" + id + "/action", Map.of("confirmResize", Map.of()));
		client.awaitStatus(id, "ACTIVE");
		assertThat(this.driver.commandLine(id).orElse("")).contains("-m 2048");

		assertThat(client.delete("/v2.1/servers/" + id).getStatusCode().value()).isEqualTo(204);
		client.awaitGone(id);
	}

	private static Path createRoot() {
		try {
			// short: the QMP socket path must fit a Unix socket address
			return Files.createTempDirectory(Path.of("/tmp"), "nq");
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
