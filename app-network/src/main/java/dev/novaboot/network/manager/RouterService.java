package dev.novaboot.network.manager;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.novaboot.network.manager.AddressAllocator.Holder;
import dev.novaboot.network.store.FixedIp;
import dev.novaboot.network.store.FixedIpRepository;
import dev.novaboot.network.store.FloatingIp;
import dev.novaboot.network.store.FloatingIpRepository;
import dev.novaboot.network.store.ListFilters;
import dev.novaboot.network.store.ListOrder;
import dev.novaboot.network.store.Network;
import dev.novaboot.network.store.NetworkRepository;
import dev.novaboot.network.store.Port;
import dev.novaboot.network.store.PortRepository;
import dev.novaboot.network.store.Router;
import dev.novaboot.network.store.RouterRepository;
import dev.novaboot.network.store.RouterRoute;
import dev.novaboot.network.store.RouterRouteRepository;
import dev.novaboot.network.store.Subnet;
import dev.novaboot.network.store.SubnetRepository;
import dev.novaboot.service.context.RequestContext;
import dev.novaboot.service.record.DatabaseClock;

import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Routers as Neutron's L3 plugin keeps them ({@code neutron/db/l3_db.py}): interfaces are
 * ports of the router ({@code device_owner network:router_interface}, the subnet's gateway
 * address when added by subnet), the external gateway is a port on an external network
 * ({@code network:router_gateway}) with SNAT unless {@code enable_snat} is false, and a
 * floating IP is NATed by the router that joins its port's subnet to the floating IP's
 * network. Refusals carry Neutron's types and messages.
 */
@Service
public class RouterService {

	public static final String INTERFACE_OWNER = "network:router_interface";

	public static final String GATEWAY_OWNER = "network:router_gateway";

	private final RouterRepository routers;

	private final NetworkRepository networks;

	private final SubnetRepository subnets;

	private final PortRepository ports;

	private final FixedIpRepository fixedIps;

	private final FloatingIpRepository floatingIps;

	private final SubnetService subnetService;

	private final AddressAllocator allocator;

	private final DatabaseClock clock;

	private final SecurityGroupService securityGroups;

	private final MacAddresses macAddresses = new MacAddresses();

	private final QuotaService quotas;

	private final RouterRouteRepository routes;

	// neutron's max_routes default
	static final int MAX_ROUTES = 30;

	public RouterService(RouterRepository routers, NetworkRepository networks, SubnetRepository subnets,
			PortRepository ports, FixedIpRepository fixedIps, FloatingIpRepository floatingIps,
			SubnetService subnetService, AddressAllocator allocator, DatabaseClock clock,
			SecurityGroupService securityGroups, QuotaService quotas, RouterRouteRepository routes) {
		this.routes = routes;
		this.quotas = quotas;
		this.securityGroups = securityGroups;
		this.routers = routers;
		this.networks = networks;
		this.subnets = subnets;
		this.ports = ports;
		this.fixedIps = fixedIps;
		this.floatingIps = floatingIps;
		this.subnetService = subnetService;
		this.allocator = allocator;
		this.clock = clock;
	}

	/**
	 * What {@code external_gateway_info} asks for.
	 * @param enableSnat {@code null}: not given (true for a new gateway, unchanged otherwise)
	 * @param externalFixedIps {@code null}: not given
	 */
	public record GatewayInfo(String networkId, Boolean enableSnat, List<PortSpec.FixedIpRequest> externalFixedIps) {
	}

	/** What {@code add_router_interface} and {@code remove_router_interface} answer. */
	public record InterfaceInfo(String routerId, String projectId, String portId, String networkId, String subnetId,
			List<String> subnetIds) {
	}

	/** A router's external gateway as the API shows it. */
	public record GatewayView(String networkId, boolean enableSnat, List<FixedIpView> externalFixedIps) {
	}

	/** One address of a port: its subnet's uuid and the address. */
	public record FixedIpView(String subnetId, String ipAddress) {
	}

	@Transactional
	public Router create(RequestContext context, String projectId, String name, String description,
			Boolean adminStateUp, GatewayInfo gateway) {
		Access.checkWrite(context);
		String project = Access.owner(context, projectId);
		checkGatewayPolicy(context, "create", gateway);
		this.quotas.checkCreate(project, "router");
		Instant now = this.clock.now();
		Router router = new Router(now, project);
		if (name != null) {
			router.setName(NetworkService.checkLength("name", name));
		}
		if (description != null) {
			router.setDescription(NetworkService.checkLength("description", description));
		}
		if (adminStateUp != null) {
			router.setAdminStateUp(adminStateUp);
		}
		router = this.routers.saveAndFlush(router);
		if (gateway != null) {
			setGateway(router, gateway, now);
		}
		return router;
	}

	public Router find(RequestContext context, String uuid) {
		return this.routers.findByUuid(uuid)
			.filter((router) -> Access.canSee(context, router.getProjectId()))
			.orElseThrow(() -> routerNotFound(uuid));
	}

	public Optional<Router> byId(Long id) {
		return (id != null) ? this.routers.findById(id) : Optional.empty();
	}

	/** A page of the routers the caller sees, in {@code order}, after the row {@code afterId}. */
	public List<Router> list(RequestContext context, Map<String, List<String>> filters, ListOrder order, long afterId,
			int size) {
		Specification<Router> rows = Specification.allOf(
				ListFilters.ordered(Router.class, order, afterId, RouterRepository.sortValues()),
				RouterRepository.matching(filters));
		if (!context.isAdmin()) {
			rows = rows.and(RouterRepository.visibleTo(context.projectId()));
		}
		return this.routers.findBy(rows, (query) -> query.limit(size).all());
	}

	/**
	 * Changes name, description, state and (when {@code gatewayGiven}) the external gateway:
	 * {@code null} removes it, another network replaces it, the same network keeps its
	 * port and changes only SNAT.
	 */
	@Transactional
	public Router update(RequestContext context, String uuid, String name, String description, Boolean adminStateUp,
			boolean gatewayGiven, GatewayInfo gateway, List<SubnetSpec.Route> routes) {
		Access.checkWrite(context);
		Router router = find(context, uuid);
		checkGatewayPolicy(context, "update", gateway);
		Instant now = this.clock.now();
		if (routes != null) {
			// as neutron's extraroute_db: checked against the router's ports before anything changes
			setRoutes(router, routes);
		}
		if (name != null) {
			router.setName(NetworkService.checkLength("name", name));
		}
		if (description != null) {
			router.setDescription(NetworkService.checkLength("description", description));
		}
		if (adminStateUp != null) {
			router.setAdminStateUp(adminStateUp);
		}
		router.touch(now);
		router = this.routers.saveAndFlush(router);
		if (gatewayGiven) {
			setGateway(router, gateway, now);
		}
		return router;
	}

	private static void checkGatewayPolicy(RequestContext context, String action, GatewayInfo gateway) {
		if (gateway == null || context.isAdmin()) {
			return;
		}
		// neutron's policies: enable_snat and external_fixed_ips are the admin's
		if (gateway.enableSnat() != null) {
			throw NetworkException.forbidden("(rule:" + action + "_router:external_gateway_info:enable_snat) is "
					+ "disallowed by policy");
		}
		if (gateway.externalFixedIps() != null) {
			throw NetworkException.forbidden("(rule:" + action + "_router:external_gateway_info:external_fixed_ips) is "
					+ "disallowed by policy");
		}
	}

	private void setGateway(Router router, GatewayInfo gateway, Instant now) {
		Optional<Port> current = byPortId(router.getGatewayPortId());
		if (gateway == null || gateway.networkId() == null) {
			if (current.isPresent()) {
				checkNoFloatingIps(router, current.get());
				router.setGateway(null, true);
				this.routers.saveAndFlush(router);
				deletePort(current.get());
			}
			return;
		}
		Network network = this.networks.findByUuid(gateway.networkId())
			.orElseThrow(() -> NetworkException.notFound("Network", gateway.networkId()));
		if (!network.isExternal()) {
			throw badRouterRequest("Network " + gateway.networkId() + " is not an external network");
		}
		List<Subnet> externalSubnets = this.subnets.findByNetworkIdOrderById(network.getId());
		if (gateway.externalFixedIps() != null) {
			for (PortSpec.FixedIpRequest ip : gateway.externalFixedIps()) {
				for (Subnet subnet : externalSubnets) {
					if (ip.ipAddress() != null && ip.ipAddress().equals(subnet.getGatewayIp())) {
						throw badRouterRequest("External IP " + ip.ipAddress() + " is the same as the gateway IP");
					}
				}
			}
		}
		boolean snat = (gateway.enableSnat() != null) ? gateway.enableSnat()
				: current.isEmpty() || router.isEnableSnat();
		if (current.isPresent() && current.get().getNetworkId().equals(network.getId())
				&& gateway.externalFixedIps() == null) {
			router.setGateway(current.get().getId(), snat);
			this.routers.saveAndFlush(router);
			return;
		}
		if (current.isPresent()) {
			checkNoFloatingIps(router, current.get());
			router.setGateway(null, snat);
			this.routers.saveAndFlush(router);
			deletePort(current.get());
		}
		checkNoOverlap(router, externalSubnets, true);
		Port port = newPort(router, network, GATEWAY_OWNER, now);
		if (gateway.externalFixedIps() == null || gateway.externalFixedIps().isEmpty()) {
			if (!externalSubnets.isEmpty()) {
				this.allocator.allocate(network.getUuid(), externalSubnets.stream().map(Subnet::getId).toList(),
						holder(port));
			}
		}
		else {
			for (PortSpec.FixedIpRequest ip : gateway.externalFixedIps()) {
				allocateOn(network, externalSubnets, ip, port);
			}
		}
		router.setGateway(port.getId(), snat);
		this.routers.saveAndFlush(router);
	}

	private void allocateOn(Network network, List<Subnet> subnets, PortSpec.FixedIpRequest ip, Port port) {
		if (ip.ipAddress() != null) {
			if (!Ipv4.isValid(ip.ipAddress())) {
				throw NetworkException.invalidInput("'" + ip.ipAddress() + "' is not a valid IP address.");
			}
			this.allocator.allocateAddress(network.getId(), network.getUuid(), ip.ipAddress(), holder(port));
			return;
		}
		Subnet subnet = subnets.stream()
			.filter((candidate) -> candidate.getUuid().equals(ip.subnetId()))
			.findFirst()
			.orElseThrow(() -> NetworkException.invalidInput("Subnet " + ip.subnetId() + " is not a subnet of network "
					+ network.getUuid() + "."));
		this.allocator.allocate(network.getUuid(), List.of(subnet.getId()), holder(port));
	}

	private void checkNoFloatingIps(Router router, Port gatewayPort) {
		if (this.floatingIps.existsByRouterId(router.getId())) {
			throw NetworkException.conflict("RouterExternalGatewayInUseByFloatingIp", "Gateway cannot be updated for "
					+ "router " + router.getUuid() + ", since a gateway to external network "
					+ networkUuid(gatewayPort.getNetworkId()) + " is required by one or more floating IPs.");
		}
	}

	/**
	 * Deletes a router without interfaces ({@code RouterInUse} otherwise), with its gateway
	 * port (not while floating IPs need it).
	 */
	@Transactional
	public String delete(RequestContext context, String uuid) {
		Access.checkWrite(context);
		Router router = find(context, uuid);
		if (!interfacePorts(router).isEmpty()) {
			throw NetworkException.conflict("RouterInUse", "Router " + uuid + " still has ports");
		}
		Optional<Port> gateway = byPortId(router.getGatewayPortId());
		if (gateway.isPresent()) {
			checkNoFloatingIps(router, gateway.get());
			router.setGateway(null, true);
			this.routers.saveAndFlush(router);
			deletePort(gateway.get());
		}
		this.routes.deleteByRouterId(router.getId());
		this.routes.flush();
		this.routers.delete(router);
		this.routers.flush();
		return router.getHost();
	}

	/** Attaches a subnet (a new port with its gateway address) or an unused port to the router. */
	@Transactional
	public InterfaceInfo addInterface(RequestContext context, String uuid, String subnetId, String portId) {
		Access.checkWrite(context);
		Router router = find(context, uuid);
		checkInterfaceInfo(subnetId, portId, false);
		if (portId != null) {
			return addPort(context, router, portId);
		}
		Subnet subnet = this.subnetService.find(context, subnetId);
		if (subnet.getGatewayIp() == null) {
			throw badRouterRequest("Subnet for router interface must have a gateway IP");
		}
		checkIpv4(subnet);
		if (!context.isAdmin() && !subnet.getProjectId().equals(context.projectId())) {
			throw badRouterRequest("Cannot add interface to router because subnet " + subnetId
					+ " is not owned by project making the request");
		}
		checkNoOverlap(router, List.of(subnet), false);
		Network network = this.networks.findById(subnet.getNetworkId()).orElseThrow();
		Port port = newPort(router, network, INTERFACE_OWNER, this.clock.now());
		this.allocator.allocateGateway(network.getId(), network.getUuid(), subnet.getGatewayIp(), holder(port));
		return interfaceInfo(router, port, List.of(subnet));
	}

	private InterfaceInfo addPort(RequestContext context, Router router, String portId) {
		Port port = this.ports.findByUuid(portId)
			.filter((candidate) -> Access.canSee(context, candidate.getProjectId()))
			.orElseThrow(() -> NetworkException.notFound("Port", portId));
		if (!port.getDeviceId().isEmpty()) {
			throw NetworkException.conflict("PortInUse", "Unable to complete operation on port " + portId
					+ " for network " + networkUuid(port.getNetworkId()) + ". Port already has an attached device "
					+ port.getDeviceId() + ".");
		}
		List<FixedIp> addresses = this.fixedIps.findByPortIdOrderById(port.getId());
		if (addresses.isEmpty()) {
			throw badRouterRequest("Router port must have at least one fixed IP");
		}
		List<Subnet> portSubnets = addresses.stream()
			.map((fixed) -> this.subnets.findById(fixed.getSubnetId()).orElseThrow())
			.distinct()
			.toList();
		portSubnets.forEach(RouterService::checkIpv4);
		checkNoOverlap(router, portSubnets, false);
		if (portSubnets.size() > 1) {
			throw badRouterRequest("Cannot have multiple IPv4 subnets on router port");
		}
		port.setDeviceId(router.getUuid());
		port.setDeviceOwner(INTERFACE_OWNER);
		port.touch(this.clock.now());
		this.ports.saveAndFlush(port);
		return interfaceInfo(router, port, portSubnets);
	}

	/** Detaches by subnet or by port; the interface port is deleted (not while floating IPs need it). */
	@Transactional
	public InterfaceInfo removeInterface(RequestContext context, String uuid, String subnetId, String portId) {
		Access.checkWrite(context);
		Router router = find(context, uuid);
		checkInterfaceInfo(subnetId, portId, true);
		Port port;
		if (portId != null) {
			port = interfacePorts(router).stream()
				.filter((candidate) -> candidate.getUuid().equals(portId))
				.findFirst()
				.orElseThrow(() -> new NetworkException(NetworkException.Kind.NOT_FOUND, "RouterInterfaceNotFound",
						"Router " + uuid + " does not have an interface with id " + portId));
		}
		else {
			Subnet subnet = this.subnetService.find(context, subnetId);
			port = interfacePorts(router).stream()
				.filter((candidate) -> subnetsOf(candidate).stream().anyMatch((s) -> s.getId().equals(subnet.getId())))
				.findFirst()
				.orElseThrow(() -> new NetworkException(NetworkException.Kind.NOT_FOUND,
						"RouterInterfaceNotFoundForSubnet",
						"Router " + uuid + " has no interface on subnet " + subnetId));
		}
		List<Subnet> portSubnets = subnetsOf(port);
		if (portId != null && subnetId != null
				&& portSubnets.stream().noneMatch((subnet) -> subnet.getUuid().equals(subnetId))) {
			throw new NetworkException(NetworkException.Kind.INVALID, "SubnetMismatchForPort",
					"Subnet on port " + portId + " does not match the requested subnet " + subnetId + ".");
		}
		for (Subnet subnet : portSubnets) {
			Ipv4Cidr cidr = Ipv4Cidr.parse(subnet.getCidr());
			// extraroute_db's _confirm_router_interface_not_in_use
			for (RouterRoute route : this.routes.findByRouterIdOrderById(router.getId())) {
				if (Ipv4.isValid(route.getNexthop()) && cidr.contains(Ipv4.parse(route.getNexthop()))) {
					throw NetworkException.conflict("RouterInterfaceInUseByRoute", "Router interface for subnet "
							+ subnet.getUuid() + " on router " + uuid + " cannot be deleted, as it is required by one "
							+ "or more routes.");
				}
			}
			for (FloatingIp floating : this.floatingIps.findByRouterIdOrderById(router.getId())) {
				if (floating.getFixedAddress() != null && cidr.contains(Ipv4.parse(floating.getFixedAddress()))) {
					throw NetworkException.conflict("RouterInterfaceInUseByFloatingIP", "Router interface for subnet "
							+ subnet.getUuid() + " on router " + uuid + " cannot be deleted, as it is required by one "
							+ "or more floating IPs.");
				}
			}
		}
		InterfaceInfo info = interfaceInfo(router, port, portSubnets);
		deletePort(port);
		return info;
	}

	private static void checkInterfaceInfo(String subnetId, String portId, boolean forRemoval) {
		if (subnetId == null && portId == null) {
			throw badRouterRequest("Either subnet_id or port_id must be specified");
		}
		if (!forRemoval && subnetId != null && portId != null) {
			throw badRouterRequest("Cannot specify both subnet-id and port-id");
		}
	}

	/** A router's static routes, in the order they were added. */
	public List<RouterRoute> routesOf(Router router) {
		return this.routes.findByRouterIdOrderById(router.getId());
	}

	/**
	 * Makes the router's static routes exactly {@code requested}, validated as neutron-lib's
	 * {@code type:hostroutes} and neutron's {@code _validate_routes}: each nexthop on a
	 * subnet of one of the router's ports (interfaces or gateway), none of the router's own
	 * addresses, at most {@link #MAX_ROUTES}.
	 */
	private void setRoutes(Router router, List<SubnetSpec.Route> requested) {
		List<SubnetSpec.Route> seen = new ArrayList<>();
		for (SubnetSpec.Route route : requested) {
			if (route.destination() == null || route.nexthop() == null) {
				throw NetworkException.invalidInput("Invalid input for routes. Reason: Validation of dictionary's keys "
						+ "failed. Expected keys: {'destination', 'nexthop'}.");
			}
			if (!isCidr(route.destination())) {
				throw NetworkException.invalidInput("Invalid input for routes. Reason: '" + route.destination()
						+ "' is not a valid IP subnet.");
			}
			if (!Ipv4.isValid(route.nexthop()) && !Ipv6.isValid(route.nexthop())) {
				throw NetworkException.invalidInput("Invalid input for routes. Reason: '" + route.nexthop()
						+ "' is not a valid IP address.");
			}
			if (seen.contains(route)) {
				throw NetworkException.invalidInput("Invalid input for routes. Reason: Duplicate hostroute '"
						+ pythonDict(route) + "'.");
			}
			seen.add(route);
		}
		if (requested.size() > MAX_ROUTES) {
			throw new NetworkException(NetworkException.Kind.INVALID, "RoutesExhausted", "Unable to complete operation "
					+ "for " + router.getUuid() + ". The number of routes exceeds the maximum " + MAX_ROUTES + ".");
		}
		List<Ipv4Cidr> cidrs = new ArrayList<>();
		List<String> addresses = new ArrayList<>();
		for (Port port : this.ports.findByDeviceIdOrderById(router.getUuid())) {
			for (FixedIp fixed : this.fixedIps.findByPortIdOrderById(port.getId())) {
				this.subnets.findById(fixed.getSubnetId())
					.filter((subnet) -> subnet.getIpVersion() == 4)
					.ifPresent((subnet) -> cidrs.add(Ipv4Cidr.parse(subnet.getCidr())));
				addresses.add(fixed.getAddress());
			}
		}
		for (SubnetSpec.Route route : requested) {
			boolean connected = Ipv4.isValid(route.nexthop())
					&& cidrs.stream().anyMatch((cidr) -> cidr.contains(Ipv4.parse(route.nexthop())));
			if (!connected) {
				throw invalidRoutes(requested, "the nexthop is not connected with router");
			}
			if (addresses.contains(route.nexthop())) {
				throw invalidRoutes(requested, "the nexthop is used by router");
			}
		}
		this.routes.deleteByRouterId(router.getId());
		this.routes.flush();
		for (SubnetSpec.Route route : requested) {
			this.routes.save(new RouterRoute(router.getId(), route.destination(), route.nexthop()));
		}
		this.routes.flush();
	}

	private static boolean isCidr(String cidr) {
		try {
			if (cidr.contains(":")) {
				Ipv6Cidr.parse(cidr);
			}
			else {
				Ipv4Cidr.parse(cidr);
			}
			return true;
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
	}

	// neutron-lib's InvalidRoutes, whose message shows the routes as Python prints them
	private static NetworkException invalidRoutes(List<SubnetSpec.Route> routes, String reason) {
		return new NetworkException(NetworkException.Kind.INVALID, "InvalidRoutes", "Invalid format for routes: ["
				+ String.join(", ", routes.stream().map(RouterService::pythonDict).toList()) + "], " + reason + ".");
	}

	private static String pythonDict(SubnetSpec.Route route) {
		return "{'destination': '" + route.destination() + "', 'nexthop': '" + route.nexthop() + "'}";
	}

	// the linux driver's routers forward and NAT IPv4 only (a documented limit, not Neutron's)
	private static void checkIpv4(Subnet subnet) {
		if (subnet.getIpVersion() != 4) {
			throw badRouterRequest("IPv6 subnet " + subnet.getUuid() + " cannot be a router interface here: routers "
					+ "serve IPv4 subnets only");
		}
	}

	// Neutron's _check_for_dup_router_subnets: one port per subnet, no overlapping CIDRs
	private void checkNoOverlap(Router router, List<Subnet> added, boolean gateway) {
		List<Port> attached = new ArrayList<>(interfacePorts(router));
		byPortId(router.getGatewayPortId()).ifPresent(attached::add);
		for (Port port : attached) {
			boolean isGateway = port.getDeviceOwner().equals(GATEWAY_OWNER);
			for (Subnet existing : subnetsOf(port)) {
				for (Subnet subnet : added) {
					if (existing.getId().equals(subnet.getId())) {
						throw badRouterRequest("Router already has a port on subnet " + subnet.getUuid());
					}
					if (isGateway == gateway && existing.getIpVersion() == 4 && subnet.getIpVersion() == 4
							&& Ipv4Cidr.parse(existing.getCidr()).overlaps(Ipv4Cidr.parse(subnet.getCidr()))) {
						throw badRouterRequest("Cidr " + subnet.getCidr() + " of subnet " + subnet.getUuid()
								+ " overlaps with cidr " + existing.getCidr() + " of subnet " + existing.getUuid());
					}
				}
			}
		}
	}

	/**
	 * The router that NATs a floating IP of {@code externalNetworkId} for the fixed IP
	 * {@code fixed} of {@code port}, as Neutron's {@code get_router_for_floatingip}: one
	 * with an interface on the fixed IP's subnet and its gateway on the external network
	 * (the one whose interface is the subnet's gateway first).
	 * @throws NetworkException 404 {@code ExternalGatewayForFloatingIPNotFound} when none joins them
	 */
	public Router routerForFloatingIp(Port port, FixedIp fixed, Long externalNetworkId) {
		Subnet subnet = this.subnets.findById(fixed.getSubnetId()).orElseThrow();
		Router first = null;
		for (Port candidate : this.ports.findByNetworkIdOrderById(port.getNetworkId())) {
			if (!candidate.getDeviceOwner().equals(INTERFACE_OWNER)) {
				continue;
			}
			Optional<FixedIp> address = this.fixedIps.findByPortIdOrderById(candidate.getId())
				.stream()
				.filter((candidateIp) -> candidateIp.getSubnetId().equals(subnet.getId()))
				.findFirst();
			if (address.isEmpty()) {
				continue;
			}
			Optional<Router> router = this.routers.findByUuid(candidate.getDeviceId())
				.filter((r) -> byPortId(r.getGatewayPortId()).map((gw) -> gw.getNetworkId().equals(externalNetworkId))
					.orElse(false));
			if (router.isPresent()) {
				if (address.get().getAddress().equals(subnet.getGatewayIp())) {
					return router.get();
				}
				if (first == null) {
					first = router.get();
				}
			}
		}
		if (first != null) {
			return first;
		}
		throw new NetworkException(NetworkException.Kind.NOT_FOUND, "ExternalGatewayForFloatingIPNotFound",
				"External network " + networkUuid(externalNetworkId) + " is not reachable from subnet "
						+ subnet.getUuid() + ".  Therefore, cannot associate Port " + port.getUuid()
						+ " with a Floating IP.");
	}

	/** The router's interface ports, oldest first. */
	public List<Port> interfacePorts(Router router) {
		return this.ports.findByDeviceIdOrderById(router.getUuid())
			.stream()
			.filter((port) -> port.getDeviceOwner().equals(INTERFACE_OWNER))
			.toList();
	}

	public Optional<Port> gatewayPort(Router router) {
		return byPortId(router.getGatewayPortId());
	}

	/** The external gateway as {@code external_gateway_info} shows it, or {@code null}. */
	public GatewayView gatewayView(Router router) {
		return gatewayPort(router).map((port) -> new GatewayView(networkUuid(port.getNetworkId()), router.isEnableSnat(),
				this.fixedIps.findByPortIdOrderById(port.getId())
					.stream()
					.map((fixed) -> new FixedIpView(this.subnetService.uuidOf(fixed.getSubnetId()), fixed.getAddress()))
					.toList()))
			.orElse(null);
	}

	public List<FixedIp> addressesOf(Port port) {
		return this.fixedIps.findByPortIdOrderById(port.getId());
	}

	public List<Subnet> subnetsOf(Port port) {
		return this.fixedIps.findByPortIdOrderById(port.getId())
			.stream()
			.map((fixed) -> this.subnets.findById(fixed.getSubnetId()).orElseThrow())
			.distinct()
			.toList();
	}

	private InterfaceInfo interfaceInfo(Router router, Port port, List<Subnet> subnets) {
		List<String> ids = subnets.stream().map(Subnet::getUuid).toList();
		return new InterfaceInfo(router.getUuid(), port.getProjectId(), port.getUuid(), networkUuid(port.getNetworkId()),
				ids.isEmpty() ? null : ids.get(ids.size() - 1), ids);
	}

	private Port newPort(Router router, Network network, String owner, Instant now) {
		Port port = new Port(now, network.getId(), owner.equals(GATEWAY_OWNER) ? "" : router.getProjectId(),
				this.macAddresses.next(), router.getUuid(), owner);
		return this.ports.saveAndFlush(port);
	}

	private void deletePort(Port port) {
		this.allocator.releasePort(port.getId());
		// a port attached by its id keeps the groups it had
		this.securityGroups.bind(port.getId(), List.of());
		this.ports.delete(port);
		this.ports.flush();
	}

	private Optional<Port> byPortId(Long id) {
		return (id != null) ? this.ports.findById(id) : Optional.empty();
	}

	private Holder holder(Port port) {
		return new Holder(port.getId(), null, null);
	}

	private String networkUuid(Long id) {
		return this.networks.findById(id).map(Network::getUuid).orElse(null);
	}

	public static NetworkException routerNotFound(String uuid) {
		return new NetworkException(NetworkException.Kind.NOT_FOUND, "RouterNotFound",
				"Router " + uuid + " could not be found");
	}

	/** Neutron's {@code BadRequest} for routers: "Bad router request: ...". */
	static NetworkException badRouterRequest(String reason) {
		return new NetworkException(NetworkException.Kind.INVALID, "BadRequest", "Bad router request: " + reason);
	}

}
