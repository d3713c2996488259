package dev.novaboot.network.driver;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import dev.novaboot.service.command.CommandFailedException;
import dev.novaboot.service.command.CommandRunner;
import dev.novaboot.service.testsupport.HostTools;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Security groups enforced for real: a "host" namespace holds a bridge with two instances
 * (each a namespace on a veth pair); the filtered one's device is {@code tap<port[:11]>}.
 * What a rule allows passes, anything else is dropped, replies pass, and a spoofed source
 * address leaves nothing. Needs root, iproute2, iptables (with br_netfilter) and socat.
 */
class LinuxPortFirewallNamespaceTests {

	private static final String FILTERED = "10.96.0.5";

	private static final String OTHER = "10.96.0.6";

	private static final String MAC = "fa:16:3e:00:20:05";

	private final CommandRunner runner = new CommandRunner(List.of(), Duration.ofSeconds(20));

	private final String suffix = UUID.randomUUID().toString().substring(0, 8);

	private final String host = "nova-fwhost-" + this.suffix;

	private final String filtered = "nova-fwa-" + this.suffix;

	private final String other = "nova-fwb-" + this.suffix;

	private final String portId = UUID.randomUUID().toString();

	private final List<Process> servers = new ArrayList<>();

	private LinuxNetworkDriver driver;

	private boolean created;

	@BeforeEach
	void createHostAndInstances() {
		HostTools.require(available("ip", "-V") && available("iptables", "--version") && available("socat", "-V"),
				"needs iproute2, iptables and socat");
		HostTools.require("root".equals(System.getProperty("user.name")), "needs root for network namespaces");
		this.created = true;
		for (String namespace : List.of(this.host, this.filtered, this.other)) {
			this.runner.run("ip", "netns", "add", namespace);
			in(namespace, "ip", "link", "set", "lo", "up");
		}
		in(this.host, "ip", "link", "add", "br-int", "type", "bridge");
		in(this.host, "ip", "link", "set", "br-int", "up");
		HostTools.require(bridgeNetfilter(), "the kernel has no br_netfilter (net.bridge.bridge-nf-call-iptables)");
		attach(this.filtered, "tap" + this.portId.substring(0, 11), FILTERED, MAC);
		attach(this.other, "vother", OTHER, null);
		this.driver = new LinuxNetworkDriver(new HostCommands(this.runner, this.host), "br-int",
				new Dnsmasq(new HostCommands(this.runner, this.host), java.nio.file.Path.of("/tmp")));
	}

	private boolean bridgeNetfilter() {
		try {
			in(this.host, "sysctl", "-n", "net.bridge.bridge-nf-call-iptables");
			return true;
		}
		catch (CommandFailedException ex) {
			return false;
		}
	}

	private void attach(String namespace, String device, String address, String mac) {
		in(this.host, "ip", "link", "add", device, "type", "veth", "peer", "name", "eth0");
		in(this.host, "ip", "link", "set", "eth0", "netns", namespace);
		in(this.host, "ip", "link", "set", device, "master", "br-int");
		in(this.host, "ip", "link", "set", device, "up");
		if (mac != null) {
			in(namespace, "ip", "link", "set", "eth0", "address", mac);
		}
		in(namespace, "ip", "addr", "add", address + "/24", "dev", "eth0");
		in(namespace, "ip", "link", "set", "eth0", "up");
	}

	@AfterEach
	void removeNamespaces() {
		this.servers.forEach(Process::destroyForcibly);
		if (!this.created) {
			return;
		}
		for (String namespace : List.of(this.filtered, this.other, this.host)) {
			try {
				this.runner.run("ip", "netns", "del", namespace);
			}
			catch (CommandFailedException ex) {
				// never created
			}
		}
	}

	private PortFilter filter(List<PortFilter.Rule> rules) {
		return new PortFilter(this.portId, MAC, List.of(FILTERED), rules);
	}

	private static final PortFilter.Rule EGRESS = new PortFilter.Rule("egress", null, null, null, null);

	@Test
	void onlyWhatARuleAllowsReachesThePortAndRepliesPass() throws Exception {
		serveEchoingThePeer(this.filtered, 8080);
		serveEchoingThePeer(this.filtered, 8081);
		serveEchoingThePeer(this.other, 9000);
		assertThat(connect(this.other, FILTERED, 8081)).isEqualTo(OTHER);

		this.driver.applyPortFilter(filter(List.of(new PortFilter.Rule("ingress", "tcp", 8080, 8080, "0.0.0.0/0"), EGRESS)));

		assertThat(connect(this.other, FILTERED, 8080)).isEqualTo(OTHER);
		assertThatThrownBy(() -> connect(this.other, FILTERED, 8081)).isInstanceOf(CommandFailedException.class);
		// the port's own connections go out, and their replies come back
		assertThat(connect(this.filtered, OTHER, 9000)).isEqualTo(FILTERED);

		// applying the same again changes nothing
		String rules = in(this.host, "iptables", "-S");
		this.driver.applyPortFilter(filter(List.of(new PortFilter.Rule("ingress", "tcp", 8080, 8080, "0.0.0.0/0"), EGRESS)));
		assertThat(in(this.host, "iptables", "-S")).isEqualTo(rules);

		this.driver.removePortFilter(this.portId);
		assertThat(connect(this.other, FILTERED, 8081)).isEqualTo(OTHER);
		assertThat(in(this.host, "iptables", "-S")).doesNotContain("nova-i" + this.portId.substring(0, 10));
	}

	@Test
	void aRuleFromAnotherPrefixAdmitsNothingAndNoEgressRuleLetsNothingOut() throws Exception {
		serveEchoingThePeer(this.filtered, 8080);
		serveEchoingThePeer(this.other, 9000);
		this.driver.applyPortFilter(filter(List.of(new PortFilter.Rule("ingress", "tcp", 8080, 8080, "10.96.0.7/32"))));

		assertThatThrownBy(() -> connect(this.other, FILTERED, 8080)).isInstanceOf(CommandFailedException.class);
		assertThatThrownBy(() -> connect(this.filtered, OTHER, 9000)).isInstanceOf(CommandFailedException.class);

		this.driver.applyPortFilter(filter(List.of(new PortFilter.Rule("ingress", "tcp", null, null, "10.96.0.0/24"))));
		assertThat(connect(this.other, FILTERED, 8080)).isEqualTo(OTHER);
	}

	@Test
	void aSpoofedSourceAddressLeavesNothing() throws Exception {
		serveEchoingThePeer(this.other, 9000);
		this.driver.applyPortFilter(filter(List.of(EGRESS)));
		assertThat(connect(this.filtered, OTHER, 9000)).isEqualTo(FILTERED);
		in(this.filtered, "ip", "addr", "add", "10.96.0.99/24", "dev", "eth0");
		assertThatThrownBy(() -> in(this.filtered, "socat", "-T3", "-",
				"TCP:" + OTHER + ":9000,connect-timeout=3,bind=10.96.0.99")).isInstanceOf(CommandFailedException.class);
	}

	@Test
	void ipv6RulesAreEnforcedWithIp6tablesAndNeighborDiscoveryStillWorks() throws Exception {
		HostTools.require(available("ip6tables", "--version"), "needs ip6tables");
		// no duplicate address detection: the addresses serve at once
		in(this.filtered, "ip", "addr", "add", "fd00:96::5/64", "dev", "eth0", "nodad");
		in(this.other, "ip", "addr", "add", "fd00:96::6/64", "dev", "eth0", "nodad");
		serveEchoingThePeer6(this.filtered, 8080);
		serveEchoingThePeer6(this.filtered, 8081);
		serveEchoingThePeer6(this.other, 9000);
		PortFilter filter = new PortFilter(this.portId, MAC, List.of(FILTERED, "fd00:96::5"),
				List.of(new PortFilter.Rule("ingress", "tcp", 8080, 8080, "::/0", "IPv6"),
						new PortFilter.Rule("egress", null, null, null, null, "IPv6")));
		this.driver.applyPortFilter(filter);

		// socat shows the peer's address in full
		assertThat(connect6(this.other, "fd00:96::5", 8080)).isEqualTo(OTHER6);
		assertThatThrownBy(() -> connect6(this.other, "fd00:96::5", 8081)).isInstanceOf(CommandFailedException.class);
		assertThat(connect6(this.filtered, "fd00:96::6", 9000)).isEqualTo("[fd00:0096:0000:0000:0000:0000:0000:0005]");
		// an IPv4 rule is no IPv6 rule: IPv4 has none here, so nothing IPv4 reaches the port
		serveEchoingThePeer(this.filtered, 8082);
		assertThatThrownBy(() -> connect(this.other, FILTERED, 8082)).isInstanceOf(CommandFailedException.class);

		String rules = in(this.host, "ip6tables", "-S");
		this.driver.applyPortFilter(filter);
		assertThat(in(this.host, "ip6tables", "-S")).isEqualTo(rules);
		this.driver.removePortFilter(this.portId);
		assertThat(connect6(this.other, "fd00:96::5", 8081)).isEqualTo(OTHER6);
		assertThat(in(this.host, "ip6tables", "-S")).doesNotContain("nova-i" + this.portId.substring(0, 10));
	}

	private static final String OTHER6 = "[fd00:0096:0000:0000:0000:0000:0000:0006]";

	private void serveEchoingThePeer6(String namespace, int port) throws Exception {
		Process server = new ProcessBuilder("ip", "netns", "exec", namespace, "socat",
				"TCP6-LISTEN:" + port + ",fork,reuseaddr", "SYSTEM:echo $SOCAT_PEERADDR").redirectErrorStream(true)
			.start();
		this.servers.add(server);
		for (int i = 0; i < 50 && !in(namespace, "ss", "-ltn").contains(":" + port); i++) {
			Thread.sleep(100);
		}
	}

	private String connect6(String namespace, String address, int port) {
		return in(namespace, "socat", "-T3", "-", "TCP6:[" + address + "]:" + port + ",connect-timeout=3").trim();
	}

	private void serveEchoingThePeer(String namespace, int port) throws Exception {
		Process server = new ProcessBuilder("ip", "netns", "exec", namespace, "socat",
				"TCP-LISTEN:" + port + ",fork,reuseaddr", "SYSTEM:echo $SOCAT_PEERADDR").redirectErrorStream(true)
			.start();
		this.servers.add(server);
		for (int i = 0; i < 50 && !in(namespace, "ss", "-ltn").contains(":" + port); i++) {
			Thread.sleep(100);
		}
	}

	private String connect(String namespace, String address, int port) {
		return in(namespace, "socat", "-T3", "-", "TCP:" + address + ":" + port + ",connect-timeout=3").trim();
	}

	private String in(String namespace, String... command) {
		String[] full = new String[command.length + 4];
		full[0] = "ip";
		full[1] = "netns";
		full[2] = "exec";
		full[3] = namespace;
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
