package dev.novaboot.compute.driver;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.novaboot.compute.ComputeProperties;
import dev.novaboot.compute.driver.qemu.QmpClient;
import dev.novaboot.service.command.CommandRunner;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

/**
 * The {@code qemu} driver's live migration for real, between two drivers on this machine
 * (two state directories, as two hosts without shared instance storage): the destination
 * waits with {@code -incoming defer}, the source mirrors its overlay over NBD and runs QMP
 * {@code migrate}; the guest keeps running across the move and what it wrote is on the
 * destination's disk. A move that cannot reach its destination leaves the guest running
 * at its source. Skipped only where the QEMU binaries are absent, and never on CI (the
 * {@code CI} environment variable set), where a missing QEMU fails the test.
 */
class QemuLiveMigrationTests {

	@TempDir(cleanup = org.junit.jupiter.api.io.CleanupMode.ALWAYS)
	static Path images;

	@TempDir
	Path sourceState;

	@TempDir
	Path destinationState;

	QemuComputeDriver source;

	QemuComputeDriver destination;

	Path image;

	CommandRunner commands;

	@BeforeAll
	static void qemuIsInstalled() {
		boolean present = onPath("qemu-system-x86_64") && onPath("qemu-img") && onPath("qemu-io");
		if (System.getenv("CI") != null) {
			assertThat(present).as("qemu-system-x86_64, qemu-img and qemu-io must be installed on CI (apt: qemu-system-x86 qemu-utils)")
				.isTrue();
		}
		assumeThat(present).as("qemu-system-x86_64, qemu-img and qemu-io on PATH").isTrue();
	}

	@BeforeEach
	void driversAndImage() throws IOException {
		this.commands = new CommandRunner(List.of(), Duration.ofSeconds(60));
		this.source = driver(this.commands, this.sourceState);
		this.destination = driver(this.commands, this.destinationState);
		this.image = images.resolve("blank.qcow2");
		if (!Files.exists(this.image)) {
			this.commands.run("qemu-img", "create", "-f", "qcow2", this.image.toString(), "64M");
		}
	}

	@AfterEach
	void noGuestSurvives() {
		for (QemuComputeDriver driver : List.of(this.source, this.destination)) {
			for (String uuid : driver.listInstances()) {
				driver.destroy(uuid);
			}
		}
	}

	@Test
	void theGuestKeepsRunningAcrossTheMoveAndWhatItWroteArrives() throws IOException {
		GuestSpec guest = guest();
		this.source.spawn(guest);
		// data in the guest's overlay only (the image is on both hosts): written while it is off
		this.source.powerOff(guest.uuid());
		this.commands.run("qemu-io", "-f", "qcow2", this.sourceState.resolve(guest.uuid()).resolve("disk.qcow2").toString(),
				"-c", "write -P 0x5a 1M 256k");
		this.source.powerOn(guest);
		ProcessHandle sourceQemu = this.source.pid(guest.uuid()).orElseThrow();

		LiveMigrationTarget target = this.destination.preLiveMigration(guest);
		assertThat(target.uri()).startsWith("tcp:127.0.0.1:");
		assertThat(status(this.destinationState, guest.uuid())).isEqualTo("inmigrate");
		this.source.liveMigration(guest.uuid(), target);
		this.destination.postLiveMigrationAtDestination(guest.uuid(), true);
		this.source.destroy(guest.uuid());

		assertThat(status(this.destinationState, guest.uuid())).isEqualTo("running");
		assertThat(this.destination.getInfo(guest.uuid())).isEqualTo(PowerState.RUNNING);
		assertThat(this.destination.pid(guest.uuid()).orElseThrow().pid()).isNotEqualTo(sourceQemu.pid());
		assertThat(sourceQemu.onExit()).succeedsWithin(Duration.ofSeconds(10));
		assertThat(this.source.listInstances()).isEmpty();
		assertThat(this.destination.commandLine(guest.uuid()).orElse("")).contains("-m 128").contains("-smp 1");
		// the destination's overlay holds what the source's held
		this.destination.powerOff(guest.uuid());
		String read = this.commands.run("qemu-io", "-f", "qcow2",
				this.destinationState.resolve(guest.uuid()).resolve("disk.qcow2").toString(), "-c",
				"read -P 0x5a 1M 256k").stdout();
		assertThat(read).contains("read 262144/262144").doesNotContain("Pattern verification failed");
	}

	@Test
	void aMoveThatCannotReachItsDestinationLeavesTheGuestRunningAtItsSource() throws IOException {
		GuestSpec guest = guest();
		this.source.spawn(guest);
		LiveMigrationTarget nowhere = new LiveMigrationTarget("tcp:127.0.0.1:9?nbd=9");

		assertThatThrownBy(() -> this.source.liveMigration(guest.uuid(), nowhere)).isInstanceOf(RuntimeException.class);

		assertThat(status(this.sourceState, guest.uuid())).isEqualTo("running");
		assertThat(this.source.getInfo(guest.uuid())).isEqualTo(PowerState.RUNNING);
		// no NBD node of the failed mirror is left on the guest's disk
		assertThat(nodeNames(this.sourceState, guest.uuid())).contains("root").doesNotContain("migration-root");
	}

	@Test
	void aDestinationThatGaveUpLeavesNothingBehind() {
		GuestSpec guest = guest();
		this.destination.preLiveMigration(guest);
		assertThat(this.destination.getInfo(guest.uuid())).isNotEqualTo(PowerState.NOSTATE);

		this.destination.destroy(guest.uuid());

		assertThat(this.destination.listInstances()).isEmpty();
		assertThat(this.destinationState.resolve(guest.uuid())).doesNotExist();
	}

	private static QemuComputeDriver driver(CommandRunner commands, Path state) {
		return new QemuComputeDriver(commands, new JsonMapper(), new ComputeProperties.Qemu("qemu-system-x86_64",
				"qemu-img", images, state, Duration.ofSeconds(1), "auto", null, "127.0.0.1", Duration.ofMinutes(2)));
	}

	private GuestSpec guest() {
		return new GuestSpec(UUID.randomUUID().toString(), "moving-guest", 1, 128, 0, this.image, "qcow2", List.of(),
				List.of());
	}

	private static String status(Path state, String uuid) throws IOException {
		try (QmpClient qmp = QmpClient.connect(state.resolve(uuid).resolve("qmp.sock"), new JsonMapper(),
				Duration.ofSeconds(10))) {
			JsonNode status = qmp.execute("query-status", Map.of());
			return status.path("status").asString();
		}
	}

	private static List<String> nodeNames(Path state, String uuid) throws IOException {
		try (QmpClient qmp = QmpClient.connect(state.resolve(uuid).resolve("qmp.sock"), new JsonMapper(),
				Duration.ofSeconds(10))) {
			List<String> names = new java.util.ArrayList<>();
			qmp.execute("query-named-block-nodes", Map.of()).forEach((node) -> names.add(node.path("node-name").asString()));
			return names;
		}
	}

	private static boolean onPath(String binary) {
		String path = System.getenv("PATH");
		return path != null
				&& java.util.Arrays.stream(path.split(":")).anyMatch((dir) -> Files.isExecutable(Path.of(dir, binary)));
	}

}
