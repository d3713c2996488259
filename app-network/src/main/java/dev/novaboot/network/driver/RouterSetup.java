package dev.novaboot.network.driver;

import java.util.List;

/**
 * Everything a router is on a host: its interfaces on the bridges of its subnets, its
 * gateway on the external network's bridge (with SNAT or not), the floating IPs it NATs
 * and its static routes. A driver makes the host match it exactly: what is not listed goes.
 * @param gateway {@code null} when the router has no external gateway
 */
public record RouterSetup(String routerId, List<Interface> interfaces, Gateway gateway, List<FloatingNat> floatingIps,
		List<Route> routes) {

	public RouterSetup {
		interfaces = List.copyOf(interfaces);
		floatingIps = List.copyOf(floatingIps);
		routes = List.copyOf(routes);
	}

	/** A router without static routes. */
	public RouterSetup(String routerId, List<Interface> interfaces, Gateway gateway, List<FloatingNat> floatingIps) {
		this(routerId, interfaces, gateway, floatingIps, List.of());
	}

	/** Neutron's name of a router's namespace. */
	public static String namespace(String routerId) {
		return "qrouter-" + routerId;
	}

	/**
	 * A router port on a subnet.
	 * @param addressCidr the port's address with the subnet's prefix length ({@code 10.0.0.1/24})
	 */
	public record Interface(String portId, String macAddress, String bridge, String addressCidr) {
	}

	/**
	 * The router's port on the external network.
	 * @param nexthop the external subnet's gateway, the router's default route ({@code null}: none)
	 * @param snat whether traffic from the router's subnets leaves with the gateway's address
	 */
	public record Gateway(String portId, String macAddress, String bridge, String addressCidr, String nexthop,
			boolean snat) {

		/** The gateway's address without its prefix length. */
		public String address() {
			return this.addressCidr.substring(0, this.addressCidr.indexOf('/'));
		}

	}

	/** A static route (extraroute): traffic to the {@code destination} CIDR goes through {@code nexthop}. */
	public record Route(String destination, String nexthop) {
	}

	/** A floating IP: traffic to {@code floatingAddress} goes to {@code fixedAddress}, and back. */
	public record FloatingNat(String floatingAddress, String fixedAddress) {
	}

}
