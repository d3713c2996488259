package dev.novaboot.network.driver;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import dev.novaboot.network.manager.Ipv4;

/**
 * Enforces security groups per port as Neutron's iptables firewall does on a Linux bridge
 * (bridged traffic through iptables, {@code br_netfilter}): {@code FORWARD} jumps to
 * {@code nova-sg-chain}, which sends what leaves the bridge by the port's device to
 * {@code nova-i<port>} (ingress) and what enters by it to {@code nova-o<port>} (egress,
 * through {@code nova-s<port>}, which drops any source but the port's addresses with its
 * MAC). Each chain returns what is allowed (replies, DHCP, the rules) and drops the rest.
 * A chain is rewritten only when it differs from what is wanted.
 */
class PortFirewall {

	static final String DISPATCH = "nova-sg-chain";

	private static final Set<String> PORT_PROTOCOLS = Set.of("tcp", "udp", "sctp", "dccp", "udplite", "6", "17", "132",
			"33", "136");

	private final HostCommands commands;

	PortFirewall(HostCommands commands) {
		this.commands = commands;
	}

	void apply(PortFilter filter) {
		String device = validate(filter);
		String id = chainId(filter.portId());
		if (!this.commands.run("sysctl", "-n", "net.bridge.bridge-nf-call-iptables").stdout().trim().equals("1")) {
			this.commands.run("sysctl", "-w", "net.bridge.bridge-nf-call-iptables=1");
		}
		ensureChain(DISPATCH);
		ensureRule("FORWARD", "-m", "physdev", "--physdev-is-bridged", "-j", DISPATCH);
		ensureChain("nova-s" + id);
		ensureChain("nova-i" + id);
		ensureChain("nova-o" + id);
		ensureRules("nova-s" + id, sourceRules(filter));
		ensureRules("nova-i" + id, ingressRules(filter));
		ensureRules("nova-o" + id, egressRules(filter, id));
		ensureRule(DISPATCH, "-m", "physdev", "--physdev-out", device, "--physdev-is-bridged", "-j", "nova-i" + id);
		ensureRule(DISPATCH, "-m", "physdev", "--physdev-in", device, "--physdev-is-bridged", "-j", "nova-o" + id);
	}

	void remove(String portId) {
		String id = chainId(portId);
		String device = new PortFilter(portId, null, List.of(), List.of()).device();
		if (!Names.isValidInterface(device)) {
			throw new IllegalArgumentException("'" + portId + "' is not a valid port id");
		}
		removeRule(DISPATCH, "-m", "physdev", "--physdev-out", device, "--physdev-is-bridged", "-j", "nova-i" + id);
		removeRule(DISPATCH, "-m", "physdev", "--physdev-in", device, "--physdev-is-bridged", "-j", "nova-o" + id);
		for (String chain : List.of("nova-i" + id, "nova-o" + id, "nova-s" + id)) {
			if (this.commands.succeeds("iptables", "-w", "-S", chain)) {
				this.commands.run("iptables", "-w", "-F", chain);
				this.commands.run("iptables", "-w", "-X", chain);
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

	// only the port's addresses with its MAC may leave it
	static List<String> sourceRules(PortFilter filter) {
		List<String> rules = new ArrayList<>();
		for (String address : filter.addresses()) {
			rules.add("-s " + address + "/32 -m mac --mac-source " + filter.macAddress().toUpperCase(Locale.ROOT)
					+ " -j RETURN");
		}
		rules.add("-j DROP");
		return rules;
	}

	static List<String> ingressRules(PortFilter filter) {
		List<String> rules = new ArrayList<>();
		rules.add("-m state --state RELATED,ESTABLISHED -j RETURN");
		// DHCP offers and acks to the port's client
		rules.add("-p udp -m udp --sport 67 --dport 68 -j RETURN");
		for (PortFilter.Rule rule : filter.rules()) {
			if (rule.direction().equals("ingress")) {
				rules.add(match("-s", rule) + "-j RETURN");
			}
		}
		rules.add("-m state --state INVALID -j DROP");
		rules.add("-j DROP");
		return rules;
	}

	static List<String> egressRules(PortFilter filter, String id) {
		List<String> rules = new ArrayList<>();
		// a DHCP discover comes before the port has its address
		rules.add("-s 0.0.0.0/32 -d 255.255.255.255/32 -p udp -m udp --sport 68 --dport 67 -j RETURN");
		rules.add("-j nova-s" + id);
		// no DHCP server on a port
		rules.add("-p udp -m udp --sport 67 --dport 68 -j DROP");
		rules.add("-m state --state RELATED,ESTABLISHED -j RETURN");
		for (PortFilter.Rule rule : filter.rules()) {
			if (rule.direction().equals("egress")) {
				rules.add(match("-d", rule) + "-j RETURN");
			}
		}
		rules.add("-m state --state INVALID -j DROP");
		rules.add("-j DROP");
		return rules;
	}

	// a rule's match as iptables -S prints it
	private static String match(String remoteFlag, PortFilter.Rule rule) {
		StringBuilder match = new StringBuilder();
		if (rule.remotePrefix() != null && !rule.remotePrefix().equals("0.0.0.0/0")) {
			match.append(remoteFlag).append(' ').append(prefix(rule.remotePrefix())).append(' ');
		}
		if (rule.protocol() != null) {
			String protocol = rule.protocol().toLowerCase(Locale.ROOT);
			match.append("-p ").append(protocol).append(' ');
			if (PORT_PROTOCOLS.contains(protocol) && rule.portMin() != null) {
				String module = protocol.matches("[0-9]+") ? "multiport" : protocol;
				String ports = rule.portMin().equals(rule.portMax()) || rule.portMax() == null ? "" + rule.portMin()
						: rule.portMin() + ":" + rule.portMax();
				match.append("-m ").append(module).append(module.equals("multiport") ? " --dports " : " --dport ")
					.append(ports).append(' ');
			}
			else if ((protocol.equals("icmp") || protocol.equals("1")) && rule.portMin() != null) {
				match.append("-m icmp --icmp-type ").append(rule.portMin());
				if (rule.portMax() != null) {
					match.append('/').append(rule.portMax());
				}
				match.append(' ');
			}
		}
		return match.toString();
	}

	private static String prefix(String cidr) {
		int slash = cidr.indexOf('/');
		String address = (slash < 0) ? cidr : cidr.substring(0, slash);
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
			if (!Ipv4.isValid(address)) {
				throw new IllegalArgumentException("'" + address + "' is not a valid IPv4 address");
			}
		}
		for (PortFilter.Rule rule : filter.rules()) {
			if (!rule.direction().equals("ingress") && !rule.direction().equals("egress")) {
				throw new IllegalArgumentException("'" + rule.direction() + "' is no direction");
			}
			if (rule.protocol() != null && !rule.protocol().matches("[a-zA-Z0-9-]{1,16}")) {
				throw new IllegalArgumentException("'" + rule.protocol() + "' is not a protocol");
			}
			if (rule.remotePrefix() != null) {
				prefix(rule.remotePrefix());
			}
		}
		return device;
	}

	private void ensureChain(String chain) {
		if (!this.commands.succeeds("iptables", "-w", "-S", chain)) {
			this.commands.run("iptables", "-w", "-N", chain);
		}
	}

	private void ensureRules(String chain, List<String> rules) {
		List<String> present = Arrays.stream(this.commands.run("iptables", "-w", "-S", chain).stdout().split("\n"))
			.map(String::trim)
			.filter((line) -> line.startsWith("-A " + chain + " "))
			.map((line) -> line.substring(("-A " + chain + " ").length()))
			.toList();
		if (!present.equals(rules)) {
			this.commands.run("iptables", "-w", "-F", chain);
			for (String rule : rules) {
				List<String> command = new ArrayList<>(List.of("iptables", "-w", "-A", chain));
				command.addAll(List.of(rule.split(" ")));
				this.commands.run(command.toArray(String[]::new));
			}
		}
	}

	private void ensureRule(String chain, String... rule) {
		if (!this.commands.succeeds(command("-C", chain, rule))) {
			this.commands.run(command("-A", chain, rule));
		}
	}

	private void removeRule(String chain, String... rule) {
		while (this.commands.succeeds(command("-C", chain, rule))) {
			this.commands.run(command("-D", chain, rule));
		}
	}

	private static String[] command(String action, String chain, String... rule) {
		List<String> command = new ArrayList<>(List.of("iptables", "-w", action, chain));
		command.addAll(List.of(rule));
		return command.toArray(String[]::new);
	}

}
