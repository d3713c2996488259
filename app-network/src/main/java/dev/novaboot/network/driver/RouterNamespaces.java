package dev.novaboot.network.driver;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.novaboot.network.manager.Ipv4;

/**
 * Realizes routers as Neutron's L3 agent does on Linux: a network namespace per router
 * ({@code qrouter-<id>}) with IP forwarding on; each router port is a veth pair whose
 * inside end ({@code qr-<port>} for an interface, {@code qg-<port>} for the gateway) has
 * the port's MAC and address and whose outside end ({@code tap<port>}) is in the bridge
 * of the port's network; the default route through the external subnet's gateway; and
 * in the namespace's own NAT chains ({@code nova-router-*}) DNAT/SNAT per floating IP
 * (whose {@code /32} is on the gateway device) and, with SNAT on, every other address
 * leaving by the gateway with the gateway's address. Every step looks before it changes
 * anything.
 */
class RouterNamespaces {

	/** Our NAT chains in a router's namespace, jumped to from the built-in chain of the same suffix. */
	static final List<String> NAT_CHAINS = List.of("PREROUTING", "OUTPUT", "POSTROUTING");

	static final String CHAIN_PREFIX = "nova-router-";

	private final HostCommands commands;

	RouterNamespaces(HostCommands commands) {
		this.commands = commands;
	}

	void apply(RouterSetup setup) {
		validate(setup);
		String namespace = namespace(setup.routerId());
		if (!exists(namespace)) {
			this.commands.runNetns("add", namespace);
		}
		inside(namespace, "ip", "link", "set", "dev", "lo", "up");
		if (!inside(namespace, "sysctl", "-n", "net.ipv4.ip_forward").trim().equals("1")) {
			inside(namespace, "sysctl", "-w", "net.ipv4.ip_forward=1");
		}
		Set<String> wanted = new LinkedHashSet<>();
		for (RouterSetup.Interface port : setup.interfaces()) {
			String device = plugPort(namespace, "qr-", port.portId(), port.macAddress(), port.bridge());
			ensureAddresses(namespace, device, List.of(checkCidr(port.addressCidr())), true);
			wanted.add(device);
		}
		RouterSetup.Gateway gateway = setup.gateway();
		String gatewayDevice = null;
		if (gateway != null) {
			gatewayDevice = plugPort(namespace, "qg-", gateway.portId(), gateway.macAddress(), gateway.bridge());
			List<String> addresses = new ArrayList<>();
			addresses.add(checkCidr(gateway.addressCidr()));
			for (RouterSetup.FloatingNat floating : setup.floatingIps()) {
				addresses.add(checkAddress(floating.floatingAddress()) + "/32");
			}
			ensureAddresses(namespace, gatewayDevice, addresses, false);
			wanted.add(gatewayDevice);
		}
		for (String device : routerDevices(namespace)) {
			if (!wanted.contains(device)) {
				inside(namespace, "ip", "link", "delete", "dev", device);
			}
		}
		ensureDefaultRoute(namespace, gateway, gatewayDevice);
		ensureStaticRoutes(namespace, setup.routes());
		ensureNat(namespace, natRules(setup, gatewayDevice));
	}

	// everything that reaches a command line is checked before the first command runs
	private static void validate(RouterSetup setup) {
		namespace(setup.routerId());
		for (RouterSetup.Interface port : setup.interfaces()) {
			checkPort(port.portId(), port.macAddress(), port.bridge());
			checkCidr(port.addressCidr());
		}
		if (setup.gateway() != null) {
			checkPort(setup.gateway().portId(), setup.gateway().macAddress(), setup.gateway().bridge());
			checkCidr(setup.gateway().addressCidr());
			if (setup.gateway().nexthop() != null) {
				checkAddress(setup.gateway().nexthop());
			}
		}
		for (RouterSetup.FloatingNat floating : setup.floatingIps()) {
			checkAddress(floating.floatingAddress());
			checkAddress(floating.fixedAddress());
		}
		for (RouterSetup.Route route : setup.routes()) {
			checkCidr(route.destination());
			checkAddress(route.nexthop());
		}
	}

	private static void checkPort(String portId, String mac, String bridge) {
		device("qr-", portId);
		if (mac != null && !mac.matches("[0-9a-f]{2}(:[0-9a-f]{2}){5}")) {
			throw new IllegalArgumentException("'" + mac + "' is not a valid MAC address");
		}
		if (!Names.isValidInterface(bridge)) {
			throw new IllegalArgumentException("'" + bridge + "' is not a valid interface name");
		}
	}

	/** Removes the router's namespace; its veth pairs go with it. */
	void remove(String routerId) {
		String namespace = namespace(routerId);
		if (exists(namespace)) {
			this.commands.runNetns("delete", namespace);
		}
	}

	static String namespace(String routerId) {
		String namespace = RouterSetup.namespace(routerId);
		if (!Names.isValidNamespace(namespace)) {
			throw new IllegalArgumentException("'" + routerId + "' is not a valid router id");
		}
		return namespace;
	}

	/** A port's device name: the prefix and the start of the port's id, at most 14 characters. */
	static String device(String prefix, String portId) {
		String name = prefix + portId.substring(0, Math.min(portId.length(), 14 - prefix.length()));
		if (!Names.isValidInterface(name)) {
			throw new IllegalArgumentException("'" + portId + "' is not a valid port id");
		}
		return name;
	}

	private boolean exists(String namespace) {
		return Arrays.stream(this.commands.runNetns("list").stdout().split("\n"))
			.map(String::trim)
			.anyMatch((line) -> line.equals(namespace) || line.startsWith(namespace + " "));
	}

	// the inside end in the namespace with the port's MAC, the outside end in the bridge; both up
	private String plugPort(String namespace, String prefix, String portId, String mac, String bridge) {
		String inside = device(prefix, portId);
		String outside = device("tap", portId);
		if (!Names.isValidInterface(bridge)) {
			throw new IllegalArgumentException("'" + bridge + "' is not a valid interface name");
		}
		if (!this.commands.succeeds("ip", "link", "show", "dev", outside)) {
			this.commands.run("ip", "link", "add", "name", outside, "type", "veth", "peer", "name", inside);
			this.commands.run("ip", "link", "set", "dev", inside, "netns", namespace);
		}
		if (!this.commands.run("ip", "-o", "link", "show", "dev", outside).stdout().contains(" master " + bridge + " ")) {
			this.commands.run("ip", "link", "set", "dev", outside, "master", bridge);
		}
		this.commands.run("ip", "link", "set", "dev", outside, "up");
		if (mac != null && !mac.matches("[0-9a-f]{2}(:[0-9a-f]{2}){5}")) {
			throw new IllegalArgumentException("'" + mac + "' is not a valid MAC address");
		}
		if (mac != null && !inside(namespace, "ip", "-o", "link", "show", "dev", inside).contains(" " + mac + " ")) {
			inside(namespace, "ip", "link", "set", "dev", inside, "address", mac);
		}
		inside(namespace, "ip", "link", "set", "dev", inside, "up");
		return inside;
	}

	// exactly these IPv4 addresses on the device
	private void ensureAddresses(String namespace, String device, List<String> cidrs, boolean broadcast) {
		List<String> present = new ArrayList<>();
		for (String line : inside(namespace, "ip", "-o", "-4", "addr", "show", "dev", device).split("\n")) {
			String[] words = line.trim().split("\\s+");
			for (int i = 0; i < words.length - 1; i++) {
				if (words[i].equals("inet")) {
					present.add(words[i + 1]);
				}
			}
		}
		for (String cidr : present) {
			if (!cidrs.contains(cidr)) {
				inside(namespace, "ip", "addr", "del", cidr, "dev", device);
			}
		}
		for (String cidr : cidrs) {
			if (!present.contains(cidr)) {
				if (broadcast) {
					inside(namespace, "ip", "addr", "add", cidr, "brd", "+", "dev", device);
				}
				else {
					inside(namespace, "ip", "addr", "add", cidr, "dev", device);
				}
			}
		}
	}

	private List<String> routerDevices(String namespace) {
		List<String> devices = new ArrayList<>();
		for (String line : inside(namespace, "ip", "-o", "link", "show").split("\n")) {
			String[] parts = line.split(":\\s+", 3);
			if (parts.length >= 2) {
				String name = parts[1].contains("@") ? parts[1].substring(0, parts[1].indexOf('@')) : parts[1];
				if (name.startsWith("qr-") || name.startsWith("qg-")) {
					devices.add(name);
				}
			}
		}
		return devices;
	}

	private void ensureDefaultRoute(String namespace, RouterSetup.Gateway gateway, String device) {
		String current = inside(namespace, "ip", "-4", "route", "show", "default").trim();
		if (gateway == null || gateway.nexthop() == null) {
			if (!current.isEmpty()) {
				inside(namespace, "ip", "-4", "route", "del", "default");
			}
			return;
		}
		String nexthop = checkAddress(gateway.nexthop());
		if (!current.startsWith("default via " + nexthop + " dev " + device)) {
			inside(namespace, "ip", "-4", "route", "replace", "default", "via", nexthop, "dev", device);
		}
	}

	/**
	 * Exactly the router's static routes, as the L3 agent's {@code ip route replace}; ours
	 * carry {@code proto static}, so the routes of the interfaces and the default route
	 * (proto kernel, boot) are never taken for stale ones. A destination routed twice
	 * takes the last nexthop, as with the agent.
	 */
	private void ensureStaticRoutes(String namespace, List<RouterSetup.Route> routes) {
		Map<String, String> wanted = new LinkedHashMap<>();
		for (RouterSetup.Route route : routes) {
			wanted.put(routeKey(route.destination()), route.nexthop());
		}
		Map<String, String> present = new LinkedHashMap<>();
		for (String line : inside(namespace, "ip", "-4", "route", "show", "proto", "static").split("\n")) {
			String[] words = line.trim().split("\\s+");
			if (words.length >= 3 && words[1].equals("via")) {
				present.put(routeKey(words[0]), words[2]);
			}
		}
		for (Map.Entry<String, String> route : present.entrySet()) {
			if (!route.getValue().equals(wanted.get(route.getKey()))) {
				inside(namespace, "ip", "-4", "route", "del", route.getKey(), "via", route.getValue(), "proto", "static");
			}
		}
		for (Map.Entry<String, String> route : wanted.entrySet()) {
			if (!route.getValue().equals(present.get(route.getKey()))) {
				inside(namespace, "ip", "-4", "route", "replace", route.getKey(), "via", route.getValue(), "proto",
						"static");
			}
		}
	}

	// ip prints 0.0.0.0/0 as "default" and a host route without its /32
	private static String routeKey(String destination) {
		if (destination.equals("default") || destination.equals("0.0.0.0/0")) {
			return "default";
		}
		return destination.contains("/") ? destination : destination + "/32";
	}

	/** The rules of each of our chains, as {@code iptables -S} prints them. */
	static List<List<String>> natRules(RouterSetup setup, String gatewayDevice) {
		List<String> prerouting = new ArrayList<>();
		List<String> output = new ArrayList<>();
		List<String> postrouting = new ArrayList<>();
		if (gatewayDevice != null) {
			for (RouterSetup.FloatingNat floating : setup.floatingIps()) {
				String address = checkAddress(floating.floatingAddress());
				String fixed = checkAddress(floating.fixedAddress());
				prerouting.add("-d " + address + "/32 -j DNAT --to-destination " + fixed);
				output.add("-d " + address + "/32 -j DNAT --to-destination " + fixed);
				postrouting.add("-s " + fixed + "/32 -o " + gatewayDevice + " -j SNAT --to-source " + address);
			}
			if (setup.gateway().snat()) {
				postrouting.add("-o " + gatewayDevice + " -j SNAT --to-source " + checkAddress(setup.gateway().address()));
			}
		}
		return List.of(prerouting, output, postrouting);
	}

	// each chain exactly its rules: rewritten (flushed and filled) only when it differs
	private void ensureNat(String namespace, List<List<String>> rules) {
		for (int i = 0; i < NAT_CHAINS.size(); i++) {
			String builtIn = NAT_CHAINS.get(i);
			String chain = CHAIN_PREFIX + builtIn;
			if (!succeedsInside(namespace, "iptables", "-w", "-t", "nat", "-S", chain)) {
				inside(namespace, "iptables", "-w", "-t", "nat", "-N", chain);
			}
			if (!succeedsInside(namespace, "iptables", "-w", "-t", "nat", "-C", builtIn, "-j", chain)) {
				inside(namespace, "iptables", "-w", "-t", "nat", "-A", builtIn, "-j", chain);
			}
			List<String> present = Arrays.stream(inside(namespace, "iptables", "-w", "-t", "nat", "-S", chain).split("\n"))
				.map(String::trim)
				.filter((line) -> line.startsWith("-A " + chain + " "))
				.map((line) -> line.substring(("-A " + chain + " ").length()))
				.toList();
			if (!present.equals(rules.get(i))) {
				inside(namespace, "iptables", "-w", "-t", "nat", "-F", chain);
				for (String rule : rules.get(i)) {
					List<String> command = new ArrayList<>(List.of("iptables", "-w", "-t", "nat", "-A", chain));
					command.addAll(List.of(rule.split(" ")));
					inside(namespace, command.toArray(String[]::new));
				}
			}
		}
	}

	private String inside(String namespace, String... command) {
		return this.commands.runIn(namespace, command).stdout();
	}

	private boolean succeedsInside(String namespace, String... command) {
		return this.commands.succeedsIn(namespace, command);
	}

	private static String checkCidr(String cidr) {
		int slash = (cidr != null) ? cidr.indexOf('/') : -1;
		if (slash < 0 || !Ipv4.isValid(cidr.substring(0, slash)) || !cidr.substring(slash + 1).matches("[0-9]{1,2}")
				|| Integer.parseInt(cidr.substring(slash + 1)) > 32) {
			throw new IllegalArgumentException("'" + cidr + "' is not a valid IPv4 address with prefix length");
		}
		return cidr;
	}

	private static String checkAddress(String address) {
		if (!Ipv4.isValid(address)) {
			throw new IllegalArgumentException("'" + address + "' is not a valid IPv4 address");
		}
		return address;
	}

}
