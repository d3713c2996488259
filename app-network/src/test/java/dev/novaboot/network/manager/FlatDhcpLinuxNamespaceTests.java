package dev.novaboot.network.manager;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import dev.novaboot.service.rpc.api.NetworkRpcApi.AllocateFloatingIp;
import dev.novaboot.service.rpc.api.NetworkRpcApi.AllocateForInstance;
import dev.novaboot.service.rpc.api.NetworkRpcApi.AssociateFloatingIp;
import dev.novaboot.service.rpc.api.NetworkRpcApi.DeallocateForInstance;
import dev.novaboot.service.rpc.api.NetworkRpcApi.FloatingIpRef;
import dev.novaboot.service.testsupport.HostTools;
import dev.novaboot.network.driver.LinuxNetworkDriver;
import dev.novaboot.network.driver.NetworkDriver;
import dev.novaboot.network.store.Network;
import dev.novaboot.service.command.CommandFailedException;
import dev.novaboot.service.command.CommandRunner;
import dev.novaboot.service.rpc.api.FloatingAddress;
import dev.novaboot.service.rpc.api.VirtualInterface;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureTestRestTemplate;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.util.FileSystemUtils;

import static dev.novaboot.network.manager.ManagerTestSupport.ADMIN;
import static dev.novaboot.network.manager.ManagerTestSupport.context;
import static dev.novaboot.network.manager.ManagerTestSupport.instance;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole app with the flat-dhcp strategy and the linux driver, working inside a
 * network namespace made for this test: allocating and releasing addresses changes the
 * real bridge, dnsmasq hosts and NAT rules of that namespace.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "nova.network.manager=flat-dhcp", "nova.network.driver=linux",
				"nova.network.public-interface=pub0" })
@AutoConfigureTestRestTemplate
@DirtiesContext
class FlatDhcpLinuxNamespaceTests {

	private static final CommandRunner runner = new CommandRunner(List.of(), Duration.ofSeconds(20));

	private static final String NAMESPACE = "nova-it-" + UUID.randomUUID().toString().substring(0, 8);

	private static Path state;

	@Autowired
	NetworkManager manager;

	@Autowired
	NetworkDriver driver;

	@Autowired
	NetworkService networks;

	@Autowired
	SubnetService subnets;

	@BeforeAll
	static void createNamespace() throws IOException {
		HostTools.require(available("ip", "-V") && available("iptables", "--version") && available("dnsmasq", "--version"),
				"needs iproute2, iptables and dnsmasq");
		HostTools.require("root".equals(System.getProperty("user.name")), "needs root for network namespaces");
		state = Files.createTempDirectory(Path.of("/tmp"), "nova-it-",
				PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
		runner.run("ip", "netns", "add", NAMESPACE);
		inNamespace("ip", "link", "set", "lo", "up");
		inNamespace("ip", "link", "add", "pub0", "type", "bridge");
		inNamespace("ip", "link", "set", "pub0", "up");
	}

	@DynamicPropertySource
	static void namespaceProperties(DynamicPropertyRegistry registry) {
		registry.add("nova.network.namespace", () -> NAMESPACE);
		registry.add("nova.network.state-directory", () -> state.toString());
	}

	@AfterAll
	static void removeNamespace() throws IOException {
		if (state == null) {
			return;
		}
		ProcessHandle.allProcesses()
			.filter((process) -> process.info().commandLine().orElse("").contains(state.toString()))
			.forEach(ProcessHandle::destroyForcibly);
		try {
			runner.run("ip", "netns", "del", NAMESPACE);
		}
		catch (CommandFailedException ex) {
			// never created
		}
		FileSystemUtils.deleteRecursively(state);
	}

	@Test
	void allocationsChangeTheNamespacesNetworking() throws IOException {
		assertThat(this.driver).isInstanceOf(LinuxNetworkDriver.class);
		assertThat(this.driver.health().getStatus().getCode()).isEqualTo("UP");
		// initHost() ran at start-up: our NAT chains exist
		assertThat(inNamespace("iptables", "-t", "nat", "-S")).contains("-A PREROUTING -j nova-network-PREROUTING");

		Network network = ManagerTestSupport.network(this.networks, this.subnets, ADMIN, "it", "10.97.0.0/24", true);
		this.manager.networkChanged(network.getUuid());
		ManagerTestSupport.external(this.networks, this.subnets, "203.0.113.128/28");

		String first = instance();
		VirtualInterface one = this.manager.allocateForInstance(context("it"),
				new AllocateForInstance(first, "it", "c", List.of()))
			.interfaces()
			.get(0);
		VirtualInterface two = this.manager.allocateForInstance(context("it"),
				new AllocateForInstance(instance(), "it", "c", List.of()))
			.interfaces()
			.get(0);
		assertThat(inNamespace("ip", "-o", "-4", "addr", "show", "dev", "br100")).contains("inet 10.97.0.1/24");
		Path hosts = state.resolve("dnsmasq-" + network.getUuid() + ".hosts");
		assertThat(Files.readAllLines(hosts)).containsExactly(
				one.macAddress() + ",host-10-97-0-2," + one.address(), two.macAddress() + ",host-10-97-0-3," + two.address());
		assertThat(ProcessHandle.allProcesses()
			.anyMatch((process) -> process.info().commandLine().orElse("").contains("dnsmasq-" + network.getUuid())))
			.isTrue();

		FloatingAddress floating = this.manager.allocateFloatingIp(context("it"), new AllocateFloatingIp("it", null));
		this.manager.associateFloatingIp(context("it"), new AssociateFloatingIp(floating.address(), two.address()));
		assertThat(inNamespace("iptables", "-t", "nat", "-S")).contains("-A nova-network-PREROUTING -d "
				+ floating.address() + "/32 -j DNAT --to-destination " + two.address());

		this.manager.deallocateForInstance(context("it"), new DeallocateForInstance(first, "c"));
		assertThat(Files.readAllLines(hosts)).containsExactly(two.macAddress() + ",host-10-97-0-3," + two.address());

		this.manager.disassociateFloatingIp(context("it"), new FloatingIpRef(floating.address()));
		assertThat(inNamespace("iptables", "-t", "nat", "-S")).doesNotContain(floating.address());
	}

	private static String inNamespace(String... command) {
		String[] full = new String[command.length + 4];
		full[0] = "ip";
		full[1] = "netns";
		full[2] = "exec";
		full[3] = NAMESPACE;
		System.arraycopy(command, 0, full, 4, command.length);
		return runner.run(full).stdout();
	}

	private static boolean available(String... command) {
		try {
			runner.run(command);
			return true;
		}
		catch (CommandFailedException ex) {
			return false;
		}
	}

}
