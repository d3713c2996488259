package dev.novaboot.network.driver;

import java.util.List;

import dev.novaboot.service.command.CommandFailedException;

import org.springframework.boot.health.contributor.Health;

/**
 * Sets up Linux networking with {@code ip} (bridges, VLAN interfaces, addresses),
 * {@code iptables} (floating IP NAT in chains of its own) and {@code dnsmasq} (DHCP),
 * all through {@link HostCommands}. Every step looks before it changes anything, so
 * running a setup twice changes nothing the second time.
 */
public class LinuxNetworkDriver implements NetworkDriver {

	/** Our NAT chains, jumped to from the built-in chain of the same suffix. */
	static final List<String> NAT_CHAINS = List.of("PREROUTING", "OUTPUT", "POSTROUTING");

	static final String CHAIN_PREFIX = "nova-network-";

	private final HostCommands commands;

	private final String publicInterface;

	private final Dnsmasq dnsmasq;

	private final RouterNamespaces routers;

	private final PortFirewall firewall;

	public LinuxNetworkDriver(HostCommands commands, String publicInterface, Dnsmasq dnsmasq) {
		if (!Names.isValidInterface(publicInterface)) {
			throw new IllegalArgumentException("'" + publicInterface + "' is not a valid interface name");
		}
		this.commands = commands;
		this.publicInterface = publicInterface;
		this.dnsmasq = dnsmasq;
		this.routers = new RouterNamespaces(commands);
		this.firewall = new PortFirewall(commands);
	}

	@Override
	public String name() {
		return "linux";
	}

	@Override
	public Health health() {
		try {
			this.commands.run("ip", "-V");
			return Health.up().build();
		}
		catch (CommandFailedException ex) {
			return Health.down().withDetail("error", ex.getMessage()).build();
		}
	}

	@Override
	public void initHost() {
		for (String builtIn : NAT_CHAINS) {
			String chain = CHAIN_PREFIX + builtIn;
			if (!this.commands.succeeds("iptables", "-w", "-t", "nat", "-S", chain)) {
				this.commands.run("iptables", "-w", "-t", "nat", "-N", chain);
			}
			ensureRule(builtIn, "-j", chain);
		}
	}

	@Override
	public void tearDownHost() {
		for (String builtIn : NAT_CHAINS) {
			String chain = CHAIN_PREFIX + builtIn;
			removeRule(builtIn, "-j", chain);
			if (this.commands.succeeds("iptables", "-w", "-t", "nat", "-S", chain)) {
				this.commands.run("iptables", "-w", "-t", "nat", "-F", chain);
				this.commands.run("iptables", "-w", "-t", "nat", "-X", chain);
			}
		}
	}

	@Override
	public void plug(BridgeSetup setup) {
		String bridge = checkInterface(setup.bridge());
		if (!linkExists(bridge)) {
			this.commands.run("ip", "link", "add", "name", bridge, "type", "bridge");
		}
		this.commands.run("ip", "link", "set", "dev", bridge, "up");
		if (setup.vlanId() != null) {
			String parent = checkInterface(setup.vlanInterface());
			String vlan = setup.vlanDevice();
			if (!linkExists(vlan)) {
				this.commands.run("ip", "link", "add", "link", parent, "name", vlan, "type", "vlan", "id",
						String.valueOf(setup.vlanId()));
			}
			if (!this.commands.run("ip", "-o", "link", "show", "dev", vlan).stdout().contains(" master " + bridge + " ")) {
				this.commands.run("ip", "link", "set", "dev", vlan, "master", bridge);
			}
			this.commands.run("ip", "link", "set", "dev", vlan, "up");
		}
		if (setup.gatewayCidr() != null) {
			ensureAddress(bridge, setup.gatewayCidr(), true);
		}
	}

	@Override
	public void unplug(BridgeSetup setup) {
		String bridge = checkInterface(setup.bridge());
		if (setup.gatewayCidr() != null && linkExists(bridge)) {
			removeAddress(bridge, setup.gatewayCidr());
		}
		if (setup.vlanId() != null && linkExists(setup.vlanDevice())) {
			this.commands.run("ip", "link", "delete", "dev", setup.vlanDevice());
		}
		// a bridge that still has ports is someone else's too (an operator's flat bridge)
		if (linkExists(bridge) && this.commands.run("ip", "-o", "link", "show", "master", bridge).stdout().isBlank()) {
			this.commands.run("ip", "link", "delete", "dev", bridge, "type", "bridge");
		}
	}

	@Override
	public void removeGateway(String bridge, String gatewayCidr) {
		if (linkExists(checkInterface(bridge))) {
			removeAddress(bridge, gatewayCidr);
		}
	}

	@Override
	public void updateDhcp(DhcpConfig config) {
		checkInterface(config.bridge());
		this.dnsmasq.update(config);
	}

	@Override
	public void stopDhcp(String networkId) {
		this.dnsmasq.stop(networkId);
	}

	@Override
	public void bindFloatingIp(String floatingAddress, String fixedAddress) {
		String floating = checkAddress(floatingAddress);
		String fixed = checkAddress(fixedAddress);
		ensureAddress(this.publicInterface, floating + "/32", false);
		ensureRule(CHAIN_PREFIX + "PREROUTING", "-d", floating + "/32", "-j", "DNAT", "--to-destination", fixed);
		ensureRule(CHAIN_PREFIX + "OUTPUT", "-d", floating + "/32", "-j", "DNAT", "--to-destination", fixed);
		ensureRule(CHAIN_PREFIX + "POSTROUTING", "-s", fixed + "/32", "-j", "SNAT", "--to-source", floating);
	}

	@Override
	public void unbindFloatingIp(String floatingAddress, String fixedAddress) {
		String floating = checkAddress(floatingAddress);
		String fixed = checkAddress(fixedAddress);
		removeRule(CHAIN_PREFIX + "PREROUTING", "-d", floating + "/32", "-j", "DNAT", "--to-destination", fixed);
		removeRule(CHAIN_PREFIX + "OUTPUT", "-d", floating + "/32", "-j", "DNAT", "--to-destination", fixed);
		removeRule(CHAIN_PREFIX + "POSTROUTING", "-s", fixed + "/32", "-j", "SNAT", "--to-source", floating);
		if (linkExists(this.publicInterface)) {
			removeAddress(this.publicInterface, floating + "/32");
		}
	}

	@Override
	public void applyRouter(RouterSetup setup) {
		this.routers.apply(setup);
	}

	@Override
	public void removeRouter(String routerId) {
		this.routers.remove(routerId);
	}

	@Override
	public void applyPortFilter(PortFilter filter) {
		this.firewall.apply(filter);
	}

	@Override
	public void removePortFilter(String portId) {
		this.firewall.remove(portId);
	}

	private boolean linkExists(String device) {
		return this.commands.succeeds("ip", "link", "show", "dev", device);
	}

	private void ensureAddress(String device, String cidr, boolean broadcast) {
		if (!hasAddress(device, cidr)) {
			if (isIpv6(cidr)) {
				// a gateway is not a host that might collide: no duplicate address detection,
				// so that the address (and dnsmasq's router advertisements) serve at once
				this.commands.run("ip", "addr", "add", cidr, "dev", device, "nodad");
			}
			else if (broadcast) {
				this.commands.run("ip", "addr", "add", cidr, "brd", "+", "dev", device);
			}
			else {
				this.commands.run("ip", "addr", "add", cidr, "dev", device);
			}
		}
	}

	private void removeAddress(String device, String cidr) {
		if (hasAddress(device, cidr)) {
			this.commands.run("ip", "addr", "del", cidr, "dev", device);
		}
	}

	private boolean hasAddress(String device, String cidr) {
		boolean ipv6 = isIpv6(cidr);
		String out = this.commands.run("ip", "-o", ipv6 ? "-6" : "-4", "addr", "show", "dev", device).stdout();
		return out.contains((ipv6 ? " inet6 " : " inet ") + cidr + " ");
	}

	private static boolean isIpv6(String cidr) {
		return cidr.contains(":");
	}

	private void ensureRule(String chain, String... rule) {
		if (!this.commands.succeeds(iptables("-C", chain, rule))) {
			this.commands.run(iptables("-A", chain, rule));
		}
	}

	private void removeRule(String chain, String... rule) {
		// a rule added twice by hand is removed twice: -C is true while any copy is left
		while (this.commands.succeeds(iptables("-C", chain, rule))) {
			this.commands.run(iptables("-D", chain, rule));
		}
	}

	private static String[] iptables(String action, String chain, String... rule) {
		String[] command = new String[6 + rule.length];
		command[0] = "iptables";
		command[1] = "-w";
		command[2] = "-t";
		command[3] = "nat";
		command[4] = action;
		command[5] = chain;
		System.arraycopy(rule, 0, command, 6, rule.length);
		return command;
	}

	private static String checkInterface(String name) {
		if (!Names.isValidInterface(name)) {
			throw new IllegalArgumentException("'" + name + "' is not a valid interface name");
		}
		return name;
	}

	private static String checkAddress(String address) {
		if (!dev.novaboot.network.manager.Ipv4.isValid(address)) {
			throw new IllegalArgumentException("'" + address + "' is not a valid IPv4 address");
		}
		return address;
	}

}
