package dev.novaboot.network.driver;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The linux driver's IPv6 and static-route commands, checked without running them: IPv6
 * gateways on bridges, dnsmasq's router advertisements and DHCPv6 per subnet mode,
 * ip6tables chains for a port's IPv6 rules, and a router's static routes.
 */
class LinuxNetworkDriverIpv6CommandTests {

	private static final String PREFIX = "sudo ip netns exec nova-test ";

	private static final String PORT = "a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d";

	private static final String ROUTER = "0d3c3a56-7c0e-4b8e-9d6e-2f2f6a1b1c11";

	@TempDir
	Path state;

	private static final Function<String, String> EMPTY_HOST = (command) -> command.contains(" ip link show dev ")
			|| command.contains(" -C ") || command.contains(" -S ") ? null : "";

	private LinuxNetworkDriver driver(RecordingCommandRunner runner) {
		HostCommands commands = new HostCommands(runner, "nova-test");
		return new LinuxNetworkDriver(commands, "eth9", new Dnsmasq(commands, this.state));
	}

	@Test
	void anIpv6GatewayIsAddedWithoutDuplicateAddressDetectionOnce() {
		RecordingCommandRunner empty = new RecordingCommandRunner(List.of("sudo"), EMPTY_HOST);
		driver(empty).plug(new BridgeSetup("br101", null, null, "fd00:1::1/64"));
		assertThat(empty.changes()).contains(PREFIX + "ip addr add fd00:1::1/64 dev br101 nodad")
			.noneMatch((command) -> command.contains("brd"));
		RecordingCommandRunner setUp = new RecordingCommandRunner(List.of("sudo"),
				(command) -> command.contains("-o -6 addr show dev br101")
						? "7: br101    inet6 fd00:1::1/64 scope global \\       valid_lft forever preferred_lft forever\n" : "");
		driver(setUp).plug(new BridgeSetup("br101", null, null, "fd00:1::1/64"));
		assertThat(setUp.changes()).noneMatch((command) -> command.contains("addr add"));
		driver(setUp).removeGateway("br101", "fd00:1::1/64");
		assertThat(setUp.changes()).contains(PREFIX + "ip addr del fd00:1::1/64 dev br101");
	}

	@Test
	void dnsmasqAdvertisesEachIpv6SubnetInItsModeAndLeasesStatefulAddressesToItsHostsOnly() throws Exception {
		RecordingCommandRunner runner = new RecordingCommandRunner(List.of("sudo"), EMPTY_HOST);
		String network = "6f1d0c43-2b7e-4d55-9a55-0c5a2f3e4b21";
		driver(runner).updateDhcp(new DhcpConfig(network, "br101", "10.1.0.1", "10.1.0.0", "255.255.255.0", List.of(),
				Duration.ofMinutes(10),
				List.of(new DhcpConfig.DhcpHost("fa:16:3e:00:00:05", "10.1.0.5", "host-10-1-0-5"),
						new DhcpConfig.DhcpHost("fa:16:3e:00:00:05", "fd00:3::10", "host-fd00-3--10")),
				List.of(),
				List.of(new DhcpConfig.Ipv6Range("fd00:1::", 64, "slaac", List.of()),
						new DhcpConfig.Ipv6Range("fd00:2::", 64, "dhcpv6-stateless", List.of("fd00::53")),
						new DhcpConfig.Ipv6Range("fd00:3::", 64, "dhcpv6-stateful", List.of()))));
		assertThat(Files.readAllLines(this.state.resolve("dnsmasq-" + network + ".conf"))).contains("enable-ra",
				"dhcp-range=set:v6-0,fd00:1::,ra-only,64,600s", "dhcp-range=set:v6-1,fd00:2::,ra-stateless,64,600s",
				"dhcp-option=tag:v6-1,option6:dns-server,[fd00::53]", "dhcp-range=set:v6-2,fd00:3::,static,64,600s",
				"dhcp-range=set:net,10.1.0.0,static,255.255.255.0,600s");
		assertThat(Files.readAllLines(this.state.resolve("dnsmasq-" + network + ".hosts")))
			.containsExactly("fa:16:3e:00:00:05,host-10-1-0-5,10.1.0.5", "fa:16:3e:00:00:05,host-fd00-3--10,[fd00:3::10]");

		// a network of IPv6 subnets only has no IPv4 range
		String ipv6Only = "6f1d0c43-2b7e-4d55-9a55-0c5a2f3e4b22";
		driver(runner).updateDhcp(new DhcpConfig(ipv6Only, "br102", null, null, null, List.of(), Duration.ofMinutes(10),
				List.of(), List.of(), List.of(new DhcpConfig.Ipv6Range("fd00:4::", 64, "slaac", List.of()))));
		assertThat(Files.readString(this.state.resolve("dnsmasq-" + ipv6Only + ".conf")))
			.contains("dhcp-range=set:v6-0,fd00:4::,ra-only,64,600s")
			.doesNotContain("set:net")
			.doesNotContain("option:router");

		String bad = "6f1d0c43-2b7e-4d55-9a55-0c5a2f3e4b23";
		for (DhcpConfig.Ipv6Range range : List.of(new DhcpConfig.Ipv6Range("fd00:5::\nport=53", 64, "slaac", List.of()),
				new DhcpConfig.Ipv6Range("fd00:5::", 64, "dhcp", List.of()),
				new DhcpConfig.Ipv6Range("fd00:5::", 64, "slaac", List.of("10.0.0.1\nport=53")))) {
			assertThatIllegalArgumentException().isThrownBy(() -> driver(runner).updateDhcp(new DhcpConfig(bad, "br103",
					null, null, null, List.of(), Duration.ofMinutes(10), List.of(), List.of(), List.of(range))));
		}
		assertThat(this.state.resolve("dnsmasq-" + bad + ".conf")).doesNotExist();
	}

	@Test
	void aPortsIpv6RulesAreIp6tablesChainsBesideItsIpv4Ones() {
		Set<String> chains = new HashSet<>();
		RecordingCommandRunner runner = new RecordingCommandRunner(List.of("sudo"), (command) -> {
			String table = command.contains("ip6tables") ? "6:" : "4:";
			if (command.contains(" -N ")) {
				chains.add(table + command.substring(command.indexOf(" -N ") + 4));
			}
			if (command.contains(" -S ")) {
				return chains.contains(table + command.substring(command.indexOf(" -S ") + 4)) ? "" : null;
			}
			return command.contains(" -C ") ? null : command.contains("sysctl -n") ? "0" : "";
		});
		driver(runner).applyPortFilter(new PortFilter(PORT, "fa:16:3e:00:00:05", List.of("10.0.0.5", "fd00:1::5"),
				List.of(new PortFilter.Rule("ingress", "tcp", 22, 22, "0.0.0.0/0"),
						new PortFilter.Rule("ingress", "icmp", 128, null, "fd00:2::/64", "IPv6"),
						new PortFilter.Rule("ingress", "tcp", 80, 81, "::/0", "IPv6"),
						new PortFilter.Rule("egress", null, null, null, null, "IPv6"))));
		String ip6 = PREFIX + "ip6tables -w ";
		assertThat(runner.changes()).contains(PREFIX + "sysctl -w net.bridge.bridge-nf-call-ip6tables=1",
				ip6 + "-N nova-sg-chain", ip6 + "-A FORWARD -m physdev --physdev-is-bridged -j nova-sg-chain",
				// the port's address and its link-local one (EUI-64 in fe80::/64), with its MAC
				ip6 + "-A nova-sa1b2c3d4-e -s fd00:1::5/128 -m mac --mac-source FA:16:3E:00:00:05 -j RETURN",
				ip6 + "-A nova-sa1b2c3d4-e -s fe80::f816:3eff:fe00:5/128 -m mac --mac-source FA:16:3E:00:00:05 -j RETURN",
				ip6 + "-A nova-sa1b2c3d4-e -j DROP",
				ip6 + "-A nova-ia1b2c3d4-e -p ipv6-icmp -m icmp6 --icmpv6-type 135 -j RETURN",
				ip6 + "-A nova-ia1b2c3d4-e -s fd00:2::/64 -p ipv6-icmp -m icmp6 --icmpv6-type 128 -j RETURN",
				ip6 + "-A nova-ia1b2c3d4-e -p tcp -m tcp --dport 80:81 -j RETURN",
				ip6 + "-A nova-ia1b2c3d4-e -j DROP",
				ip6 + "-A nova-oa1b2c3d4-e -s ::/128 -d ff02::/16 -p ipv6-icmp -m icmp6 --icmpv6-type 135 -j RETURN",
				ip6 + "-A nova-oa1b2c3d4-e -j nova-sa1b2c3d4-e",
				ip6 + "-A nova-oa1b2c3d4-e -p ipv6-icmp -m icmp6 --icmpv6-type 134 -j DROP",
				ip6 + "-A nova-oa1b2c3d4-e -j RETURN",
				ip6 + "-A nova-sg-chain -m physdev --physdev-in tapa1b2c3d4-e5 --physdev-is-bridged -j nova-oa1b2c3d4-e",
				PREFIX + "iptables -w -A nova-sa1b2c3d4-e -s 10.0.0.5/32 -m mac --mac-source FA:16:3E:00:00:05 -j RETURN",
				PREFIX + "iptables -w -A nova-ia1b2c3d4-e -p tcp -m tcp --dport 22 -j RETURN");
		// each rule in the table of its ethertype only
		assertThat(runner.changes()).noneMatch((command) -> command.startsWith(ip6) && command.contains("--dport 22 "))
			.noneMatch((command) -> command.contains("iptables -w -A") && !command.contains("ip6tables")
					&& (command.contains("fd00") || command.contains("--dport 80")));

		RecordingCommandRunner refused = new RecordingCommandRunner(List.of("sudo"), (command) -> "");
		assertThatIllegalArgumentException().isThrownBy(() -> driver(refused).applyPortFilter(new PortFilter(PORT,
				"fa:16:3e:00:00:05", List.of("fd00:1::5"),
				List.of(new PortFilter.Rule("ingress", "tcp", 22, 22, "fd00::/64 -j ACCEPT", "IPv6")))));
		assertThatIllegalArgumentException().isThrownBy(() -> driver(refused).applyPortFilter(new PortFilter(PORT,
				"fa:16:3e:00:00:05", List.of("fd00:1::5"),
				List.of(new PortFilter.Rule("ingress", "tcp", 22, 22, "10.0.0.0/24", "IPv6")))));
		assertThat(refused.commands).isEmpty();
	}

	private static RouterSetup router(List<RouterSetup.Route> routes) {
		return new RouterSetup(ROUTER,
				List.of(new RouterSetup.Interface("11111111-2222-3333-4444-555555555555", "fa:16:3e:00:00:01", "br-int",
						"10.0.0.1/24")),
				null, List.of(), routes);
	}

	@Test
	void aRoutersStaticRoutesAreExactlyItsProtoStaticRoutes() {
		String ns = "sudo ip netns exec qrouter-" + ROUTER + " ";
		RecordingCommandRunner empty = new RecordingCommandRunner(List.of("sudo"),
				(command) -> command.contains(" ip link show dev ") || command.contains(" -C ") ? null : "");
		driver(empty).applyRouter(router(List.of(new RouterSetup.Route("192.168.70.0/24", "10.0.0.5"),
				new RouterSetup.Route("0.0.0.0/0", "10.0.0.6"))));
		assertThat(empty.changes()).contains(ns + "ip -4 route replace 192.168.70.0/24 via 10.0.0.5 proto static",
				ns + "ip -4 route replace default via 10.0.0.6 proto static");

		// what the namespace has: one route still wanted, one no longer
		RecordingCommandRunner present = new RecordingCommandRunner(List.of("sudo"), (command) -> {
			if (command.contains("route show proto static")) {
				return "192.168.70.0/24 via 10.0.0.5 dev qr-11111111-22 \n192.168.9.0/24 via 10.0.0.9 dev qr-11111111-22 \n";
			}
			return command.contains(" ip link show dev ") || command.contains(" -C ") ? null : "";
		});
		driver(present).applyRouter(router(List.of(new RouterSetup.Route("192.168.70.0/24", "10.0.0.5"))));
		assertThat(present.changes()).contains(ns + "ip -4 route del 192.168.9.0/24 via 10.0.0.9 proto static")
			.noneMatch((command) -> command.contains("route replace 192.168.70.0/24"));

		RecordingCommandRunner refused = new RecordingCommandRunner(List.of("sudo"), (command) -> "");
		assertThatIllegalArgumentException().isThrownBy(() -> driver(refused)
			.applyRouter(router(List.of(new RouterSetup.Route("192.168.70.0/24 dev lo", "10.0.0.5")))));
		assertThatIllegalArgumentException().isThrownBy(() -> driver(refused)
			.applyRouter(router(List.of(new RouterSetup.Route("192.168.70.0/24", "10.0.0.5 metric 1")))));
		assertThat(refused.commands).isEmpty();
	}

}
