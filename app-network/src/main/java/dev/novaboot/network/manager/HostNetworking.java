package dev.novaboot.network.manager;

import java.util.List;
import java.util.Optional;

import dev.novaboot.network.NetworkProperties;
import dev.novaboot.network.driver.BridgeSetup;
import dev.novaboot.network.driver.DhcpConfig;
import dev.novaboot.network.driver.DhcpConfig.DhcpHost;
import dev.novaboot.network.driver.NetworkDriver;
import dev.novaboot.network.driver.RouterSetup;
import dev.novaboot.network.manager.PortService.Binding;
import dev.novaboot.network.store.FixedIp;
import dev.novaboot.network.store.FixedIpRepository;
import dev.novaboot.network.store.FloatingIp;
import dev.novaboot.network.store.FloatingIpRepository;
import dev.novaboot.network.store.Network;
import dev.novaboot.network.store.NetworkRepository;
import dev.novaboot.network.store.Port;
import dev.novaboot.network.store.PortRepository;
import dev.novaboot.network.store.Router;
import dev.novaboot.network.store.RouterRepository;
import dev.novaboot.network.store.RouterRouteRepository;
import dev.novaboot.network.store.Subnet;
import dev.novaboot.network.store.SubnetRepository;
import dev.novaboot.network.store.SubnetRouteRepository;
import dev.novaboot.service.ServiceIdentity;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Makes this host match the database through the {@link NetworkDriver}: a network is
 * carried by one network host (Nova's {@code networks.host}, claimed on first use), which
 * sets up its bridge, VLAN interface, gateway and DHCP server, and NATs the floating IPs
 * bound to its fixed IPs. Always called after the database transaction committed.
 */
@Component
public class HostNetworking {

	private final NetworkDriver driver;

	private final NetworkRepository networks;

	private final SubnetRepository subnets;

	private final SubnetRouteRepository subnetRoutes;

	private final PortRepository ports;

	private final FixedIpRepository fixedIps;

	private final FloatingIpRepository floatingIps;

	private final NetworkProperties properties;

	private final RouterRepository routers;

	private final PortFilters portFilters;

	private final RouterRouteRepository routerRoutes;

	private final String host;

	// the claim of a network is a short transaction of its own: the method around it calls
	// the driver (slow host commands), which must not hold a transaction open
	private final TransactionTemplate tx;

	public HostNetworking(NetworkDriver driver, NetworkRepository networks, SubnetRepository subnets,
			SubnetRouteRepository subnetRoutes, PortRepository ports, FixedIpRepository fixedIps, FloatingIpRepository floatingIps,
			NetworkProperties properties, ServiceIdentity identity, TransactionTemplate tx, RouterRepository routers,
			PortFilters portFilters, RouterRouteRepository routerRoutes) {
		this.routerRoutes = routerRoutes;
		this.driver = driver;
		this.portFilters = portFilters;
		this.routers = routers;
		this.networks = networks;
		this.subnets = subnets;
		this.subnetRoutes = subnetRoutes;
		this.ports = ports;
		this.fixedIps = fixedIps;
		this.floatingIps = floatingIps;
		this.properties = properties;
		this.host = identity.host();
		this.tx = tx;
	}

	public String host() {
		return this.host;
	}

	/**
	 * Sets the network up on this host, claiming it first if no host carries it yet.
	 * @param dhcp whether the strategy serves DHCP (and so is the network's gateway)
	 */
	public void setUp(String networkUuid, boolean dhcp) {
		// the network and its subnets in one statement
		Optional<NetworkRepository.WithSubnets> read = this.networks.withSubnets(networkUuid);
		Optional<Network> network = read.map(NetworkRepository.WithSubnets::network);
		if (network.isEmpty() || network.get().isExternal() || !claim(network.get())) {
			return;
		}
		plugAndServe(network.get(), read.get().subnets(), dhcp);
	}

	/**
	 * {@link #setUp(String, boolean)} for a network and its subnets read in a transaction
	 * that has committed, whose host was settled there ({@link #claim(long)} before it
	 * when it had none): no read of them again, nothing done unless this host carries it.
	 */
	public void setUp(Network network, List<Subnet> subnets, boolean dhcp) {
		if (network.isExternal() || !this.host.equals(network.getHost())) {
			return;
		}
		plugAndServe(network, subnets, dhcp);
	}

	/**
	 * Takes a network that no host carries yet for this one, in a short transaction of its
	 * own (never inside another: the caller reads the network again afterwards).
	 */
	void claim(long networkId) {
		this.tx.executeWithoutResult((status) -> this.networks.claimHost(networkId, this.host));
	}

	private void plugAndServe(Network network, List<Subnet> subnets, boolean dhcp) {
		for (BridgeSetup setup : setups(network, subnets, dhcp)) {
			this.driver.plug(setup);
		}
		if (dhcp) {
			refreshDhcp(network, subnets);
		}
	}

	/**
	 * Enforces the security groups of these new ports of an instance, where this host carries
	 * their network (only these: refreshing a whole network on every allocation would cost
	 * each allocation a pass over every port).
	 */
	public void applyPortFilters(List<String> portUuids) {
		if (!this.driver.enforcesPortFilters()) {
			return;
		}
		for (String uuid : portUuids) {
			this.ports.findByUuid(uuid)
				.filter(PortFilters::isFiltered)
				.filter((port) -> this.networks.findById(port.getNetworkId())
					.map((network) -> this.host.equals(network.getHost()))
					.orElse(false))
				.ifPresent((port) -> this.driver.applyPortFilter(this.portFilters.of(port)));
		}
	}

	// every instance port of the network gets exactly what its security groups allow
	private void refreshPortFilters(Network network) {
		if (!this.driver.enforcesPortFilters()) {
			return;
		}
		for (Port port : this.ports.findByNetworkIdOrderById(network.getId())) {
			if (PortFilters.isFiltered(port)) {
				this.driver.applyPortFilter(this.portFilters.of(port));
			}
		}
	}

	/** Enforces the security groups of the network's instance ports, if this host carries it. */
	public void refreshPortFilters(String networkUuid) {
		this.networks.findByUuid(networkUuid)
			.filter((network) -> this.host.equals(network.getHost()))
			.ifPresent(this::refreshPortFilters);
	}

	/** After security groups or their rules changed: the filters of every port this host's networks have. */
	public void refreshAllPortFilters() {
		for (Network network : this.networks.findByHost(this.host)) {
			refreshPortFilters(network);
		}
	}

	/** Takes a deleted port's filter off this host. */
	public void removePortFilter(String portUuid) {
		this.driver.removePortFilter(portUuid);
	}

	private boolean claim(Network network) {
		if (network.getHost() == null) {
			claim(network.getId());
			return this.networks.findById(network.getId()).map((n) -> this.host.equals(n.getHost())).orElse(false);
		}
		return this.host.equals(network.getHost());
	}

	private List<BridgeSetup> setups(Network network, List<Subnet> subnets, boolean gateway) {
		Integer vlan = network.getSegmentationId();
		String vlanInterface = network.isVlan() ? this.properties.vlanInterface() : null;
		List<BridgeSetup> setups = subnets.stream()
			.filter((subnet) -> gateway && subnet.getGatewayIp() != null && !routerHoldsGateway(subnet))
			.map((subnet) -> new BridgeSetup(network.getBridge(), vlan, vlanInterface, SubnetService.gatewayCidr(subnet)))
			.toList();
		return setups.isEmpty() ? List.of(new BridgeSetup(network.getBridge(), vlan, vlanInterface, null)) : setups;
	}

	// a router's interface holds the subnet's gateway address: the bridge must not have it too
	private boolean routerHoldsGateway(Subnet subnet) {
		return this.fixedIps.findByAddress(subnet.getGatewayIp())
			.stream()
			.filter((fixed) -> fixed.getSubnetId().equals(subnet.getId()) && fixed.getPortId() != null)
			.flatMap((fixed) -> this.ports.findById(fixed.getPortId()).stream())
			.anyMatch((port) -> port.getDeviceOwner().equals(RouterService.INTERFACE_OWNER));
	}

	/**
	 * Sets a router up on this host (claiming it first if no host carries it): its
	 * interfaces, gateway and floating IPs exactly as the database has them. A subnet's
	 * gateway address moves from the bridge to the router's interface.
	 */
	public void applyRouter(String routerUuid) {
		Optional<Router> found = this.routers.findByUuid(routerUuid);
		if (found.isEmpty() || !claim(found.get())) {
			return;
		}
		Router router = found.get();
		List<RouterSetup.Interface> interfaces = new java.util.ArrayList<>();
		for (Port port : this.ports.findByDeviceIdOrderById(router.getUuid())) {
			if (!port.getDeviceOwner().equals(RouterService.INTERFACE_OWNER)) {
				continue;
			}
			Network network = this.networks.findById(port.getNetworkId()).orElseThrow();
			for (FixedIp fixed : this.fixedIps.findByPortIdOrderById(port.getId())) {
				Subnet subnet = this.subnets.findById(fixed.getSubnetId()).orElseThrow();
				String cidr = fixed.getAddress() + "/" + SubnetService.prefixLength(subnet);
				if (this.host.equals(network.getHost()) && fixed.getAddress().equals(subnet.getGatewayIp())) {
					this.driver.removeGateway(network.getBridge(), cidr);
				}
				interfaces.add(new RouterSetup.Interface(port.getUuid(), port.getMacAddress(), network.getBridge(), cidr));
				break;
			}
		}
		RouterSetup.Gateway gateway = null;
		if (router.getGatewayPortId() != null) {
			Port port = this.ports.findById(router.getGatewayPortId()).orElseThrow();
			Network network = this.networks.findById(port.getNetworkId()).orElseThrow();
			Optional<FixedIp> address = this.fixedIps.findByPortIdOrderById(port.getId()).stream().findFirst();
			if (address.isPresent()) {
				Subnet subnet = this.subnets.findById(address.get().getSubnetId()).orElseThrow();
				gateway = new RouterSetup.Gateway(port.getUuid(), port.getMacAddress(), network.getBridge(),
						address.get().getAddress() + "/" + SubnetService.prefixLength(subnet),
						subnet.getGatewayIp(), router.isEnableSnat());
			}
		}
		List<RouterSetup.FloatingNat> floating = this.floatingIps.findByRouterIdOrderById(router.getId())
			.stream()
			.filter((ip) -> ip.getFixedAddress() != null)
			.map((ip) -> new RouterSetup.FloatingNat(ip.getAddress(), ip.getFixedAddress()))
			.toList();
		List<RouterSetup.Route> routes = this.routerRoutes.findByRouterIdOrderById(router.getId())
			.stream()
			.map((route) -> new RouterSetup.Route(route.getDestination(), route.getNexthop()))
			.toList();
		this.driver.applyRouter(new RouterSetup(router.getUuid(), interfaces, gateway, floating, routes));
	}

	private boolean claim(Router router) {
		if (router.getHost() == null) {
			this.tx.executeWithoutResult((status) -> this.routers.claimHost(router.getId(), this.host));
			return this.routers.findById(router.getId()).map((r) -> this.host.equals(r.getHost())).orElse(false);
		}
		return this.host.equals(router.getHost());
	}

	/** Takes a deleted router off this host, if it carried it. */
	public void removeRouter(String routerUuid, String routerHost) {
		if (this.host.equals(routerHost)) {
			this.driver.removeRouter(routerUuid);
		}
	}

	/** Rewrites the network's DHCP hosts, if this host serves it. */
	public void refreshDhcp(String networkUuid) {
		this.networks.findByUuid(networkUuid)
			.filter((network) -> this.host.equals(network.getHost()))
			.ifPresent((network) -> refreshDhcp(network, this.subnets.findByNetworkIdOrderById(network.getId())));
	}

	private void refreshDhcp(Network network, List<Subnet> subnets) {
		Optional<Subnet> served = subnets.stream()
			.filter((subnet) -> subnet.getIpVersion() == 4 && subnet.isEnableDhcp() && subnet.getGatewayIp() != null)
			.findFirst();
		// every IPv6 subnet with DHCP, but those whose router advertisements another router
		// sends (ipv6_address_mode without ipv6_ra_mode, as Neutron leaves them to it)
		List<Subnet> ipv6 = subnets.stream()
			.filter((subnet) -> subnet.getIpVersion() == 6 && subnet.isEnableDhcp() && subnet.getGatewayIp() != null
					&& (subnet.getIpv6RaMode() != null || subnet.getIpv6AddressMode() == null))
			.toList();
		if (served.isEmpty() && ipv6.isEmpty()) {
			this.driver.stopDhcp(network.getUuid());
			return;
		}
		List<Long> statefulIds = ipv6.stream().filter((subnet) -> !subnet.isAutoAddress()).map(Subnet::getId).toList();
		List<DhcpHost> hosts = this.fixedIps.findAllocatedByNetwork(network.getId())
			.stream()
			.filter((fixed) -> fixed.getPortId() != null && (served.map(Subnet::getId).filter(fixed.getSubnetId()::equals)
				.isPresent() || statefulIds.contains(fixed.getSubnetId())))
			.map((fixed) -> dhcpHost(fixed))
			.flatMap(Optional::stream)
			.toList();
		List<DhcpConfig.Ipv6Range> ranges = ipv6.stream()
			.map((subnet) -> new DhcpConfig.Ipv6Range(subnet.getCidr().substring(0, subnet.getCidr().indexOf('/')),
					SubnetService.prefixLength(subnet),
					(subnet.getIpv6AddressMode() != null) ? subnet.getIpv6AddressMode() : subnet.getIpv6RaMode(),
					subnet.getDnsNameservers()))
			.toList();
		if (served.isEmpty()) {
			this.driver.updateDhcp(new DhcpConfig(network.getUuid(), network.getBridge(), null, null, null, List.of(),
					this.properties.dhcpLeaseTime(), hosts, List.of(), ranges));
			return;
		}
		Subnet subnet = served.get();
		Ipv4Cidr cidr = Ipv4Cidr.parse(subnet.getCidr());
		this.driver.updateDhcp(new DhcpConfig(network.getUuid(), network.getBridge(), subnet.getGatewayIp(),
				Ipv4.format(cidr.network()), cidr.netmask(), subnet.getDnsNameservers(), this.properties.dhcpLeaseTime(),
				hosts, this.subnetRoutes.findBySubnetIdOrderById(subnet.getId())
					.stream()
					.map((route) -> new DhcpConfig.HostRoute(route.getDestination(), route.getNexthop()))
					.toList(),
				ranges));
	}

	private Optional<DhcpHost> dhcpHost(FixedIp fixed) {
		return this.ports.findById(fixed.getPortId())
			.map(Port::getMacAddress)
			.map((mac) -> new DhcpHost(mac, fixed.getAddress(),
					"host-" + fixed.getAddress().replace('.', '-').replace(':', '-')));
	}

	/** Removes a deleted subnet's gateway address from the bridge of the network, if this host carries it. */
	public void removeGateway(SubnetService.RemovedSubnet removed) {
		if (removed.gatewayCidr() == null) {
			return;
		}
		this.networks.findByUuid(removed.networkUuid())
			.filter((network) -> this.host.equals(network.getHost()))
			.ifPresent((network) -> this.driver.removeGateway(network.getBridge(), removed.gatewayCidr()));
	}

	/** Takes a deleted network off this host, if it carried it. */
	public void tearDown(RemovedNetwork removed) {
		if (!this.host.equals(removed.host())) {
			return;
		}
		this.driver.stopDhcp(removed.uuid());
		String vlanInterface = (removed.vlanId() != null) ? this.properties.vlanInterface() : null;
		List<String> gateways = removed.gatewayCidrs().isEmpty() ? java.util.Collections.singletonList(null)
				: removed.gatewayCidrs();
		for (String gateway : gateways) {
			this.driver.unplug(new BridgeSetup(removed.bridge(), removed.vlanId(), vlanInterface, gateway));
		}
	}

	/** Moves a floating IP's NAT: removes the old binding, adds the new one, where this host owns them. */
	public void rebind(Binding before, Binding after) {
		if (before != null && this.host.equals(before.host())) {
			this.driver.unbindFloatingIp(before.floatingAddress(), before.fixedAddress());
		}
		if (before != null && before.routerId() != null
				&& (after == null || !before.routerId().equals(after.routerId()))) {
			applyRouter(before.routerId());
		}
		if (after != null && this.host.equals(after.host())) {
			this.driver.bindFloatingIp(after.floatingAddress(), after.fixedAddress());
		}
		if (after != null && after.routerId() != null) {
			applyRouter(after.routerId());
		}
	}

	/** {@code initHost()}: re-applies every network and floating IP this host carries. */
	public void reapply(boolean dhcp) {
		this.driver.initHost();
		for (Network network : this.networks.findByHost(this.host)) {
			setUp(network.getUuid(), dhcp);
		}
		for (FloatingIp floating : this.floatingIps.findByHostOrderById(this.host)) {
			if (floating.getFixedAddress() != null) {
				this.driver.bindFloatingIp(floating.getAddress(), floating.getFixedAddress());
			}
		}
		for (Router router : this.routers.findByHostOrderById(this.host)) {
			applyRouter(router.getUuid());
		}
		refreshAllPortFilters();
	}

}
