package dev.novaboot.network.driver;

import dev.novaboot.service.driver.Driver;
import dev.novaboot.service.driver.SelectedBy;

/**
 * How this host's networking is set up: bridges, VLAN interfaces, gateway addresses, NAT
 * rules for floating IPs and DHCP. Every operation is idempotent (doing it twice changes
 * nothing the second time), so that a manager can re-apply the database's state after a
 * restart. Drivers receive plain values, never entities.
 */
@SelectedBy(property = "nova.network.driver", choices = NetworkDriver.Choice.class)
public interface NetworkDriver extends Driver {

	/** Prepares the host-wide parts (NAT chains); called by the manager's {@code initHost()}. */
	void initHost();

	/** Removes the host-wide parts that {@link #initHost()} created. */
	void tearDownHost();

	/** Makes the host carry a network: its bridge, VLAN interface and gateway address. */
	void plug(BridgeSetup setup);

	/**
	 * Removes what {@link #plug} created: the gateway address, the VLAN interface, and the
	 * bridge unless other interfaces still use it (an operator's bridge stays).
	 */
	void unplug(BridgeSetup setup);

	/** Removes one gateway address from a bridge that stays (a subnet of the network was deleted). */
	void removeGateway(String bridge, String gatewayCidr);

	/** Serves DHCP on the network with exactly these host entries; starts or reloads the server. */
	void updateDhcp(DhcpConfig config);

	/** Stops the network's DHCP server and removes its files. */
	void stopDhcp(String networkId);

	/** NATs {@code floatingAddress} to {@code fixedAddress} (DNAT in, SNAT out). */
	void bindFloatingIp(String floatingAddress, String fixedAddress);

	void unbindFloatingIp(String floatingAddress, String fixedAddress);

	/**
	 * Makes the host carry a router exactly as described: its interfaces, gateway, routes
	 * and NAT (what is no longer described goes).
	 */
	void applyRouter(RouterSetup setup);

	/** Removes everything {@link #applyRouter} made for the router. */
	void removeRouter(String routerId);

	/**
	 * Enforces a port's security groups on its device: only what the rules allow (and
	 * replies) reaches or leaves it, and only from its own addresses.
	 */
	void applyPortFilter(PortFilter filter);

	/** Removes what {@link #applyPortFilter} set up for the port. */
	void removePortFilter(String portId);

	/**
	 * Whether this driver enforces port filters at all. A driver that does not (bookkeeping
	 * only) is never given one, so that no allocation pays for reading a port's security
	 * groups and expanding a remote group into its members' addresses for nothing.
	 */
	default boolean enforcesPortFilters() {
		return true;
	}

	/** The values of {@code nova.network.driver}. */
	enum Choice {

		/** Bookkeeping only: the host is not changed (the default). */
		NOOP,

		/** Bridges, VLAN interfaces, iptables NAT and dnsmasq on this Linux host. */
		LINUX

	}

}
