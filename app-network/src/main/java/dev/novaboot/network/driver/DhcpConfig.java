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
 */
public record DhcpConfig(String networkId, String bridge, String gateway, String network, String netmask,
		List<String> dns, Duration leaseTime, List<DhcpHost> hosts, List<HostRoute> routes) {

	public DhcpConfig {
		dns = List.copyOf(dns);
		hosts = List.copyOf(hosts);
		routes = List.copyOf(routes);
	}

	/** A DHCP service without host routes. */
	public DhcpConfig(String networkId, String bridge, String gateway, String network, String netmask,
			List<String> dns, Duration leaseTime, List<DhcpHost> hosts) {
		this(networkId, bridge, gateway, network, netmask, dns, leaseTime, hosts, List.of());
	}

	/** Traffic to the {@code destination} CIDR goes through {@code nexthop}. */
	public record HostRoute(String destination, String nexthop) {
	}

	/** A fixed address for one MAC address. */
	public record DhcpHost(String macAddress, String address, String hostname) {
	}

}
