package dev.novaboot.compute.driver;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import dev.novaboot.compute.ComputeProperties;
import dev.novaboot.compute.driver.qemu.QmpClient;
import dev.novaboot.compute.driver.qemu.TapDevices;
import dev.novaboot.service.command.CommandFailedException;
import dev.novaboot.service.command.CommandRunner;
import dev.novaboot.service.testsupport.HostTools;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * VIF plugging for real, in a network namespace each test creates and removes (never the
 * host's own networking) with a bridge in it, as nova-network's linux driver makes one:
 * the tap exists in the bridge while QEMU runs with it, and is gone after; a tap
 * hot-plugged into a running guest is its NIC at once. Needs root,
 * iproute2 and QEMU (CI runs as root and installs them).
 */
class QemuVifNamespaceTests {

	private static final String PORT = "5e6f7a8b-9c0d-4e1f-8a2b-3c4d5e6f7a8b";

	private static final String TAP = "tap5e6f7a8b-9c";

	private final CommandRunner runner = new CommandRunner(List.of(), Duration.ofSeconds(30));

	private final String namespace = "nova-vif-" + UUID.randomUUID().toString().substring(0, 8);

	@TempDir
	Path directory;

	private boolean created;

	@BeforeEach
	void namespaceWithABridge() {
		HostTools.require("root".equals(System.getProperty("user.name")), "needs root for network namespaces and taps");
		HostTools.require(available("ip", "-V") && available("qemu-system-x86_64", "--version")
				&& available("qemu-img", "--version"), "needs iproute2, qemu-system-x86 and qemu-utils");
		this.runner.run("ip", "netns", "add", this.namespace);
		this.created = true;
		inNamespace("ip", "link", "add", "name", "br-vif", "type", "bridge");
		inNamespace("ip", "link", "set", "dev", "br-vif", "up");
	}

	@AfterEach
	void removeNamespace() {
		if (this.created) {
			// a tap outlives its namespace's deletion only if something holds it; QEMU is gone by now
			this.runner.run("ip", "netns", "del", this.namespace);
		}
	}

	@Test
	void aTapIsCreatedInTheBridgeAndRemoved() {
		TapDevices taps = new TapDevices(this.runner, this.namespace, "root");

		taps.plug(new GuestVif(PORT, "fa:16:3e:11:22:33", "br-vif"));
		taps.plug(new GuestVif(PORT, "fa:16:3e:11:22:33", "br-vif"));

		assertThat(inNamespace("ip", "-o", "link", "show", "master", "br-vif")).contains(TAP);
		assertThat(inNamespace("ip", "tuntap", "show")).contains(TAP + ": tap");
		taps.unplug(TAP);
		assertThat(inNamespace("ip", "-o", "link", "show")).doesNotContain(TAP);
		assertThat(taps.exists(TAP)).isFalse();
	}

	@Test
	void qemuRunsOnTheTapInTheBridgeAndDestroyRemovesIt() throws IOException {
		Path image = this.directory.resolve("blank.qcow2");
		this.runner.run("qemu-img", "create", "-f", "qcow2", image.toString(), "16M");
		Path state = Files.createDirectories(this.directory.resolve("s"));
		QemuComputeDriver driver = new QemuComputeDriver(this.runner, new JsonMapper(), new ComputeProperties.Qemu(
				"qemu-system-x86_64", "qemu-img", this.directory, state, Duration.ofSeconds(1), "auto", this.namespace));
		String uuid = UUID.randomUUID().toString();
		try {
			driver.spawn(new GuestSpec(uuid, "vm", 1, 64, 0, image, "qcow2",
					List.of(new GuestVif(PORT, "fa:16:3e:11:22:33", "br-vif")), List.of(), "vm", List.of(), null));

			assertThat(driver.getInfo(uuid)).isEqualTo(PowerState.RUNNING);
			// QEMU holds the tap open: the kernel shows it with carrier, in the bridge
			assertThat(inNamespace("ip", "-o", "link", "show", "dev", TAP)).contains("master br-vif")
				.doesNotContain("NO-CARRIER");
			assertThat(driver.commandLine(uuid).orElse("")).contains("ifname=" + TAP).contains("mac=fa:16:3e:11:22:33");
		}
		finally {
			driver.destroy(uuid);
		}
		assertThat(inNamespace("ip", "-o", "link", "show")).doesNotContain(TAP);
	}

	@Test
	void anInterfaceHotPluggedIntoARunningGuestIsOnItsPciBusWithItsTapInTheBridge() throws IOException {
		Path image = this.directory.resolve("blank.qcow2");
		this.runner.run("qemu-img", "create", "-f", "qcow2", image.toString(), "16M");
		Path state = Files.createDirectories(this.directory.resolve("s"));
		JsonMapper json = new JsonMapper();
		QemuComputeDriver driver = new QemuComputeDriver(this.runner, json, new ComputeProperties.Qemu(
				"qemu-system-x86_64", "qemu-img", this.directory, state, Duration.ofSeconds(1), "auto", this.namespace));
		String uuid = UUID.randomUUID().toString();
		String second = "0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d";
		try {
			driver.spawn(new GuestSpec(uuid, "vm", 1, 64, 0, image, "qcow2",
					List.of(new GuestVif(PORT, "fa:16:3e:11:22:33", "br-vif")), List.of(), "vm", List.of(), null));

			driver.attachInterface(uuid, new GuestVif(second, "fa:16:3e:44:55:66", "br-vif"));

			// QEMU opened the new tap (carrier) and the guest has the NIC on its PCI bus with the port's MAC
			assertThat(inNamespace("ip", "-o", "link", "show", "dev", "tap0a1b2c3d-4e")).contains("master br-vif")
				.doesNotContain("NO-CARRIER");
			try (QmpClient qmp = QmpClient.connect(state.resolve(uuid).resolve("qmp.sock"), json, Duration.ofSeconds(10))) {
				assertThat(qmp.execute("query-pci", java.util.Map.of()).toString()).contains("\"net-0a1b2c3d-4e\"")
					.contains("\"net-5e6f7a8b-9c\"");
				assertThat(qmp.execute("qom-get", java.util.Map.of("path", "/machine/peripheral/net-0a1b2c3d-4e",
						"property", "mac")).asString()).isEqualTo("fa:16:3e:44:55:66");
			}

			// a port whose bridge is not there: the tap goes again and QEMU is not asked
			org.assertj.core.api.Assertions.assertThatRuntimeException()
				.isThrownBy(() -> driver.attachInterface(uuid,
						new GuestVif("7f6e5d4c-3b2a-4190-8f7e-6d5c4b3a2910", "fa:16:3e:77:88:99", "br-missing")));
			assertThat(inNamespace("ip", "-o", "link", "show")).doesNotContain("tap7f6e5d4c-3b");
			assertThat(driver.getInfo(uuid)).isEqualTo(PowerState.RUNNING);
		}
		finally {
			driver.destroy(uuid);
		}
		// the hot-plugged tap was recorded, so the destroy removed it with the spawned one
		assertThat(inNamespace("ip", "-o", "link", "show")).doesNotContain(TAP).doesNotContain("tap0a1b2c3d-4e");
	}

	private String inNamespace(String... command) {
		List<String> full = new java.util.ArrayList<>(List.of("ip", "netns", "exec", this.namespace));
		full.addAll(List.of(command));
		return this.runner.run(full, Duration.ofSeconds(30)).stdout();
	}

	private boolean available(String... command) {
		try {
			this.runner.run(command);
			return true;
		}
		catch (CommandFailedException ex) {
			return false;
		}
	}

}
