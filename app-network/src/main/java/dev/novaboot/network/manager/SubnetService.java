package dev.novaboot.network.manager;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.novaboot.network.manager.AddressAllocator.AddressRange;
import dev.novaboot.network.store.AllocationPool;
import dev.novaboot.network.store.AllocationPoolRepository;
import dev.novaboot.network.store.FixedIpRepository;
import dev.novaboot.network.store.ListFilters;
import dev.novaboot.network.store.ListOrder;
import dev.novaboot.network.store.Network;
import dev.novaboot.network.store.NetworkRepository;
import dev.novaboot.network.store.Subnet;
import dev.novaboot.network.store.SubnetRepository;
import dev.novaboot.network.store.SubnetRoute;
import dev.novaboot.network.store.SubnetRouteRepository;
import dev.novaboot.service.context.RequestContext;
import dev.novaboot.service.record.DatabaseClock;

import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Subnets: validation of the CIDR, gateway, allocation pools and DNS servers as Neutron
 * does it, and the address rows that allocation draws from.
 */
@Service
public class SubnetService {

	static final int MAX_DNS_NAMESERVERS = 5;

	// neutron-lib's IPV6_MODES
	static final List<String> IPV6_MODES = List.of("dhcpv6-stateful", "dhcpv6-stateless", "slaac");

	// Neutron's max_subnet_host_routes default
	static final int MAX_HOST_ROUTES = 20;

	private final NetworkRepository networks;

	private final SubnetRepository subnets;

	private final AllocationPoolRepository pools;

	private final SubnetRouteRepository routes;

	private final FixedIpRepository fixedIps;

	private final AddressAllocator allocator;

	// the time every row written is stamped with: the database's, which all hosts share
	private final DatabaseClock clock;

	private final QuotaService quotas;

	private final Ipv6Subnets ipv6;

	public SubnetService(NetworkRepository networks, SubnetRepository subnets, AllocationPoolRepository pools,
			SubnetRouteRepository routes, FixedIpRepository fixedIps, AddressAllocator allocator, DatabaseClock clock,
			QuotaService quotas, Ipv6Subnets ipv6) {
		this.ipv6 = ipv6;
		this.quotas = quotas;
		this.networks = networks;
		this.subnets = subnets;
		this.pools = pools;
		this.routes = routes;
		this.fixedIps = fixedIps;
		this.allocator = allocator;
		this.clock = clock;
	}

	@Transactional
	public Subnet create(RequestContext context, SubnetSpec spec) {
		Access.checkWrite(context);
		if (spec.networkId() == null) {
			throw NetworkException.badRequest("Failed to parse request. Required attribute 'network_id' not specified");
		}
		String project = Access.owner(context, spec.projectId());
		Network network = this.networks.findByUuid(spec.networkId())
			.filter((candidate) -> Access.canSee(context, candidate.getProjectId()))
			.orElseThrow(() -> NetworkException.notFound("Network", spec.networkId()));
		this.quotas.checkCreate(project, "subnet");
		return insert(network, spec, project, this.clock.now());
	}

	/**
	 * Validates and stores a subnet with its pools and address rows; runs in the caller's
	 * transaction.
	 * @param now the database's time of the caller's operation
	 */
	Subnet insert(Network network, SubnetSpec spec, String project, Instant now) {
		int version = (spec.ipVersion() != null) ? spec.ipVersion() : 4;
		if (version != 4 && version != 6) {
			throw NetworkException.invalidInput("Invalid input for ip_version. Reason: " + version
					+ " is not in valid_values.");
		}
		String addressMode = ipv6Mode("ipv6_address_mode", spec.ipv6AddressMode());
		String raMode = ipv6Mode("ipv6_ra_mode", spec.ipv6RaMode());
		if (spec.cidr() == null) {
			throw NetworkException.badRequest("Failed to parse request. Required attribute 'cidr' not specified");
		}
		if (version == 6) {
			return this.ipv6.insert(network, spec, project, now, addressMode, raMode);
		}
		if (Ipv6.isValid(spec.cidr().replaceFirst("/[0-9]*$", ""))) {
			throw versionMismatch("cidr", spec.cidr(), 4);
		}
		Ipv4Cidr cidr;
		try {
			cidr = Ipv4Cidr.parse(spec.cidr());
		}
		catch (IllegalArgumentException ex) {
			throw NetworkException.invalidInput(ex.getMessage() + ".");
		}
		if (cidr.prefixLength() < AddressAllocator.MIN_PREFIX_LENGTH || cidr.prefixLength() > 30) {
			throw NetworkException.invalidInput("cidr " + cidr + " must have a prefix length from /"
					+ AddressAllocator.MIN_PREFIX_LENGTH + " to /30.");
		}
		for (Subnet other : this.subnets.findByNetworkIdOrProjectId(network.getId(), project)) {
			if (other.getIpVersion() == 4 && Ipv4Cidr.parse(other.getCidr()).overlaps(cidr)) {
				throw NetworkException.invalidInput("Requested subnet with cidr: " + cidr + " for network: "
						+ network.getUuid() + " overlaps with another subnet (" + other.getCidr() + " of network "
						+ other.getNetworkId() + ").");
			}
		}
		String gateway = gateway(spec, cidr);
		List<AddressRange> ranges = allocationPools(spec, cidr, gateway);
		List<String> dns = dnsNameservers(spec.dnsNameservers(), 4);
		List<SubnetSpec.Route> hostRoutes = hostRoutes(spec.hostRoutes(), "new subnet", 4);
		if (addressMode != null || raMode != null) {
			throw NetworkException.invalidInput(((raMode != null) ? "ipv6_ra_mode" : "ipv6_address_mode")
					+ " is not valid when ip_version is 4");
		}
		Subnet subnet = new Subnet(now, network.getId(), project,
				(spec.name() != null) ? NetworkService.checkLength("name", spec.name()) : "", cidr.toString(), gateway,
				(spec.enableDhcp() == null) || spec.enableDhcp(), dns);
		if (spec.description() != null) {
			subnet.setDescription(NetworkService.checkLength("description", spec.description()));
		}
		subnet = this.subnets.saveAndFlush(subnet);
		for (AddressRange range : ranges) {
			this.pools.save(new AllocationPool(subnet.getId(), Ipv4.format(range.first()), Ipv4.format(range.last())));
		}
		this.pools.flush();
		saveRoutes(subnet, hostRoutes);
		this.allocator.createAddresses(network.getId(), subnet.getId(), cidr, ranges, gateway);
		return subnet;
	}

	// neutron-lib's type:values validation of the attribute
	private static String ipv6Mode(String attribute, String mode) {
		if (mode != null && !IPV6_MODES.contains(mode)) {
			throw NetworkException.invalidInput("Invalid input for " + attribute + ". Reason: " + mode
					+ " is not in valid_values.");
		}
		return mode;
	}

	/** Neutron's {@code _validate_ip_version}: an address of the other IP version. */
	static NetworkException versionMismatch(String name, String address, int version) {
		return NetworkException.invalidInput(name + " '" + address + "' does not match the ip_version '" + version + "'");
	}

	private static String gateway(SubnetSpec spec, Ipv4Cidr cidr) {
		if (!spec.gatewayGiven()) {
			return Ipv4.format(cidr.firstHost());
		}
		if (spec.gatewayIp() == null) {
			return null;
		}
		if (Ipv6.isValid(spec.gatewayIp())) {
			throw versionMismatch("gateway_ip", spec.gatewayIp(), 4);
		}
		if (!Ipv4.isValid(spec.gatewayIp())) {
			throw NetworkException.invalidInput("'" + spec.gatewayIp() + "' is not a valid IP address.");
		}
		long gateway = Ipv4.parse(spec.gatewayIp());
		if (gateway < cidr.firstHost() || gateway > cidr.lastHost()) {
			throw NetworkException.invalidInput("Gateway is not valid on subnet: " + spec.gatewayIp() + " is not a host "
					+ "address of " + cidr + ".");
		}
		return spec.gatewayIp();
	}

	private static List<AddressRange> allocationPools(SubnetSpec spec, Ipv4Cidr cidr, String gateway) {
		long gw = (gateway != null) ? Ipv4.parse(gateway) : -1;
		List<AddressRange> ranges = new ArrayList<>();
		if (spec.allocationPools() == null || spec.allocationPools().isEmpty()) {
			// every host address but the gateway, as Neutron's default
			long first = cidr.firstHost();
			long last = cidr.lastHost();
			if (gw < first || gw > last) {
				ranges.add(new AddressRange(first, last));
			}
			else {
				if (gw > first) {
					ranges.add(new AddressRange(first, gw - 1));
				}
				if (gw < last) {
					ranges.add(new AddressRange(gw + 1, last));
				}
			}
			return ranges;
		}
		for (SubnetSpec.Pool pool : spec.allocationPools()) {
			if (pool == null || !Ipv4.isValid(pool.start()) || !Ipv4.isValid(pool.end())) {
				throw NetworkException.invalidInput("allocation_pools need a valid 'start' and 'end' IPv4 address.");
			}
			AddressRange range = new AddressRange(Ipv4.parse(pool.start()), Ipv4.parse(pool.end()));
			if (range.first() > range.last() || range.first() < cidr.firstHost() || range.last() > cidr.lastHost()) {
				throw NetworkException.invalidInput("The allocation pool " + pool.start() + "-" + pool.end()
						+ " spans beyond the subnet cidr " + cidr + ".");
			}
			if (range.contains(gw)) {
				throw NetworkException.conflict("GatewayConflictWithAllocationPools",
						"Gateway ip " + gateway + " conflicts with allocation pool " + pool.start() + "-" + pool.end() + ".");
			}
			for (AddressRange other : ranges) {
				if (other.overlaps(range)) {
					throw NetworkException.conflict("OverlappingAllocationPools",
							"Found overlapping allocation pools: " + pool.start() + "-" + pool.end() + " and "
									+ Ipv4.format(other.first()) + "-" + Ipv4.format(other.last()) + ".");
				}
			}
			ranges.add(range);
		}
		ranges.sort(Comparator.comparingLong(AddressRange::first));
		return ranges;
	}

	/**
	 * Host routes as Neutron validates them: at most {@link #MAX_HOST_ROUTES}, each a
	 * routable CIDR (its network address, not loopback) through an IPv4 address, none twice.
	 * @param subnet how the error names the subnet: its id, or "new subnet"
	 */
	static List<SubnetSpec.Route> hostRoutes(List<SubnetSpec.Route> requested, String subnet, int version) {
		if (requested == null) {
			return List.of();
		}
		if (requested.size() > MAX_HOST_ROUTES) {
			throw new NetworkException(NetworkException.Kind.INVALID, "HostRoutesExhausted", "Unable to complete "
					+ "operation for " + subnet + ". The number of host routes exceeds the limit " + MAX_HOST_ROUTES + ".");
		}
		Set<SubnetSpec.Route> seen = new HashSet<>();
		for (SubnetSpec.Route route : requested) {
			if (route.destination() == null || route.nexthop() == null) {
				throw invalidRoute("every host route needs a 'destination' and a 'nexthop'");
			}
			if (version == 6) {
				Ipv6Subnets.checkHostRoute(route);
				if (!seen.add(route)) {
					throw invalidRoute("Duplicate hostroute '{'destination': '" + route.destination() + "', 'nexthop': '"
							+ route.nexthop() + "'}'");
				}
				continue;
			}
			if (Ipv6.isValid(route.nexthop())) {
				throw versionMismatch("nexthop", route.nexthop(), 4);
			}
			Ipv4Cidr destination;
			try {
				destination = Ipv4Cidr.parse(route.destination());
			}
			catch (IllegalArgumentException ex) {
				throw invalidRoute("'" + route.destination() + "' is not a valid CIDR");
			}
			// netaddr's is_loopback: within 127.0.0.0/8
			if (destination.prefixLength() >= 8 && (destination.network() >>> 24) == 127) {
				throw invalidRoute("'" + route.destination() + "' is not a routable CIDR");
			}
			if (!Ipv4.isValid(route.nexthop())) {
				throw invalidRoute("'" + route.nexthop() + "' is not a valid IP address");
			}
			if (!seen.add(route)) {
				throw invalidRoute("Duplicate hostroute '{'destination': '" + route.destination() + "', 'nexthop': '"
						+ route.nexthop() + "'}'");
			}
		}
		return List.copyOf(requested);
	}

	static NetworkException invalidRoute(String reason) {
		return NetworkException.invalidInput("Invalid input for host_routes. Reason: " + reason + ".");
	}

	void saveRoutes(Subnet subnet, List<SubnetSpec.Route> hostRoutes) {
		for (SubnetSpec.Route route : hostRoutes) {
			this.routes.save(new SubnetRoute(subnet.getId(), route.destination(), route.nexthop()));
		}
		this.routes.flush();
	}

	/** A subnet's host routes, in the order given. */
	public List<SubnetRoute> routesOf(Subnet subnet) {
		return this.routes.findBySubnetIdOrderById(subnet.getId());
	}

	static List<String> dnsNameservers(List<String> requested, int version) {
		if (requested == null) {
			return List.of();
		}
		if (requested.size() > MAX_DNS_NAMESERVERS) {
			throw NetworkException.badRequest("Unable to complete operation for the subnet. The number of DNS nameservers "
					+ "exceeds the limit " + MAX_DNS_NAMESERVERS + ".");
		}
		for (String dns : requested) {
			if (Ipv4.isValid(dns) && version == 6 || Ipv6.isValid(dns) && version == 4) {
				throw versionMismatch("dns_nameserver", dns, version);
			}
			if (!Ipv4.isValid(dns) && !Ipv6.isValid(dns)) {
				throw NetworkException.invalidInput("'" + dns + "' is not a valid nameserver.");
			}
		}
		if (new HashSet<>(requested).size() != requested.size()) {
			throw NetworkException.invalidInput("Duplicate nameserver in " + requested + ".");
		}
		return List.copyOf(requested);
	}

	/**
	 * A subnet the caller sees: its project's, or one of a shared network (an external
	 * network's subnets are not shown to other projects unless it is shared, as in Neutron).
	 */
	public Subnet find(RequestContext context, String uuid) {
		return this.subnets.findByUuid(uuid)
			.filter((subnet) -> Access.canSee(context, subnet.getProjectId())
					|| this.networks.findById(subnet.getNetworkId()).map(Network::isShared).orElse(false))
			.orElseThrow(() -> NetworkException.notFound("Subnet", uuid));
	}

	/**
	 * A page of the subnets the caller sees, in {@code order}: at most {@code size} after the
	 * row {@code afterId} (0 for the first page) whose attributes are one of the values
	 * asked for, all filtered in the database.
	 * @param filters the values asked for, by the entity's attribute name or a computed
	 * filter's name ({@link SubnetRepository#matching})
	 */
	public List<Subnet> list(RequestContext context, Map<String, List<String>> filters, ListOrder order, long afterId,
			int size) {
		Specification<Subnet> rows = Specification.allOf(ListFilters.ordered(Subnet.class, order, afterId, SubnetRepository.sortValues()),
				SubnetRepository.matching(filters));
		if (!context.isAdmin()) {
			rows = rows.and(SubnetRepository.visibleTo(context.projectId()));
		}
		return this.subnets.findBy(rows, (query) -> query.limit(size).all());
	}

	public List<Subnet> ofNetwork(Network network) {
		return this.subnets.findByNetworkIdOrderById(network.getId());
	}

	/** The id the API shows for a subnet's row, or empty when it is gone. */
	public String uuidOf(Long subnetId) {
		return this.subnets.findById(subnetId).map(Subnet::getUuid).orElse("");
	}

	public List<AllocationPool> poolsOf(Subnet subnet) {
		return this.pools.findBySubnetIdOrderById(subnet.getId());
	}

	/** Name, description, DNS servers, host routes and DHCP can change; the addressing cannot. */
	@Transactional
	public Subnet update(RequestContext context, String uuid, SubnetSpec update) {
		Access.checkWrite(context);
		if (update.cidr() != null || update.gatewayGiven() || update.allocationPools() != null
				|| update.ipVersion() != null || update.networkId() != null || update.ipv6AddressMode() != null
				|| update.ipv6RaMode() != null) {
			throw NetworkException.badRequest("Only name, description, dns_nameservers, host_routes and enable_dhcp of a "
					+ "subnet can be updated.");
		}
		Subnet subnet = find(context, uuid);
		if (!Access.canSee(context, subnet.getProjectId())) {
			throw NetworkException.forbidden("Subnet " + uuid + " belongs to another project.");
		}
		if (update.name() != null) {
			subnet.setName(NetworkService.checkLength("name", update.name()));
		}
		if (update.description() != null) {
			subnet.setDescription(NetworkService.checkLength("description", update.description()));
		}
		if (update.dnsNameservers() != null) {
			subnet.setDnsNameservers(dnsNameservers(update.dnsNameservers(), subnet.getIpVersion()));
		}
		if (update.enableDhcp() != null && !update.enableDhcp()
				&& (subnet.getIpv6AddressMode() != null || subnet.getIpv6RaMode() != null)) {
			// neutron's _validate_ipv6_update_dhcp
			throw NetworkException.invalidInput("Cannot disable enable_dhcp with ipv6 attributes set");
		}
		if (update.enableDhcp() != null) {
			subnet.setEnableDhcp(update.enableDhcp());
		}
		if (update.hostRoutes() != null) {
			List<SubnetSpec.Route> hostRoutes = hostRoutes(update.hostRoutes(), uuid, subnet.getIpVersion());
			this.routes.deleteBySubnetId(subnet.getId());
			this.routes.flush();
			saveRoutes(subnet, hostRoutes);
		}
		subnet.touch(this.clock.now());
		return this.subnets.saveAndFlush(subnet);
	}

	/** Deletes a subnet none of whose addresses is allocated. */
	@Transactional
	public RemovedSubnet delete(RequestContext context, String uuid) {
		Access.checkWrite(context);
		Subnet subnet = find(context, uuid);
		if (!Access.canSee(context, subnet.getProjectId())) {
			throw NetworkException.forbidden("Subnet " + uuid + " belongs to another project.");
		}
		if (this.fixedIps.countAllocatedBySubnet(subnet.getId()) > 0) {
			throw NetworkException.conflict("SubnetInUse", "Unable to complete operation on subnet " + uuid
					+ ": One or more ports have an IP allocation from this subnet.");
		}
		remove(subnet);
		String network = this.networks.findById(subnet.getNetworkId()).map(Network::getUuid).orElseThrow();
		return new RemovedSubnet(network, (subnet.getGatewayIp() != null) ? gatewayCidr(subnet) : null);
	}

	void remove(Subnet subnet) {
		this.allocator.deleteAddresses(subnet.getId());
		this.pools.deleteBySubnetId(subnet.getId());
		this.routes.deleteBySubnetId(subnet.getId());
		this.subnets.delete(subnet);
		this.subnets.flush();
	}

	/** A deleted subnet: its network, and the gateway address the host may still hold. */
	public record RemovedSubnet(String networkUuid, String gatewayCidr) {
	}

	static String gatewayCidr(Subnet subnet) {
		return subnet.getGatewayIp() + "/" + prefixLength(subnet);
	}

	/** The prefix length of a subnet of either IP version. */
	public static int prefixLength(Subnet subnet) {
		return Integer.parseInt(subnet.getCidr().substring(subnet.getCidr().indexOf('/') + 1));
	}

}
