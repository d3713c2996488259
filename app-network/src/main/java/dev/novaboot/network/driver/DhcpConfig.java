package dev.novaboot.network.driver;

import java.time.Duration;
import java.util.List;

/**
 * The DHCP service of one network.
 *
 * @param networkId the network's uuid (names the server's files)
 * @param bridge the interface to serve on
 * @param gateway the router address handed to clients
 * @param network the subnet's network address
 * @param netmask the subnet's netmask
 * @param dns the DNS servers handed to clients
 * @param leaseTime how long a lease lasts
 * @param hosts one entry per allocated address
 * @param routes the subnet's host routes, handed to clients as classless static routes
 * @param ipv6 the network's IPv6 subnets that are served: router advertisements and DHCPv6
 * as their mode asks
 * <p>
 * {@code gateway}, {@code network} and {@code netmask} are {@code null} when no IPv4
 * subnet is served (a network with IPv6 subnets only).
 */
public record DhcpConfig(String networkId, String bridge, String gateway, String network, String netmask,
		List<String> dns, Duration leaseTime, List<DhcpHost> hosts, List<HostRoute> routes, List<Ipv6Range> ipv6) {

	public DhcpConfig {
		dns = List.copyOf(dns);
		hosts = List.copyOf(hosts);
		routes = List.copyOf(routes);
		ipv6 = List.copyOf(ipv6);
	}

	/** An IPv4 DHCP service. */
	public DhcpConfig(String networkId, String bridge, String gateway, String network, String netmask,
			List<String> dns, Duration leaseTime, List<DhcpHost> hosts, List<HostRoute> routes) {
		this(networkId, bridge, gateway, network, netmask, dns, leaseTime, hosts, routes, List.of());
	}

	/** A DHCP service without host routes. */
	public DhcpConfig(String networkId, String bridge, String gateway, String network, String netmask,
			List<String> dns, Duration leaseTime, List<DhcpHost> hosts) {
		this(networkId, bridge, gateway, network, netmask, dns, leaseTime, hosts, List.of());
	}

	/** Traffic to the {@code destination} CIDR goes through {@code nexthop}. */
	public record HostRoute(String destination, String nexthop) {
	}

	/**
	 * An IPv6 subnet as dnsmasq serves it (it also sends the router advertisements that
	 * Neutron leaves to radvd).
	 * @param prefix the subnet's network address ({@code fd00:1::})
	 * @param prefixLength its prefix length
	 * @param mode {@code slaac}, {@code dhcpv6-stateless} or {@code dhcpv6-stateful}: the
	 * subnet's {@code ipv6_address_mode} or, when only that is set, its {@code ipv6_ra_mode};
	 * {@code null} (neither set) is served as stateful, as Neutron's dnsmasq does
	 * @param dns the subnet's DNS servers
	 */
	public record Ipv6Range(String prefix, int prefixLength, String mode, List<String> dns) {

		public Ipv6Range {
			dns = List.copyOf(dns);
		}

	}

	/** A fixed address for one MAC address. */
	public record DhcpHost(String macAddress, String address, String hostname) {
	}

}
