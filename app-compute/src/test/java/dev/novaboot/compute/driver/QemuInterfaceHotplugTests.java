package dev.novaboot.compute.driver;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import dev.novaboot.compute.ComputeProperties;
import dev.novaboot.compute.driver.qemu.RecordingCommandRunner;
import dev.novaboot.compute.driver.qemu.TapDevices;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatRuntimeException;

/**
 * The qemu driver's interface hot-plug at command level: the tap in its bridge, then QMP
 * {@code netdev_add} and {@code device_add} of a {@code virtio-net-pci} with the port's
 * MAC; unplug by {@code device_del}, waiting until {@code query-pci} no longer shows the
 * NIC, then {@code netdev_del} and the tap deleted; and every failure leaves nothing
 * behind. The host is a recording command runner; a stand-in QMP server keeps the guest's
 * PCI devices as QEMU would, and a process named like QEMU holds the guest's pid file.
 */
class QemuInterfaceHotplugTests {

	private static final String PORT = "3f1e2d4c-5b6a-4789-9abc-def012345678";

	private static final GuestVif VIF = new GuestVif(PORT, "fa:16:3e:00:00:0a", "br100");

	@TempDir
	Path directory;

	private final Set<String> links = Collections.synchronizedSet(new HashSet<>());

	private final List<String> qmpCommands = Collections.synchronizedList(new ArrayList<>());

	private final Set<String> pciDevices = Collections.synchronizedSet(new LinkedHashSet<>());

	private volatile boolean deviceAddFails;

	private volatile boolean guestKeepsTheNic;

	private final RecordingCommandRunner runner = new RecordingCommandRunner(List.of(), (command) -> {
		String[] words = command.split(" ");
		if (command.contains("ip link show dev ")) {
			return this.links.contains(words[words.length - 1]) ? "1: up" : null;
		}
		if (command.contains("ip tuntap add dev ")) {
			this.links.add(words[words.length - 5]);
		}
		if (command.contains("ip link delete dev ")) {
			this.links.remove(words[words.length - 1]);
		}
		return "";
	});

	private final JsonMapper json = new JsonMapper();

	private QemuComputeDriver driver;

	private ServerSocketChannel qmp;

	private Process qemu;

	private String uuid;

	@BeforeEach
	void runningGuest() throws IOException {
		Path state = Files.createDirectories(this.directory.resolve("s"));
		this.driver = new QemuComputeDriver(this.runner, this.json, new ComputeProperties.Qemu("qemu-system-x86_64",
				"qemu-img", this.directory, state, Duration.ofSeconds(1), "tcg", null),
				new TapDevices(this.runner, null, "nova"));
		this.uuid = UUID.randomUUID().toString();
		Path guest = Files.createDirectories(state.resolve(this.uuid));
		// a live process whose command names QEMU holds the pid file, as the guest's QEMU would
		Path standIn = this.directory.resolve("qemu-stand-in");
		Files.copy(Path.of("/bin/sleep"), standIn);
		standIn.toFile().setExecutable(true);
		this.qemu = new ProcessBuilder(standIn.toString(), "60").start();
		Files.writeString(guest.resolve("qemu.pid"), Long.toString(this.qemu.pid()));
		serveQmp(guest.resolve("qmp.sock"));
	}

	@AfterEach
	void stop() throws IOException {
		this.qemu.destroyForcibly();
		this.qmp.close();
	}

	@Test
	void attachPlugsTheTapThenAddsTheBackendAndTheNicWithThePortsMac() {
		this.driver.attachInterface(this.uuid, VIF);

		assertThat(this.runner.commands).containsSubsequence("ip tuntap add dev tap3f1e2d4c-5b mode tap user nova",
				"ip link set dev tap3f1e2d4c-5b master br100", "ip link set dev tap3f1e2d4c-5b up");
		assertThat(this.qmpCommands).containsSubsequence(
				"netdev_add {\"downscript\":\"no\",\"id\":\"hostnet-3f1e2d4c-5b\",\"ifname\":\"tap3f1e2d4c-5b\",\"script\":\"no\",\"type\":\"tap\"}",
				"device_add {\"driver\":\"virtio-net-pci\",\"id\":\"net-3f1e2d4c-5b\",\"mac\":\"fa:16:3e:00:00:0a\",\"netdev\":\"hostnet-3f1e2d4c-5b\"}");
		assertThat(this.pciDevices).containsExactly("net-3f1e2d4c-5b");
		assertThat(this.links).containsExactly("tap3f1e2d4c-5b");
	}

	@Test
	void aNicQemuRefusesTakesItsBackendAndTapAway() {
		this.deviceAddFails = true;

		assertThatRuntimeException().isThrownBy(() -> this.driver.attachInterface(this.uuid, VIF))
			.withStackTraceContaining("device_add failed");

		assertThat(this.qmpCommands).last().isEqualTo("netdev_del {\"id\":\"hostnet-3f1e2d4c-5b\"}");
		assertThat(this.links).isEmpty();
		assertThat(this.pciDevices).isEmpty();
	}

	@Test
	void aTapThatCannotJoinTheBridgeIsRemovedBeforeQemuIsAsked() {
		RecordingCommandRunner failing = new RecordingCommandRunner(List.of(), (command) -> {
			String[] words = command.split(" ");
			if (command.contains("ip link show dev ")) {
				return this.links.contains(words[words.length - 1]) ? "1: up" : null;
			}
			if (command.contains("ip tuntap add dev ")) {
				this.links.add(words[words.length - 5]);
			}
			if (command.contains("ip link delete dev ")) {
				this.links.remove(words[words.length - 1]);
			}
			return command.contains(" master ") ? null : "";
		});
		QemuComputeDriver driver = new QemuComputeDriver(failing, this.json, new ComputeProperties.Qemu(
				"qemu-system-x86_64", "qemu-img", this.directory, this.directory.resolve("s"), Duration.ofSeconds(1),
				"tcg", null), new TapDevices(failing, null, "nova"));

		assertThatRuntimeException().isThrownBy(() -> driver.attachInterface(this.uuid, VIF));

		assertThat(this.links).isEmpty();
		assertThat(this.qmpCommands).noneMatch((command) -> command.startsWith("netdev_add"));
	}

	@Test
	void detachDeletesTheNicWaitsForTheGuestThenDeletesTheBackendAndTheTap() {
		this.driver.attachInterface(this.uuid, VIF);
		this.qmpCommands.clear();

		this.driver.detachInterface(this.uuid, VIF);

		assertThat(this.qmpCommands.stream().filter((command) -> !command.startsWith("query-pci")))
			.containsExactly("device_del {\"id\":\"net-3f1e2d4c-5b\"}", "netdev_del {\"id\":\"hostnet-3f1e2d4c-5b\"}");
		assertThat(this.qmpCommands).first().isEqualTo("query-pci");
		assertThat(this.pciDevices).isEmpty();
		assertThat(this.links).isEmpty();
		assertThat(this.runner.commands).contains("ip link delete dev tap3f1e2d4c-5b");
	}

	@Test
	void aGuestThatDoesNotReleaseTheNicFailsTheDetachAndKeepsItsInterface() {
		this.driver.attachInterface(this.uuid, VIF);
		this.guestKeepsTheNic = true;

		assertThatRuntimeException().isThrownBy(() -> this.driver.detachInterface(this.uuid, VIF))
			.withStackTraceContaining("did not release its interface " + PORT);

		assertThat(this.pciDevices).containsExactly("net-3f1e2d4c-5b");
		assertThat(this.links).containsExactly("tap3f1e2d4c-5b");
		assertThat(this.qmpCommands).noneMatch((command) -> command.startsWith("netdev_del"));
	}

	@Test
	void aStoppedGuestGetsTheInterfaceAtItsNextStartAndNothingIsPluggedNow() {
		this.qemu.destroyForcibly();
		this.qemu.onExit().join();

		this.driver.attachInterface(this.uuid, VIF);

		assertThat(this.links).isEmpty();
		assertThat(this.qmpCommands).isEmpty();
	}

	// what QEMU would do: a QMP server on the guest's socket that keeps its PCI devices
	private void serveQmp(Path socket) throws IOException {
		this.qmp = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
		this.qmp.bind(UnixDomainSocketAddress.of(socket));
		ServerSocketChannel server = this.qmp;
		Thread thread = new Thread(() -> {
			while (server.isOpen()) {
				try (SocketChannel client = server.accept()) {
					OutputStream out = Channels.newOutputStream(client);
					BufferedReader in = new BufferedReader(
							new InputStreamReader(Channels.newInputStream(client), StandardCharsets.UTF_8));
					out.write("{\"QMP\": {\"version\": {}, \"capabilities\": []}}\n".getBytes(StandardCharsets.UTF_8));
					String line;
					while ((line = in.readLine()) != null) {
						out.write((answer(line) + "\n").getBytes(StandardCharsets.UTF_8));
					}
				}
				catch (IOException ex) {
					// the test is over, or the client went away
				}
			}
		});
		thread.setDaemon(true);
		thread.start();
	}

	private String answer(String line) {
		JsonNode message = this.json.readTree(line);
		String command = message.path("execute").asString();
		if (command.equals("qmp_capabilities")) {
			return "{\"return\": {}}";
		}
		JsonNode arguments = message.path("arguments");
		// arguments with sorted keys, so that the tests read one stable text
		this.qmpCommands.add(arguments.isMissingNode() ? command
				: command + " " + this.json.writeValueAsString(new java.util.TreeMap<>(
						this.json.convertValue(arguments, java.util.Map.class))));
		switch (command) {
			case "device_add" -> {
				if (this.deviceAddFails) {
					return "{\"error\": {\"class\": \"GenericError\", \"desc\": \"Bus 'pci.0' does not support hotplugging\"}}";
				}
				this.pciDevices.add(arguments.path("id").asString());
			}
			case "device_del" -> {
				if (!this.guestKeepsTheNic) {
					this.pciDevices.remove(arguments.path("id").asString());
				}
			}
			case "query-pci" -> {
				// the guest's own devices carry no id
				List<String> devices = new ArrayList<>(List.of("{\"qdev_id\": \"\"}"));
				this.pciDevices.forEach((id) -> devices.add("{\"qdev_id\": \"" + id + "\"}"));
				return "{\"return\": [{\"bus\": 0, \"devices\": [" + String.join(", ", devices) + "]}]}";
			}
			default -> {
			}
		}
		return "{\"return\": {}}";
	}

}
