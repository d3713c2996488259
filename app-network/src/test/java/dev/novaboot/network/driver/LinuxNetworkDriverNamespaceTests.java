package dev.novaboot.network.driver;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import dev.novaboot.service.testsupport.HostTools;
import dev.novaboot.network.driver.DhcpConfig.DhcpHost;
import dev.novaboot.service.command.CommandFailedException;
import dev.novaboot.service.command.CommandRunner;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.util.FileSystemUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The linux driver for real, inside a network namespace that each test creates and
 * removes (never the host's own networking): bridges, gateway addresses, NAT rules and
 * dnsmasq exist after setup, setting up twice changes nothing, and teardown leaves nothing.
 * Needs root, iproute2, iptables and dnsmasq (CI runs as root and installs them).
 */
class LinuxNetworkDriverNamespaceTests {

	private final CommandRunner runner = new CommandRunner(List.of(), Duration.ofSeconds(20));

	private final String namespace = "nova-test-" + UUID.randomUUID().toString().substring(0, 8);

	private Path state;

	private LinuxNetworkDriver driver;

	private Dnsmasq dnsmasq;

	@BeforeEach
	void createNamespace() throws IOException {
		HostTools.require(available("ip", "-V") && available("iptables", "--version") && available("dnsmasq", "--version"),
				"needs iproute2, iptables and dnsmasq");
		HostTools.require("root".equals(System.getProperty("user.name")), "needs root for network namespaces");
		// dnsmasq re-reads its hosts file as user nobody: the state directory must be readable
		this.state = Files.createTempDirectory(Path.of("/tmp"), "nova-network-",
				PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
		this.runner.run("ip", "netns", "add", this.namespace);
		inNamespace("ip", "link", "set", "lo", "up");
		// the "public" interface: a bridge, since some kernels (this CI's VM) lack the dummy driver
		inNamespace("ip", "link", "add", "pub0", "type", "bridge");
		inNamespace("ip", "link", "set", "pub0", "up");
		HostCommands commands = new HostCommands(this.runner, this.namespace);
		this.dnsmasq = new Dnsmasq(commands, this.state);
		this.driver = new LinuxNetworkDriver(commands, "pub0", this.dnsmasq);
	}

	@AfterEach
	void removeNamespace() throws IOException {
		if (this.state == null) {
			return;
		}
		// whatever a failed test left running
		ProcessHandle.allProcesses()
			.filter((process) -> process.info().commandLine().orElse("").contains(this.state.toString()))
			.forEach(ProcessHandle::destroyForcibly);
		try {
			this.runner.run("ip", "netns", "del", this.namespace);
		}
		catch (CommandFailedException ex) {
			// never created
		}
		FileSystemUtils.deleteRecursively(this.state);
	}

	@Test
	void setsUpBridgeGatewayDhcpAndNatThenTearsItAllDown() throws IOException {
		String network = UUID.randomUUID().toString();
		BridgeSetup setup = new BridgeSetup("br-test", null, null, "10.99.0.1/24");
		DhcpConfig dhcp = dhcp(network, List.of(new DhcpHost("fa:16:3e:00:00:02", "10.99.0.2", "host-10-99-0-2"),
				new DhcpHost("fa:16:3e:00:00:03", "10.99.0.3", "host-10-99-0-3")));

		this.driver.initHost();
		this.driver.plug(setup);
		this.driver.updateDhcp(dhcp);
		this.driver.bindFloatingIp("203.0.113.5", "10.99.0.2");

		assertThat(inNamespace("ip", "-o", "link", "show", "dev", "br-test")).contains("br-test");
		assertThat(inNamespace("ip", "-o", "-4", "addr", "show", "dev", "br-test")).contains("inet 10.99.0.1/24");
		assertThat(inNamespace("ip", "-o", "-4", "addr", "show", "dev", "pub0")).contains("inet 203.0.113.5/32");
		String nat = inNamespace("iptables", "-t", "nat", "-S");
		assertThat(nat).contains("-A PREROUTING -j nova-network-PREROUTING")
			.contains("-A POSTROUTING -j nova-network-POSTROUTING")
			.contains("-A nova-network-PREROUTING -d 203.0.113.5/32 -j DNAT --to-destination 10.99.0.2")
			.contains("-A nova-network-OUTPUT -d 203.0.113.5/32 -j DNAT --to-destination 10.99.0.2")
			.contains("-A nova-network-POSTROUTING -s 10.99.0.2/32 -j SNAT --to-source 203.0.113.5");
		long pid = this.dnsmasq.runningPid(network).orElseThrow();
		assertThat(ProcessHandle.of(pid)).isPresent();
		assertThat(Files.readAllLines(this.dnsmasq.file(network, "hosts")))
			.containsExactly("fa:16:3e:00:00:02,host-10-99-0-2,10.99.0.2", "fa:16:3e:00:00:03,host-10-99-0-3,10.99.0.3");

		// setting up again changes nothing: same links, addresses, rules and dnsmasq process
		// IPv4 only: IPv6 link-local addresses lose their "tentative" flag in their own time
		String links = inNamespace("ip", "-o", "-4", "addr", "show");
		this.driver.initHost();
		this.driver.plug(setup);
		this.driver.updateDhcp(dhcp);
		this.driver.bindFloatingIp("203.0.113.5", "10.99.0.2");
		assertThat(inNamespace("iptables", "-t", "nat", "-S")).isEqualTo(nat);
		assertThat(inNamespace("ip", "-o", "-4", "addr", "show")).isEqualTo(links);
		assertThat(this.dnsmasq.runningPid(network)).contains(pid);

		// a new host entry reloads the same server (SIGHUP), not a new one
		this.driver.updateDhcp(dhcp(network, List.of(new DhcpHost("fa:16:3e:00:00:02", "10.99.0.2", "host-10-99-0-2"))));
		assertThat(this.dnsmasq.runningPid(network)).contains(pid);
		assertThat(Files.readAllLines(this.dnsmasq.file(network, "hosts")))
			.containsExactly("fa:16:3e:00:00:02,host-10-99-0-2,10.99.0.2");

		this.driver.unbindFloatingIp("203.0.113.5", "10.99.0.2");
		this.driver.stopDhcp(network);
		this.driver.unplug(setup);
		this.driver.tearDownHost();

		assertThat(inNamespace("ip", "-o", "link", "show")).doesNotContain("br-test");
		assertThat(inNamespace("ip", "-o", "-4", "addr", "show", "dev", "pub0")).doesNotContain("203.0.113.5");
		assertThat(inNamespace("iptables", "-t", "nat", "-S")).doesNotContain("nova-network");
		assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive)).isNotEqualTo(java.util.Optional.of(true));
		assertThat(this.dnsmasq.file(network, "hosts")).doesNotExist();
		assertThat(this.dnsmasq.file(network, "conf")).doesNotExist();
	}

	@Test
	void setsUpAndRemovesAVlanInterfaceInItsBridge() {
		assumeTrue(vlanSupported(), "the kernel has no 802.1Q VLAN support (module 8021q)");
		BridgeSetup setup = new BridgeSetup("br105", 105, "pub0", "10.98.0.1/24");
		this.driver.plug(setup);
		this.driver.plug(setup);
		assertThat(inNamespace("ip", "-o", "link", "show", "dev", "vlan105")).contains("master br105");
		assertThat(inNamespace("ip", "-d", "link", "show", "dev", "vlan105")).contains("vlan protocol 802.1Q id 105");
		assertThat(inNamespace("ip", "-o", "-4", "addr", "show", "dev", "br105")).contains("inet 10.98.0.1/24");
		this.driver.unplug(setup);
		assertThat(inNamespace("ip", "-o", "link", "show")).doesNotContain("vlan105").doesNotContain("br105");
	}

	private boolean vlanSupported() {
		try {
			inNamespace("ip", "link", "add", "link", "pub0", "name", "vprobe", "type", "vlan", "id", "4000");
			inNamespace("ip", "link", "delete", "vprobe");
			return true;
		}
		catch (CommandFailedException ex) {
			return false;
		}
	}

	@Test
	void anIpv6SubnetIsAdvertisedSoThatAGuestTakesItsEui64AddressBySlaac() throws Exception {
		String network = UUID.randomUUID().toString();
		String guest = this.namespace + "-g";
		this.driver.plug(new BridgeSetup("br-test", null, null, "10.99.0.1/24"));
		this.driver.plug(new BridgeSetup("br-test", null, null, "fd00:99::1/64"));
		this.driver.plug(new BridgeSetup("br-test", null, null, "fd00:98::1/64"));
		this.driver.plug(new BridgeSetup("br-test", null, null, "fd00:97::1/64"));
		assertThat(inNamespace("ip", "-o", "-6", "addr", "show", "dev", "br-test")).contains("inet6 fd00:99::1/64");
		this.runner.run("ip", "netns", "add", guest);
		try {
			inNamespace("ip", "link", "add", "tap-guest", "type", "veth", "peer", "name", "eth0");
			inNamespace("ip", "link", "set", "eth0", "netns", guest);
			inNamespace("ip", "link", "set", "tap-guest", "master", "br-test");
			inNamespace("ip", "link", "set", "tap-guest", "up");
			DhcpConfig dhcp = new DhcpConfig(network, "br-test", "10.99.0.1", "10.99.0.0", "255.255.255.0", List.of(),
					Duration.ofMinutes(10), List.of(new DhcpHost("fa:16:3e:00:00:08", "fd00:97::10", "host-fd00-97--10")),
					List.of(), List.of(new DhcpConfig.Ipv6Range("fd00:99::", 64, "slaac", List.of()),
							new DhcpConfig.Ipv6Range("fd00:98::", 64, "dhcpv6-stateless", List.of("fd00:98::53")),
							new DhcpConfig.Ipv6Range("fd00:97::", 64, "dhcpv6-stateful", List.of())));
			this.driver.updateDhcp(dhcp);
			long pid = this.dnsmasq.runningPid(network).orElseThrow();

			String[] guestIp = { "ip", "netns", "exec", guest, "ip" };
			this.runner.run(concat(guestIp, "link", "set", "dev", "eth0", "address", "fa:16:3e:00:00:07"));
			this.runner.run(concat(guestIp, "link", "set", "dev", "eth0", "up"));
			// the guest solicits a router; dnsmasq advertises both SLAAC prefixes
			String addresses = "";
			for (int i = 0; i < 200 && !(addresses.contains("fd00:99::f816:3eff:fe00:7/64")
					&& addresses.contains("fd00:98::f816:3eff:fe00:7/64")); i++) {
				Thread.sleep(100);
				addresses = this.runner.run(concat(guestIp, "-o", "-6", "addr", "show", "dev", "eth0")).stdout();
			}
			assertThat(addresses).contains("inet6 fd00:99::f816:3eff:fe00:7/64", "inet6 fd00:98::f816:3eff:fe00:7/64")
				// the stateful prefix is managed: no SLAAC address from it
				.doesNotContain("fd00:97::f816");
			assertThat(this.runner.run(concat(guestIp, "-6", "route", "show", "default")).stdout())
				.contains("via fe80::");

			// again: nothing changes, the same server serves
			String bridge = inNamespace("ip", "-o", "addr", "show", "dev", "br-test");
			this.driver.plug(new BridgeSetup("br-test", null, null, "fd00:99::1/64"));
			this.driver.updateDhcp(dhcp);
			assertThat(this.dnsmasq.runningPid(network)).contains(pid);
			assertThat(inNamespace("ip", "-o", "addr", "show", "dev", "br-test")).isEqualTo(bridge);

			this.driver.stopDhcp(network);
			this.driver.removeGateway("br-test", "fd00:99::1/64");
			assertThat(inNamespace("ip", "-o", "-6", "addr", "show", "dev", "br-test")).doesNotContain("fd00:99::1");
		}
		finally {
			this.runner.run("ip", "netns", "del", guest);
		}
	}

	private static String[] concat(String[] head, String... tail) {
		String[] all = java.util.Arrays.copyOf(head, head.length + tail.length);
		System.arraycopy(tail, 0, all, head.length, tail.length);
		return all;
	}

	private static DhcpConfig dhcp(String network, List<DhcpHost> hosts) {
		return new DhcpConfig(network, "br-test", "10.99.0.1", "10.99.0.0", "255.255.255.0", List.of("192.0.2.53"),
				Duration.ofMinutes(10), hosts);
	}

	private String inNamespace(String... command) {
		String[] full = new String[command.length + 4];
		full[0] = "ip";
		full[1] = "netns";
		full[2] = "exec";
		full[3] = this.namespace;
		System.arraycopy(command, 0, full, 4, command.length);
		return this.runner.run(full).stdout();
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
