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
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import dev.novaboot.compute.ComputeProperties;
import dev.novaboot.compute.driver.qemu.RecordingCommandRunner;
import dev.novaboot.compute.driver.qemu.TapDevices;
import dev.novaboot.service.command.CommandFailedException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The qemu driver plugs each port of a guest at command level: the taps exist before QEMU
 * starts, QEMU gets {@code -netdev tap} with the port's MAC, and the taps go when QEMU has
 * stopped, when its launch fails and in {@code initHost()} after a crash. The host is a
 * recording command runner; a stand-in QMP server answers for the QEMU that never starts.
 */
class QemuVifPluggingTests {

	private static final String PORT_A = "3f1e2d4c-5b6a-4789-9abc-def012345678";

	private static final String PORT_B = "9a8b7c6d-0000-4111-8222-333344445555";

	@TempDir
	Path directory;

	private final Set<String> links = new HashSet<>();

	private boolean qemuFails;

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
		if (command.contains("qemu-system-x86_64 ")) {
			return this.qemuFails ? null : startQmp(command);
		}
		if (command.startsWith("qemu-img create ")) {
			touch(words[words.length - 1]);
		}
		return "";
	});

	private Path state;

	private Path image;

	private QemuComputeDriver driver;

	private ServerSocketChannel qmp;

	@BeforeEach
	void driver() throws IOException {
		this.state = Files.createDirectories(this.directory.resolve("s"));
		this.image = Files.writeString(this.directory.resolve("image.raw"), "");
		this.driver = driver(null);
	}

	private QemuComputeDriver driver(String namespace) {
		return new QemuComputeDriver(this.runner, new JsonMapper(), new ComputeProperties.Qemu("qemu-system-x86_64",
				"qemu-img", this.directory, this.state, Duration.ofSeconds(1), "tcg", namespace),
				new TapDevices(this.runner, namespace, "nova"));
	}

	@AfterEach
	void stopQmp() throws IOException {
		if (this.qmp != null) {
			this.qmp.close();
		}
	}

	@Test
	void spawnPlugsEachPortIntoItsBridgeBeforeQemuStartsWithATapBackendAndThePortsMac() {
		GuestSpec guest = guest(new GuestVif(PORT_A, "fa:16:3e:00:00:0a", "br100"),
				new GuestVif(PORT_B, "fa:16:3e:00:00:0b", "br101"));

		this.driver.spawn(guest);

		assertThat(this.runner.changes()).filteredOn((command) -> !command.startsWith("qemu-img")).startsWith(
				"ip tuntap add dev tap3f1e2d4c-5b mode tap user nova",
				"ip link set dev tap3f1e2d4c-5b master br100",
				"ip link set dev tap3f1e2d4c-5b up",
				"ip tuntap add dev tap9a8b7c6d-00 mode tap user nova",
				"ip link set dev tap9a8b7c6d-00 master br101",
				"ip link set dev tap9a8b7c6d-00 up");
		assertThat(qemuCommand()).contains(
				" -netdev tap,id=hostnet-3f1e2d4c-5b,ifname=tap3f1e2d4c-5b,script=no,downscript=no"
						+ " -device virtio-net-pci,netdev=hostnet-3f1e2d4c-5b,id=net-3f1e2d4c-5b,mac=fa:16:3e:00:00:0a ",
				" -netdev tap,id=hostnet-9a8b7c6d-00,ifname=tap9a8b7c6d-00,script=no,downscript=no"
						+ " -device virtio-net-pci,netdev=hostnet-9a8b7c6d-00,id=net-9a8b7c6d-00,mac=fa:16:3e:00:00:0b ");
		assertThat(this.links).containsExactlyInAnyOrder("tap3f1e2d4c-5b", "tap9a8b7c6d-00");
	}

	@Test
	void anInterfaceWithoutABridgeIsANicWithoutBackendAndNoTap() {
		this.driver.spawn(guest(GuestVif.unplugged("fa:16:3e:00:00:0c")));

		assertThat(this.runner.commands).noneMatch((command) -> command.startsWith("ip "));
		assertThat(qemuCommand()).contains(" -nic none ").contains(" -device virtio-net-pci,id=net0,mac=fa:16:3e:00:00:0c ")
			.doesNotContain("-netdev");
	}

	@Test
	void aQemuThatDoesNotStartLeavesNoTap() {
		this.qemuFails = true;
		GuestSpec guest = guest(new GuestVif(PORT_A, "fa:16:3e:00:00:0a", "br100"));

		assertThatExceptionOfType(CommandFailedException.class).isThrownBy(() -> this.driver.spawn(guest));

		assertThat(this.links).isEmpty();
		assertThat(this.runner.changes()).last().isEqualTo("ip link delete dev tap3f1e2d4c-5b");
	}

	@Test
	void aQemuThatNeverAnswersQmpLeavesNoTap() {
		GuestSpec guest = guest(new GuestVif(PORT_A, "fa:16:3e:00:00:0a", "br100"));
		this.qemuSilent = true;

		assertThatExceptionOfType(RuntimeException.class).isThrownBy(() -> this.driver.spawn(guest));

		assertThat(this.links).isEmpty();
	}

	@Test
	void aTapThatCannotBePluggedIntoTheBridgeIsRemovedAndQemuNeverStarts() {
		RecordingCommandRunner noBridge = new RecordingCommandRunner(List.of(), (command) -> {
			if (command.contains("ip link show dev ")) {
				return command.endsWith("tap3f1e2d4c-5b") && this.links.contains("tap3f1e2d4c-5b") ? "1: up" : null;
			}
			if (command.contains("tuntap add")) {
				this.links.add("tap3f1e2d4c-5b");
			}
			if (command.contains("link delete")) {
				this.links.remove("tap3f1e2d4c-5b");
			}
			return command.contains("master br-missing") ? null : "";
		});
		QemuComputeDriver driver = new QemuComputeDriver(noBridge, new JsonMapper(), new ComputeProperties.Qemu(
				"qemu-system-x86_64", "qemu-img", this.directory, this.state, Duration.ofSeconds(1), "tcg", null),
				new TapDevices(noBridge, null, "nova"));

		assertThatExceptionOfType(CommandFailedException.class)
			.isThrownBy(() -> driver.spawn(guest(new GuestVif(PORT_A, "fa:16:3e:00:00:0a", "br-missing"))));

		assertThat(this.links).isEmpty();
		assertThat(noBridge.commands).noneMatch((command) -> command.startsWith("qemu-system-x86_64"));
	}

	@Test
	void destroyUnplugsTheTapsAndRemovesTheGuest() {
		GuestSpec guest = guest(new GuestVif(PORT_A, "fa:16:3e:00:00:0a", "br100"));
		this.driver.spawn(guest);

		this.driver.destroy(guest.uuid());

		assertThat(this.links).isEmpty();
		assertThat(this.state.resolve(guest.uuid())).doesNotExist();
	}

	@Test
	void powerOffUnplugsAndPowerOnPlugsAgain() {
		GuestSpec guest = guest(new GuestVif(PORT_A, "fa:16:3e:00:00:0a", "br100"));
		this.driver.spawn(guest);
		this.driver.powerOff(guest.uuid());
		assertThat(this.links).isEmpty();

		this.driver.powerOn(guest);
		assertThat(this.links).containsExactly("tap3f1e2d4c-5b");
	}

	@Test
	void initHostUnplugsTheTapsOfGuestsWhoseQemuNoLongerRuns() {
		GuestSpec guest = guest(new GuestVif(PORT_A, "fa:16:3e:00:00:0a", "br100"));
		this.driver.spawn(guest);
		// the stand-in QEMU never wrote a pid file: as after a crash, no QEMU runs for the guest

		driver(null).initHost();

		assertThat(this.links).isEmpty();
		assertThat(this.state.resolve(guest.uuid()).resolve("disk.qcow2").getParent()).isDirectory();
	}

	@Test
	void withANetworkNamespaceTheTapsAndQemuAreThereAsRoot() {
		QemuComputeDriver driver = driver("nova-ns");
		driver.spawn(guest(new GuestVif(PORT_A, "fa:16:3e:00:00:0a", "br100")));

		assertThat(this.runner.commands).filteredOn((command) -> command.contains(" ip ") || command.startsWith("ip "))
			.filteredOn((command) -> !command.contains("qemu"))
			.isNotEmpty()
			.allMatch((command) -> command.startsWith("ip netns exec nova-ns ip "));
		assertThat(qemuCommand()).startsWith("ip netns exec nova-ns qemu-system-x86_64 ");
	}

	@Test
	void aMacAddressThatIsNotOneIsRefusedBeforeAnythingIsPlugged() {
		GuestSpec guest = guest(new GuestVif(PORT_A, "fa:16:3e:00:00:0a,romfile=/etc/passwd", "br100"));

		assertThatIllegalArgumentException().isThrownBy(() -> this.driver.spawn(guest)).withMessageContaining("MAC");
		assertThat(this.links).isEmpty();
		assertThat(this.runner.commands).noneMatch((command) -> command.contains("qemu-system-x86_64"))
			.noneMatch((command) -> command.startsWith("ip "));
	}

	private boolean qemuSilent;

	private GuestSpec guest(GuestVif... vifs) {
		String uuid = UUID.randomUUID().toString();
		return new GuestSpec(uuid, "vm", 1, 128, 0, this.image, "raw", List.of(vifs), List.of(), "vm", List.of(), null);
	}

	private static void touch(String file) {
		try {
			Files.writeString(Path.of(file), "");
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private String qemuCommand() {
		return this.runner.commands.stream()
			.filter((command) -> command.contains("qemu-system-x86_64 "))
			.reduce((first, second) -> second)
			.orElseThrow() + " ";
	}

	// what QEMU would do: serve QMP on the socket its command line names
	private String startQmp(String command) {
		if (this.qemuSilent) {
			return "";
		}
		String socket = command.replaceAll(".*socket,id=qmp,path=([^,]+),.*", "$1");
		try {
			if (this.qmp != null) {
				this.qmp.close();
			}
			Files.deleteIfExists(Path.of(socket));
			this.qmp = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
			this.qmp.bind(UnixDomainSocketAddress.of(socket));
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		ServerSocketChannel server = this.qmp;
		Thread thread = new Thread(() -> {
			while (server.isOpen()) {
				try (SocketChannel client = server.accept()) {
					OutputStream out = Channels.newOutputStream(client);
					BufferedReader in = new BufferedReader(
							new InputStreamReader(Channels.newInputStream(client), StandardCharsets.UTF_8));
					out.write("{\"QMP\": {\"version\": {}, \"capabilities\": []}}\n".getBytes(StandardCharsets.UTF_8));
					while (in.readLine() != null) {
						out.write("{\"return\": {}}\n".getBytes(StandardCharsets.UTF_8));
					}
				}
				catch (IOException ex) {
					// the test is over, or the client went away
				}
			}
		});
		thread.setDaemon(true);
		thread.start();
		return "";
	}

}
