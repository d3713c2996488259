package dev.novaboot.network.driver;

import java.io.IOException;
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
 * A router of the linux driver for real: a "host" namespace holds the guest network's
 * bridge and the external network's bridge, a "guest" namespace is an instance on the
 * first and an "external" namespace a machine on the second. Through the router's own
 * namespace the guest reaches the outside (with the gateway's address under SNAT, its
 * floating IP's once it has one) and the outside reaches the guest by its floating IP.
 * Needs root, iproute2, iptables and socat; skipped, saying so, without them.
 */
class LinuxRouterNamespaceTests {

	private static final String GUEST = "10.97.0.5";

	private static final String OUTSIDE = "203.0.113.1";

	private static final String GATEWAY = "203.0.113.10";

	private static final String FLOATING = "203.0.113.20";

	private final CommandRunner runner = new CommandRunner(List.of(), Duration.ofSeconds(20));

	private final String suffix = UUID.randomUUID().toString().substring(0, 8);

	private final String host = "nova-host-" + this.suffix;

	private final String guest = "nova-guest-" + this.suffix;

	private final String outside = "nova-ext-" + this.suffix;

	private final String routerId = UUID.randomUUID().toString();

	private final List<Process> servers = new ArrayList<>();

	private LinuxNetworkDriver driver;

	private boolean created;

	@BeforeEach
	void createHostGuestAndOutside() throws IOException {
		HostTools.require(available("ip", "-V") && available("iptables", "--version") && available("socat", "-V"),
				"needs iproute2, iptables and socat");
		HostTools.require("root".equals(System.getProperty("user.name")), "needs root for network namespaces");
		this.created = true;
		for (String namespace : List.of(this.host, this.guest, this.outside)) {
			this.runner.run("ip", "netns", "add", namespace);
			in(namespace, "ip", "link", "set", "lo", "up");
		}
		for (String bridge : List.of("br-int", "br-ext")) {
			in(this.host, "ip", "link", "add", bridge, "type", "bridge");
			in(this.host, "ip", "link", "set", bridge, "up");
		}
		attach(this.guest, "br-int", "vguest", GUEST + "/24", "10.97.0.1");
		attach(this.outside, "br-ext", "vext", OUTSIDE + "/24", null);
		this.driver = new LinuxNetworkDriver(new HostCommands(this.runner, this.host), "br-ext",
				new Dnsmasq(new HostCommands(this.runner, this.host), java.nio.file.Path.of("/tmp")));
	}

	// a machine: a veth pair from its namespace to the bridge in the host namespace
	private void attach(String namespace, String bridge, String name, String cidr, String defaultRoute) {
		in(this.host, "ip", "link", "add", name, "type", "veth", "peer", "name", "eth0");
		in(this.host, "ip", "link", "set", "eth0", "netns", namespace);
		in(this.host, "ip", "link", "set", name, "master", bridge);
		in(this.host, "ip", "link", "set", name, "up");
		in(namespace, "ip", "addr", "add", cidr, "dev", "eth0");
		in(namespace, "ip", "link", "set", "eth0", "up");
		if (defaultRoute != null) {
			in(namespace, "ip", "route", "add", "default", "via", defaultRoute);
		}
	}

	@AfterEach
	void removeNamespaces() {
		this.servers.forEach(Process::destroyForcibly);
		if (!this.created) {
			return;
		}
		for (String namespace : List.of(RouterSetup.namespace(this.routerId), this.guest, this.outside, this.host)) {
			try {
				this.runner.run("ip", "netns", "del", namespace);
			}
			catch (CommandFailedException ex) {
				// never created, or already removed by the test
			}
		}
	}

	@Test
	void theGuestReachesTheOutsideThroughTheRouterWithTheGatewaysAddressUnderSnat() throws Exception {
		this.driver.applyRouter(router(true, List.of()));
		serveEchoingThePeer(this.outside, 8080);

		assertThat(connect(this.guest, OUTSIDE, 8080)).isEqualTo(GATEWAY);
		String namespace = RouterSetup.namespace(this.routerId);
		assertThat(in(namespace, "ip", "-o", "-4", "addr", "show")).contains("inet 10.97.0.1/24")
			.contains("inet " + GATEWAY + "/24");
		assertThat(in(this.host, "ip", "-o", "link", "show", "master", "br-int")).contains("tap" + interfacePort().substring(0, 11));
	}

	@Test
	void withoutSnatTheOutsideCannotAnswerTheGuestsPrivateAddress() throws Exception {
		this.driver.applyRouter(router(false, List.of()));
		serveEchoingThePeer(this.outside, 8080);

		assertThatThrownBy(() -> connect(this.guest, OUTSIDE, 8080)).isInstanceOf(CommandFailedException.class);
		assertThat(in(RouterSetup.namespace(this.routerId), "iptables", "-t", "nat", "-S", "nova-router-POSTROUTING"))
			.doesNotContain("SNAT");
	}

	@Test
	void theOutsideReachesTheGuestByItsFloatingIpAndTheGuestLeavesWithIt() throws Exception {
		RouterSetup setup = router(true, List.of(new RouterSetup.FloatingNat(FLOATING, GUEST)));
		this.driver.applyRouter(setup);
		serveEchoingThePeer(this.guest, 8081);
		serveEchoingThePeer(this.outside, 8080);

		assertThat(connect(this.outside, FLOATING, 8081)).isEqualTo(OUTSIDE);
		assertThat(connect(this.guest, OUTSIDE, 8080)).isEqualTo(FLOATING);

		// applying the same again changes nothing; without the floating IP the guest is unreachable again
		String namespace = RouterSetup.namespace(this.routerId);
		String nat = in(namespace, "iptables", "-t", "nat", "-S");
		String addresses = in(namespace, "ip", "-o", "-4", "addr", "show");
		this.driver.applyRouter(setup);
		assertThat(in(namespace, "iptables", "-t", "nat", "-S")).isEqualTo(nat);
		assertThat(in(namespace, "ip", "-o", "-4", "addr", "show")).isEqualTo(addresses);
		this.driver.applyRouter(router(true, List.of()));
		assertThatThrownBy(() -> connect(this.outside, FLOATING, 8081)).isInstanceOf(CommandFailedException.class);
		assertThat(connect(this.guest, OUTSIDE, 8080)).isEqualTo(GATEWAY);
	}

	@Test
	void aRemovedInterfaceAndARemovedRouterLeaveNothingBehind() {
		this.driver.applyRouter(router(true, List.of()));
		this.driver.applyRouter(new RouterSetup(this.routerId, List.of(), null, List.of()));
		String namespace = RouterSetup.namespace(this.routerId);
		assertThat(in(namespace, "ip", "-o", "link", "show")).doesNotContain("qr-").doesNotContain("qg-");
		assertThat(in(namespace, "ip", "-4", "route", "show", "default")).isBlank();
		assertThat(in(this.host, "ip", "-o", "link", "show")).doesNotContain("tap" + interfacePort().substring(0, 11));

		this.driver.removeRouter(this.routerId);
		this.driver.removeRouter(this.routerId);
		assertThat(this.runner.run("ip", "netns", "list").stdout()).doesNotContain(namespace);
	}

	@Test
	void aStaticRouteLeadsThroughItsNexthopAndGoesWhenNoLongerListed() throws Exception {
		// a network behind the guest, which routes it: its address on the guest's loopback
		in(this.guest, "ip", "addr", "add", "192.168.77.1/32", "dev", "lo");
		in(this.outside, "ip", "route", "add", "192.168.77.0/24", "via", GATEWAY);
		serveEchoingThePeer(this.guest, 8082);
		this.driver.applyRouter(router(true, List.of()));
		assertThatThrownBy(() -> connect(this.outside, "192.168.77.1", 8082)).isInstanceOf(CommandFailedException.class);

		RouterSetup routed = router(true, List.of(), List.of(new RouterSetup.Route("192.168.77.0/24", GUEST)));
		this.driver.applyRouter(routed);
		assertThat(connect(this.outside, "192.168.77.1", 8082)).isEqualTo(OUTSIDE);
		String namespace = RouterSetup.namespace(this.routerId);
		String routes = in(namespace, "ip", "-4", "route", "show");
		assertThat(routes).contains("192.168.77.0/24 via " + GUEST + " dev qr-" + interfacePort().substring(0, 11)
				+ " proto static");
		this.driver.applyRouter(routed);
		assertThat(in(namespace, "ip", "-4", "route", "show")).isEqualTo(routes);

		this.driver.applyRouter(router(true, List.of()));
		assertThat(in(namespace, "ip", "-4", "route", "show")).doesNotContain("192.168.77.0/24")
			.contains("default via " + OUTSIDE);
		assertThatThrownBy(() -> connect(this.outside, "192.168.77.1", 8082)).isInstanceOf(CommandFailedException.class);
	}

	private RouterSetup router(boolean snat, List<RouterSetup.FloatingNat> floatingIps) {
		return router(snat, floatingIps, List.of());
	}

	private RouterSetup router(boolean snat, List<RouterSetup.FloatingNat> floatingIps, List<RouterSetup.Route> routes) {
		return new RouterSetup(this.routerId,
				List.of(new RouterSetup.Interface(interfacePort(), "fa:16:3e:00:10:01", "br-int", "10.97.0.1/24")),
				new RouterSetup.Gateway(gatewayPort(), "fa:16:3e:00:10:02", "br-ext", GATEWAY + "/24", OUTSIDE, snat),
				floatingIps, routes);
	}

	private String interfacePort() {
		return "1" + this.routerId.substring(1);
	}

	private String gatewayPort() {
		return "2" + this.routerId.substring(1);
	}

	// a TCP server in the namespace that answers each connection with the address it came from
	private void serveEchoingThePeer(String namespace, int port) throws Exception {
		Process server = new ProcessBuilder("ip", "netns", "exec", namespace, "socat",
				"TCP-LISTEN:" + port + ",fork,reuseaddr", "SYSTEM:echo $SOCAT_PEERADDR").redirectErrorStream(true)
			.start();
		this.servers.add(server);
		for (int i = 0; i < 50 && !in(namespace, "ss", "-ltn").contains(":" + port); i++) {
			Thread.sleep(100);
		}
	}

	// the address the server saw this connection come from
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
