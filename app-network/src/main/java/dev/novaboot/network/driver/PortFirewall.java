package dev.novaboot.network.driver;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import dev.novaboot.network.manager.Ipv4;
import dev.novaboot.network.manager.Ipv6;
import dev.novaboot.network.manager.Ipv6Cidr;

/**
 * Enforces security groups per port as Neutron's iptables firewall does on a Linux bridge
 * (bridged traffic through iptables and ip6tables, {@code br_netfilter}): {@code FORWARD}
 * jumps to {@code nova-sg-chain}, which sends what leaves the bridge by the port's device
 * to {@code nova-i<port>} (ingress) and what enters by it to {@code nova-o<port>} (egress,
 * through {@code nova-s<port>}, which drops any source but the port's addresses with its
 * MAC). Each chain returns what is allowed (replies, DHCP, the rules) and drops the rest.
 * The same chains exist for IPv4 in iptables (the {@code IPv4} rules) and for IPv6 in
 * ip6tables (the {@code IPv6} rules, and the ICMPv6 that neighbor discovery needs), so a
 * port without a rule of one ethertype gets nothing of that version. A chain is rewritten
 * only when it differs from what is wanted.
 */
class PortFirewall {

	static final String DISPATCH = "nova-sg-chain";

	private static final Set<String> PORT_PROTOCOLS = Set.of("tcp", "udp", "sctp", "dccp", "udplite", "6", "17", "132",
			"33", "136");

	// neutron-lib's ICMPV6_ALLOWED_UNSPEC_ADDR_TYPES: MLD reports and neighbor solicitations
	// of duplicate address detection, sent from ::
	private static final List<Integer> ICMPV6_UNSPECIFIED_SOURCE = List.of(131, 135, 143);

	// neutron's ICMPV6_ALLOWED_INGRESS_TYPES (MLD query, neighbor solicitation and
	// advertisement) and router advertisements, which the network's dnsmasq sends
	private static final List<Integer> ICMPV6_INGRESS = List.of(130, 134, 135, 136);

	private static final Ipv6Cidr LINK_LOCAL = Ipv6Cidr.parse("fe80::/64");

	private final HostCommands commands;

	PortFirewall(HostCommands commands) {
		this.commands = commands;
	}

	/** The tool of one IP version. */
	enum Family {

		IPV4("iptables", "IPv4", "/32", "net.bridge.bridge-nf-call-iptables"),

		IPV6("ip6tables", "IPv6", "/128", "net.bridge.bridge-nf-call-ip6tables");

		final String command;

		final String ethertype;

		final String hostLength;

		final String sysctl;

		Family(String command, String ethertype, String hostLength, String sysctl) {
			this.command = command;
			this.ethertype = ethertype;
			this.hostLength = hostLength;
			this.sysctl = sysctl;
		}

		boolean owns(String address) {
			return (this == IPV6) == Ipv6.isValid(address);
		}

	}

	void apply(PortFilter filter) {
		String device = validate(filter);
		String id = chainId(filter.portId());
		for (Family family : Family.values()) {
			if (!this.commands.run("sysctl", "-n", family.sysctl).stdout().trim().equals("1")) {
				this.commands.run("sysctl", "-w", family.sysctl + "=1");
			}
			ensureChain(family, DISPATCH);
			ensureRule(family, "FORWARD", "-m", "physdev", "--physdev-is-bridged", "-j", DISPATCH);
			ensureChain(family, "nova-s" + id);
			ensureChain(family, "nova-i" + id);
			ensureChain(family, "nova-o" + id);
			ensureRules(family, "nova-s" + id, sourceRules(filter, family));
			ensureRules(family, "nova-i" + id, ingressRules(filter, family));
			ensureRules(family, "nova-o" + id, egressRules(filter, id, family));
			ensureRule(family, DISPATCH, "-m", "physdev", "--physdev-out", device, "--physdev-is-bridged", "-j",
					"nova-i" + id);
			ensureRule(family, DISPATCH, "-m", "physdev", "--physdev-in", device, "--physdev-is-bridged", "-j",
					"nova-o" + id);
		}
	}

	void remove(String portId) {
		String id = chainId(portId);
		String device = new PortFilter(portId, null, List.of(), List.of()).device();
		if (!Names.isValidInterface(device)) {
			throw new IllegalArgumentException("'" + portId + "' is not a valid port id");
		}
		for (Family family : Family.values()) {
			removeRule(family, DISPATCH, "-m", "physdev", "--physdev-out", device, "--physdev-is-bridged", "-j",
					"nova-i" + id);
			removeRule(family, DISPATCH, "-m", "physdev", "--physdev-in", device, "--physdev-is-bridged", "-j",
					"nova-o" + id);
			for (String chain : List.of("nova-i" + id, "nova-o" + id, "nova-s" + id)) {
				if (this.commands.succeeds(family.command, "-w", "-S", chain)) {
					this.commands.run(family.command, "-w", "-F", chain);
					this.commands.run(family.command, "-w", "-X", chain);
				}
			}
		}
	}

	/** The port's chains' suffix: the start of its id. */
	static String chainId(String portId) {
		String id = (portId != null) ? portId.substring(0, Math.min(10, portId.length())) : "";
		if (!id.matches("[0-9a-f-]{10}")) {
			throw new IllegalArgumentException("'" + portId + "' is not a valid port id");
		}
		return id;
	}

	static List<String> sourceRules(PortFilter filter) {
		return sourceRules(filter, Family.IPV4);
	}

	// only the port's addresses with its MAC may leave it; under IPv6 also its link-local
	// address, as neutron's _build_ipv4v6_mac_ip_list adds it
	static List<String> sourceRules(PortFilter filter, Family family) {
		String mac = filter.macAddress().toUpperCase(Locale.ROOT);
		List<String> addresses = new ArrayList<>(filter.addresses().stream().filter(family::owns).toList());
		if (family == Family.IPV6 && !addresses.isEmpty()) {
			addresses.add(Ipv6.format(Ipv6.eui64(LINK_LOCAL, filter.macAddress().toLowerCase(Locale.ROOT))));
		}
		List<String> rules = new ArrayList<>();
		for (String address : addresses) {
			rules.add("-s " + address + family.hostLength + " -m mac --mac-source " + mac + " -j RETURN");
		}
		rules.add("-j DROP");
		return rules;
	}

	static List<String> ingressRules(PortFilter filter) {
		return ingressRules(filter, Family.IPV4);
	}

	static List<String> ingressRules(PortFilter filter, Family family) {
		List<String> rules = new ArrayList<>();
		rules.add("-m state --state RELATED,ESTABLISHED -j RETURN");
		if (family == Family.IPV4) {
			// DHCP offers and acks to the port's client
			rules.add("-p udp -m udp --sport 67 --dport 68 -j RETURN");
		}
		else {
			for (int type : ICMPV6_INGRESS) {
				rules.add("-p ipv6-icmp -m icmp6 --icmpv6-type " + type + " -j RETURN");
			}
			rules.add("-p udp -m udp --sport 547 --dport 546 -j RETURN");
		}
		for (PortFilter.Rule rule : filter.rules()) {
			if (rule.direction().equals("ingress") && rule.ethertype().equals(family.ethertype)) {
				rules.add(match("-s", rule, family) + "-j RETURN");
			}
		}
		rules.add("-m state --state INVALID -j DROP");
		rules.add("-j DROP");
		return rules;
	}

	static List<String> egressRules(PortFilter filter, String id) {
		return egressRules(filter, id, Family.IPV4);
	}

	static List<String> egressRules(PortFilter filter, String id, Family family) {
		List<String> rules = new ArrayList<>();
		if (family == Family.IPV4) {
			// a DHCP discover comes before the port has its address
			rules.add("-s 0.0.0.0/32 -d 255.255.255.255/32 -p udp -m udp --sport 68 --dport 67 -j RETURN");
			rules.add("-j nova-s" + id);
			// no DHCP server on a port
			rules.add("-p udp -m udp --sport 67 --dport 68 -j DROP");
		}
		else {
			// duplicate address detection comes before the port has its address
			for (int type : ICMPV6_UNSPECIFIED_SOURCE) {
				rules.add("-s ::/128 -d ff02::/16 -p ipv6-icmp -m icmp6 --icmpv6-type " + type + " -j RETURN");
			}
			rules.add("-j nova-s" + id);
			// no router advertisements and no DHCPv6 server on a port; its own ICMPv6 and DHCPv6 client pass
			rules.add("-p ipv6-icmp -m icmp6 --icmpv6-type 134 -j DROP");
			rules.add("-p ipv6-icmp -j RETURN");
			rules.add("-p udp -m udp --sport 546 --dport 547 -j RETURN");
			rules.add("-p udp -m udp --sport 547 --dport 546 -j DROP");
		}
		rules.add("-m state --state RELATED,ESTABLISHED -j RETURN");
		for (PortFilter.Rule rule : filter.rules()) {
			if (rule.direction().equals("egress") && rule.ethertype().equals(family.ethertype)) {
				rules.add(match("-d", rule, family) + "-j RETURN");
			}
		}
		rules.add("-m state --state INVALID -j DROP");
		rules.add("-j DROP");
		return rules;
	}

	// a rule's match as iptables -S (ip6tables -S) prints it
	private static String match(String remoteFlag, PortFilter.Rule rule, Family family) {
		StringBuilder match = new StringBuilder();
		if (rule.remotePrefix() != null && !rule.remotePrefix().equals("0.0.0.0/0") && !rule.remotePrefix().equals("::/0")) {
			match.append(remoteFlag).append(' ').append(prefix(rule.remotePrefix(), family)).append(' ');
		}
		if (rule.protocol() != null) {
			String protocol = rule.protocol().toLowerCase(Locale.ROOT);
			boolean icmp = (family == Family.IPV4) ? protocol.equals("icmp") || protocol.equals("1")
					: protocol.equals("icmp") || protocol.equals("icmpv6") || protocol.equals("ipv6-icmp")
							|| protocol.equals("58");
			if (icmp && family == Family.IPV6) {
				// neutron's IPv6 rules take icmp for ICMPv6
				protocol = "ipv6-icmp";
			}
			match.append("-p ").append(protocol).append(' ');
			if (PORT_PROTOCOLS.contains(protocol) && rule.portMin() != null) {
				String module = protocol.matches("[0-9]+") ? "multiport" : protocol;
				String ports = rule.portMin().equals(rule.portMax()) || rule.portMax() == null ? "" + rule.portMin()
						: rule.portMin() + ":" + rule.portMax();
				match.append("-m ").append(module).append(module.equals("multiport") ? " --dports " : " --dport ")
					.append(ports).append(' ');
			}
			else if (icmp && rule.portMin() != null) {
				match.append((family == Family.IPV4) ? "-m icmp --icmp-type " : "-m icmp6 --icmpv6-type ")
					.append(rule.portMin());
				if (rule.portMax() != null) {
					match.append('/').append(rule.portMax());
				}
				match.append(' ');
			}
		}
		return match.toString();
	}

	private static String prefix(String cidr, Family family) {
		int slash = cidr.indexOf('/');
		String address = (slash < 0) ? cidr : cidr.substring(0, slash);
		if (family == Family.IPV6) {
			String length = (slash < 0) ? "128" : cidr.substring(slash + 1);
			if (!Ipv6.isValid(address) || !length.matches("[0-9]{1,3}") || Integer.parseInt(length) > 128) {
				throw new IllegalArgumentException("'" + cidr + "' is not an IPv6 prefix");
			}
			// as ip6tables prints it: the network address, canonical
			int bits = Integer.parseInt(length);
			BigInteger mask = BigInteger.ONE.shiftLeft(128 - bits).subtract(BigInteger.ONE);
			return Ipv6.format(Ipv6.parse(address).andNot(mask)) + "/" + length;
		}
		String length = (slash < 0) ? "32" : cidr.substring(slash + 1);
		if (!Ipv4.isValid(address) || !length.matches("[0-9]{1,2}") || Integer.parseInt(length) > 32) {
			throw new IllegalArgumentException("'" + cidr + "' is not an IPv4 prefix");
		}
		return address + "/" + length;
	}

	// everything that reaches a command line is checked before the first command runs
	private static String validate(PortFilter filter) {
		chainId(filter.portId());
		String device = filter.device();
		if (!Names.isValidInterface(device)) {
			throw new IllegalArgumentException("'" + filter.portId() + "' is not a valid port id");
		}
		if (filter.macAddress() == null || !filter.macAddress().matches("[0-9a-fA-F]{2}(:[0-9a-fA-F]{2}){5}")) {
			throw new IllegalArgumentException("'" + filter.macAddress() + "' is not a valid MAC address");
		}
		for (String address : filter.addresses()) {
			if (!Ipv4.isValid(address) && !Ipv6.isValid(address)) {
				throw new IllegalArgumentException("'" + address + "' is not a valid IP address");
			}
		}
		for (PortFilter.Rule rule : filter.rules()) {
			if (!rule.direction().equals("ingress") && !rule.direction().equals("egress")) {
				throw new IllegalArgumentException("'" + rule.direction() + "' is no direction");
			}
			if (!rule.ethertype().equals("IPv4") && !rule.ethertype().equals("IPv6")) {
				throw new IllegalArgumentException("'" + rule.ethertype() + "' is no ethertype");
			}
			if (rule.protocol() != null && !rule.protocol().matches("[a-zA-Z0-9-]{1,16}")) {
				throw new IllegalArgumentException("'" + rule.protocol() + "' is not a protocol");
			}
			if (rule.remotePrefix() != null) {
				prefix(rule.remotePrefix(), rule.ethertype().equals("IPv6") ? Family.IPV6 : Family.IPV4);
			}
		}
		return device;
	}

	private void ensureChain(Family family, String chain) {
		if (!this.commands.succeeds(family.command, "-w", "-S", chain)) {
			this.commands.run(family.command, "-w", "-N", chain);
		}
	}

	private void ensureRules(Family family, String chain, List<String> rules) {
		List<String> present = Arrays
			.stream(this.commands.run(family.command, "-w", "-S", chain).stdout().split("\n"))
			.map(String::trim)
			.filter((line) -> line.startsWith("-A " + chain + " "))
			.map((line) -> line.substring(("-A " + chain + " ").length()))
			.toList();
		if (!present.equals(rules)) {
			this.commands.run(family.command, "-w", "-F", chain);
			for (String rule : rules) {
				List<String> command = new ArrayList<>(List.of(family.command, "-w", "-A", chain));
				command.addAll(List.of(rule.split(" ")));
				this.commands.run(command.toArray(String[]::new));
			}
		}
	}

	private void ensureRule(Family family, String chain, String... rule) {
		if (!this.commands.succeeds(command(family, "-C", chain, rule))) {
			this.commands.run(command(family, "-A", chain, rule));
		}
	}

	private void removeRule(Family family, String chain, String... rule) {
		while (this.commands.succeeds(command(family, "-C", chain, rule))) {
			this.commands.run(command(family, "-D", chain, rule));
		}
	}

	private static String[] command(Family family, String action, String chain, String... rule) {
		List<String> command = new ArrayList<>(List.of(family.command, "-w", action, chain));
		command.addAll(List.of(rule));
		return command.toArray(String[]::new);
	}

}
