package dev.novaboot.network.driver;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The linux driver's commands, checked without running them, so the driver is tested
 * where network namespaces are unavailable: what it runs on an empty host, that it changes
 * nothing on a host already set up, and that bad names never reach a command line.
 */
class LinuxNetworkDriverCommandTests {

	private static final String PREFIX = "sudo ip netns exec nova-test ";

	@TempDir
	Path state;

	/** A host with nothing on it: every check fails, every change succeeds. */
	private static final Function<String, String> EMPTY_HOST = (command) -> command.contains(" ip link show dev ")
			|| command.contains(" -C ") || command.contains(" -S ") ? null : "";

	/** A host already set up: every check succeeds and shows what the driver wants. */
	private static final Function<String, String> SET_UP_HOST = (command) -> {
		if (command.contains("-o -4 addr show dev br101")) {
			return "7: br101    inet 10.1.0.1/24 brd 10.1.0.255 scope global br101\\n";
		}
		if (command.contains("-o -4 addr show dev eth9")) {
			return "3: eth9    inet 203.0.113.5/32 scope global eth9\\n";
		}
		if (command.contains("-o link show dev vlan101")) {
			return "8: vlan101@eth1: <BROADCAST,MULTICAST,UP> mtu 1500 qdisc noqueue master br101 state UP\\n";
		}
		return "";
	};

	private LinuxNetworkDriver driver(RecordingCommandRunner runner) {
		HostCommands commands = new HostCommands(runner, "nova-test");
		return new LinuxNetworkDriver(commands, "eth9", new Dnsmasq(commands, this.state));
	}

	@Test
	void plugsAVlanNetworkOnAnEmptyHost() {
		RecordingCommandRunner runner = new RecordingCommandRunner(List.of("sudo"), EMPTY_HOST);
		driver(runner).plug(new BridgeSetup("br101", 101, "eth1", "10.1.0.1/24"));
		assertThat(runner.changes()).containsExactly(PREFIX + "ip link add name br101 type bridge",
				PREFIX + "ip link set dev br101 up", PREFIX + "ip link add link eth1 name vlan101 type vlan id 101",
				PREFIX + "ip link set dev vlan101 master br101", PREFIX + "ip link set dev vlan101 up",
				PREFIX + "ip addr add 10.1.0.1/24 brd + dev br101");
	}

	@Test
	void changesNothingOnAHostAlreadySetUp() {
		RecordingCommandRunner runner = new RecordingCommandRunner(List.of("sudo"), SET_UP_HOST);
		LinuxNetworkDriver driver = driver(runner);
		driver.initHost();
		driver.plug(new BridgeSetup("br101", 101, "eth1", "10.1.0.1/24"));
		driver.bindFloatingIp("203.0.113.5", "10.1.0.2");
		// "set up" of a link that is up is the only command that is not a check, and it changes nothing
		assertThat(runner.changes()).containsExactly(PREFIX + "ip link set dev br101 up",
				PREFIX + "ip link set dev vlan101 up");
	}

	@Test
	void natChainsAndFloatingIpRules() {
		RecordingCommandRunner runner = new RecordingCommandRunner(List.of(), EMPTY_HOST);
		LinuxNetworkDriver driver = driver(runner);
		driver.initHost();
		driver.bindFloatingIp("203.0.113.5", "10.1.0.2");
		String ns = "ip netns exec nova-test ";
		assertThat(runner.changes()).containsExactly(ns + "iptables -w -t nat -N nova-network-PREROUTING",
				ns + "iptables -w -t nat -A PREROUTING -j nova-network-PREROUTING",
				ns + "iptables -w -t nat -N nova-network-OUTPUT",
				ns + "iptables -w -t nat -A OUTPUT -j nova-network-OUTPUT",
				ns + "iptables -w -t nat -N nova-network-POSTROUTING",
				ns + "iptables -w -t nat -A POSTROUTING -j nova-network-POSTROUTING",
				ns + "ip addr add 203.0.113.5/32 dev eth9",
				ns + "iptables -w -t nat -A nova-network-PREROUTING -d 203.0.113.5/32 -j DNAT --to-destination 10.1.0.2",
				ns + "iptables -w -t nat -A nova-network-OUTPUT -d 203.0.113.5/32 -j DNAT --to-destination 10.1.0.2",
				ns + "iptables -w -t nat -A nova-network-POSTROUTING -s 10.1.0.2/32 -j SNAT --to-source 203.0.113.5");
	}

	@Test
	void unplugRemovesWhatPlugAdded() {
		RecordingCommandRunner runner = new RecordingCommandRunner(List.of("sudo"), SET_UP_HOST);
		driver(runner).unplug(new BridgeSetup("br101", 101, "eth1", "10.1.0.1/24"));
		assertThat(runner.changes()).containsExactly(PREFIX + "ip addr del 10.1.0.1/24 dev br101",
				PREFIX + "ip link delete dev vlan101", PREFIX + "ip link delete dev br101 type bridge");
	}

	@Test
	void removesTheGatewayOfADeletedSubnetOnly() {
		RecordingCommandRunner runner = new RecordingCommandRunner(List.of("sudo"), SET_UP_HOST);
		driver(runner).removeGateway("br101", "10.1.0.1/24");
		assertThat(runner.changes()).containsExactly(PREFIX + "ip addr del 10.1.0.1/24 dev br101");
	}

	@Test
	void keepsABridgeThatOtherInterfacesUse() {
		Function<String, String> operatorsBridge = (command) -> command.contains("-o link show master br100")
				? "2: eth0: <BROADCAST,MULTICAST,UP> mtu 1500 master br100 state UP\\n" : "";
		RecordingCommandRunner runner = new RecordingCommandRunner(List.of(), operatorsBridge);
		driver(runner).unplug(new BridgeSetup("br100", null, null, null));
		assertThat(runner.changes()).isEmpty();
	}

	@Test
	void badNamesNeverReachACommandLine() {
		RecordingCommandRunner runner = new RecordingCommandRunner(List.of(), EMPTY_HOST);
		LinuxNetworkDriver driver = driver(runner);
		assertThatIllegalArgumentException().isThrownBy(() -> driver.plug(new BridgeSetup("br0;reboot", null, null, null)));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> driver.plug(new BridgeSetup("a-name-longer-than-15", null, null, null)));
		assertThatIllegalArgumentException().isThrownBy(() -> driver.bindFloatingIp("203.0.113.5 -j ACCEPT", "10.0.0.2"));
		assertThatIllegalArgumentException().isThrownBy(() -> new HostCommands(runner, "ns; rm -rf /"));
		assertThat(runner.commands).isEmpty();
	}

	@Test
	void hostRoutesAreHandedOutAsClasslessStaticRoutesWithTheDefaultRoute() throws Exception {
		RecordingCommandRunner runner = new RecordingCommandRunner(List.of("sudo"), EMPTY_HOST);
		String network = "6f1d0c43-2b7e-4d55-9a55-0c5a2f3e4b11";
		driver(runner).updateDhcp(new DhcpConfig(network, "br101", "10.1.0.1", "10.1.0.0", "255.255.255.0", List.of(),
				Duration.ofMinutes(10), List.of(), List.of(new DhcpConfig.HostRoute("192.168.50.0/24", "10.1.0.254"),
						new DhcpConfig.HostRoute("172.16.0.0/12", "10.1.0.253"))));
		String routes = "192.168.50.0/24,10.1.0.254,172.16.0.0/12,10.1.0.253,0.0.0.0/0,10.1.0.1";
		// RFC 3442 clients ignore the router option once they get classless routes: the default route goes with them
		assertThat(Files.readAllLines(this.state.resolve("dnsmasq-" + network + ".conf")))
			.contains("dhcp-option=tag:net,option:router,10.1.0.1",
					"dhcp-option=tag:net,option:classless-static-route," + routes, "dhcp-option=tag:net,249," + routes);
		assertThat(runner.changes()).contains(PREFIX + "dnsmasq --conf-file="
				+ this.state.toAbsolutePath().normalize().resolve("dnsmasq-" + network + ".conf"));
	}

	@Test
	void withoutHostRoutesNoRouteOptionIsWrittenAndABadRouteNeverReachesTheFile() throws Exception {
		RecordingCommandRunner runner = new RecordingCommandRunner(List.of("sudo"), EMPTY_HOST);
		String network = "6f1d0c43-2b7e-4d55-9a55-0c5a2f3e4b12";
		driver(runner).updateDhcp(new DhcpConfig(network, "br101", "10.1.0.1", "10.1.0.0", "255.255.255.0", List.of(),
				Duration.ofMinutes(10), List.of()));
		assertThat(Files.readString(this.state.resolve("dnsmasq-" + network + ".conf")))
			.doesNotContain("classless-static-route")
			.doesNotContain(",249,");
		String other = "6f1d0c43-2b7e-4d55-9a55-0c5a2f3e4b13";
		assertThatIllegalArgumentException().isThrownBy(() -> driver(runner).updateDhcp(new DhcpConfig(other, "br101",
				"10.1.0.1", "10.1.0.0", "255.255.255.0", List.of(), Duration.ofMinutes(10), List.of(),
				List.of(new DhcpConfig.HostRoute("10.2.0.0/24\ndhcp-option=3", "10.1.0.254")))));
		assertThat(this.state.resolve("dnsmasq-" + other + ".conf")).doesNotExist();
	}

	private static final String ROUTER = "0d3c3a56-7c0e-4b8e-9d6e-2f2f6a1b1c11";

	private static RouterSetup router(String routerId, String mac, String floating) {
		return new RouterSetup(routerId,
				List.of(new RouterSetup.Interface("11111111-2222-3333-4444-555555555555", mac, "br-int", "10.0.0.1/24")),
				new RouterSetup.Gateway("66666666-7777-8888-9999-000000000000", "fa:16:3e:00:00:02", "br-ext",
						"203.0.113.10/24", "203.0.113.1", true),
				List.of(new RouterSetup.FloatingNat(floating, "10.0.0.5")));
	}

	@Test
	void setsUpARouterNamespaceWithItsPortsRoutesAndNatOnAnEmptyHost() {
		// nothing exists: no link, no rule; chains list empty
		RecordingCommandRunner runner = new RecordingCommandRunner(List.of("sudo"),
				(command) -> command.contains(" ip link show dev ") || command.contains(" -C ") ? null : "");
		driver(runner).applyRouter(router(ROUTER, "fa:16:3e:00:00:01", "203.0.113.20"));
		String ns = "sudo ip netns exec qrouter-" + ROUTER + " ";
		assertThat(runner.changes()).containsSubsequence("sudo ip netns add qrouter-" + ROUTER,
				ns + "sysctl -w net.ipv4.ip_forward=1",
				PREFIX + "ip link add name tap11111111-22 type veth peer name qr-11111111-22",
				PREFIX + "ip link set dev qr-11111111-22 netns qrouter-" + ROUTER,
				PREFIX + "ip link set dev tap11111111-22 master br-int",
				ns + "ip link set dev qr-11111111-22 address fa:16:3e:00:00:01",
				ns + "ip addr add 10.0.0.1/24 brd + dev qr-11111111-22",
				PREFIX + "ip link add name tap66666666-77 type veth peer name qg-66666666-77",
				PREFIX + "ip link set dev tap66666666-77 master br-ext",
				ns + "ip addr add 203.0.113.10/24 dev qg-66666666-77",
				ns + "ip addr add 203.0.113.20/32 dev qg-66666666-77",
				ns + "ip -4 route replace default via 203.0.113.1 dev qg-66666666-77",
				ns + "iptables -w -t nat -A PREROUTING -j nova-router-PREROUTING",
				ns + "iptables -w -t nat -A nova-router-PREROUTING -d 203.0.113.20/32 -j DNAT --to-destination 10.0.0.5",
				ns + "iptables -w -t nat -A nova-router-OUTPUT -d 203.0.113.20/32 -j DNAT --to-destination 10.0.0.5",
				ns + "iptables -w -t nat -A nova-router-POSTROUTING -s 10.0.0.5/32 -o qg-66666666-77 -j SNAT "
						+ "--to-source 203.0.113.20",
				ns + "iptables -w -t nat -A nova-router-POSTROUTING -o qg-66666666-77 -j SNAT --to-source 203.0.113.10");
	}

	@Test
	void removingARouterDeletesItsNamespaceOnlyWhenItExists() {
		RecordingCommandRunner absent = new RecordingCommandRunner(List.of("sudo"), (command) -> "");
		driver(absent).removeRouter(ROUTER);
		assertThat(absent.changes()).containsExactly("sudo ip netns list");
		RecordingCommandRunner present = new RecordingCommandRunner(List.of("sudo"),
				(command) -> command.endsWith("netns list") ? "qrouter-" + ROUTER + " (id: 3)\n" : "");
		driver(present).removeRouter(ROUTER);
		assertThat(present.changes()).containsExactly("sudo ip netns list", "sudo ip netns delete qrouter-" + ROUTER);
	}

	@Test
	void badRouterIdsMacsAndAddressesNeverReachACommandLine() {
		RecordingCommandRunner runner = new RecordingCommandRunner(List.of("sudo"), (command) -> "");
		LinuxNetworkDriver driver = driver(runner);
		assertThatIllegalArgumentException().isThrownBy(() -> driver.applyRouter(router("x; reboot", "fa:16:3e:00:00:01",
				"203.0.113.20")));
		assertThatIllegalArgumentException().isThrownBy(() -> driver.removeRouter("../../etc"));
		assertThat(runner.commands).isEmpty();
		assertThatIllegalArgumentException().isThrownBy(() -> driver.applyRouter(router(ROUTER, "fa:16:3e:00:00:01 up",
				"203.0.113.20")));
		assertThatIllegalArgumentException().isThrownBy(() -> driver.applyRouter(router(ROUTER, "fa:16:3e:00:00:01",
				"203.0.113.20 -j ACCEPT")));
		assertThat(runner.commands).isEmpty();
	}

	private static final String PORT = "a1b2c3d4-e5f6-4a5b-8c7d-0123456789ab";

	@Test
	void filtersAPortWithItsChainsOnAHostWithoutThem() {
		// a host without our chains until the driver makes them (-N), with bridged traffic not yet filtered
		java.util.Set<String> chains = new java.util.HashSet<>();
		RecordingCommandRunner runner = new RecordingCommandRunner(List.of("sudo"), (command) -> {
			if (command.contains(" -N ")) {
				chains.add(command.substring(command.indexOf(" -N ") + 4));
			}
			if (command.contains(" -S ")) {
				return chains.contains(command.substring(command.indexOf(" -S ") + 4)) ? "" : null;
			}
			return command.contains(" -C ") ? null : command.contains("sysctl -n") ? "0" : "";
		});
		driver(runner).applyPortFilter(new PortFilter(PORT, "fa:16:3e:00:00:05", List.of("10.0.0.5"),
				List.of(new PortFilter.Rule("ingress", "tcp", 22, 22, "0.0.0.0/0"),
						new PortFilter.Rule("ingress", "icmp", 8, null, "10.0.0.0/24"),
						new PortFilter.Rule("egress", null, null, null, null))));
		assertThat(runner.changes()).contains(PREFIX + "sysctl -w net.bridge.bridge-nf-call-iptables=1",
				PREFIX + "iptables -w -N nova-sg-chain",
				PREFIX + "iptables -w -A FORWARD -m physdev --physdev-is-bridged -j nova-sg-chain",
				PREFIX + "iptables -w -A nova-sa1b2c3d4-e -s 10.0.0.5/32 -m mac --mac-source FA:16:3E:00:00:05 -j RETURN",
				PREFIX + "iptables -w -A nova-sa1b2c3d4-e -j DROP",
				PREFIX + "iptables -w -A nova-ia1b2c3d4-e -p tcp -m tcp --dport 22 -j RETURN",
				PREFIX + "iptables -w -A nova-ia1b2c3d4-e -s 10.0.0.0/24 -p icmp -m icmp --icmp-type 8 -j RETURN",
				PREFIX + "iptables -w -A nova-ia1b2c3d4-e -j DROP",
				PREFIX + "iptables -w -A nova-oa1b2c3d4-e -j nova-sa1b2c3d4-e",
				PREFIX + "iptables -w -A nova-oa1b2c3d4-e -j RETURN",
				PREFIX + "iptables -w -A nova-sg-chain -m physdev --physdev-out tapa1b2c3d4-e5 --physdev-is-bridged "
						+ "-j nova-ia1b2c3d4-e",
				PREFIX + "iptables -w -A nova-sg-chain -m physdev --physdev-in tapa1b2c3d4-e5 --physdev-is-bridged "
						+ "-j nova-oa1b2c3d4-e");
	}

	@Test
	void badPortIdsMacsAndPrefixesNeverReachAFirewallCommand() {
		RecordingCommandRunner runner = new RecordingCommandRunner(List.of("sudo"), (command) -> "");
		LinuxNetworkDriver driver = driver(runner);
		assertThatIllegalArgumentException().isThrownBy(() -> driver.applyPortFilter(new PortFilter("x -j ACCEPT",
				"fa:16:3e:00:00:05", List.of("10.0.0.5"), List.of())));
		assertThatIllegalArgumentException().isThrownBy(() -> driver.applyPortFilter(new PortFilter(PORT,
				"fa:16:3e:00:00:05 -j ACCEPT", List.of("10.0.0.5"), List.of())));
		assertThatIllegalArgumentException().isThrownBy(() -> driver.applyPortFilter(new PortFilter(PORT,
				"fa:16:3e:00:00:05", List.of("10.0.0.5"),
				List.of(new PortFilter.Rule("ingress", "tcp", 22, 22, "0.0.0.0/0 -j ACCEPT")))));
		assertThatIllegalArgumentException().isThrownBy(() -> driver.removePortFilter("../x"));
		assertThat(runner.commands).isEmpty();
	}

}
