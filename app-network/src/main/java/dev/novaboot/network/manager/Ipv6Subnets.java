package dev.novaboot.network.manager;

import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import dev.novaboot.network.store.AllocationPool;
import dev.novaboot.network.store.AllocationPoolRepository;
import dev.novaboot.network.store.Network;
import dev.novaboot.network.store.Subnet;
import dev.novaboot.network.store.SubnetRepository;
import dev.novaboot.network.store.SubnetRoute;
import dev.novaboot.network.store.SubnetRouteRepository;

import org.springframework.stereotype.Component;

/**
 * IPv6 subnets, validated as Neutron's {@code _validate_subnet} and
 * {@code _validate_ipv6_attributes} do, with the messages of
 * {@code neutron/db/db_base_plugin_v2.py}. A subnet is a {@code /64} to {@code /126}
 * here: its addresses' host parts fit the 64 bits of {@code fixed_ips.address_value}.
 */
@Component
class Ipv6Subnets {

	static final int MIN_PREFIX_LENGTH = 64;

	static final int MAX_PREFIX_LENGTH = 126;

	private static final Ipv6Cidr MULTICAST = Ipv6Cidr.parse("ff00::/8");

	private final SubnetRepository subnets;

	private final AllocationPoolRepository pools;

	private final SubnetRouteRepository routes;

	Ipv6Subnets(SubnetRepository subnets, AllocationPoolRepository pools, SubnetRouteRepository routes) {
		this.subnets = subnets;
		this.pools = pools;
		this.routes = routes;
	}

	Subnet insert(Network network, SubnetSpec spec, String project, Instant now, String addressMode, String raMode) {
		if (Ipv4.isValid(spec.cidr().replaceFirst("/[0-9]*$", ""))) {
			throw SubnetService.versionMismatch("cidr", spec.cidr(), 6);
		}
		Ipv6Cidr cidr;
		try {
			cidr = Ipv6Cidr.parse(spec.cidr());
		}
		catch (IllegalArgumentException ex) {
			throw NetworkException.invalidInput(ex.getMessage() + ".");
		}
		boolean dhcp = spec.enableDhcp() == null || spec.enableDhcp();
		if (cidr.network().signum() == 0) {
			throw NetworkException.invalidInput("IPv6 subnet '::' is not supported");
		}
		if (dhcp) {
			if (cidr.prefixLength() > MAX_PREFIX_LENGTH) {
				throw NetworkException.invalidInput("Subnet has a prefix length that is incompatible with DHCP service "
						+ "enabled");
			}
			if (MULTICAST.contains(cidr.network())) {
				throw NetworkException.invalidInput("Multicast IP subnet is not supported if enable_dhcp is True");
			}
		}
		if (cidr.prefixLength() < MIN_PREFIX_LENGTH || cidr.prefixLength() > MAX_PREFIX_LENGTH) {
			throw NetworkException.invalidInput("cidr " + cidr + " must have a prefix length from /" + MIN_PREFIX_LENGTH
					+ " to /" + MAX_PREFIX_LENGTH + ".");
		}
		String gateway = gateway(spec, cidr);
		List<String> dns = SubnetService.dnsNameservers(spec.dnsNameservers(), 6);
		List<SubnetSpec.Route> hostRoutes = SubnetService.hostRoutes(spec.hostRoutes(), "new subnet", 6);
		// _validate_ipv6_attributes
		if ((raMode != null || addressMode != null) && !dhcp) {
			throw NetworkException.invalidInput("ipv6_ra_mode or ipv6_address_mode cannot be set when enable_dhcp is "
					+ "set to False");
		}
		if (raMode != null && addressMode != null && !raMode.equals(addressMode)) {
			throw NetworkException.invalidInput("ipv6_ra_mode set to '" + raMode + "' with ipv6_address_mode set to '"
					+ addressMode + "' is not valid. If both attributes are set, they must be the same value");
		}
		Subnet subnet = new Subnet(now, network.getId(), project,
				(spec.name() != null) ? NetworkService.checkLength("name", spec.name()) : "", cidr.toString(), gateway,
				dhcp, dns);
		subnet.setIpv6(addressMode, raMode);
		if (subnet.isAutoAddress() && cidr.prefixLength() != 64) {
			throw NetworkException.invalidInput("Invalid CIDR " + spec.cidr() + " for IPv6 address mode. OpenStack uses "
					+ "the EUI-64 address format, which requires the prefix to be /64");
		}
		for (Subnet other : this.subnets.findByNetworkIdOrProjectId(network.getId(), project)) {
			if (other.getIpVersion() == 6 && Ipv6Cidr.parse(other.getCidr()).overlaps(cidr)) {
				throw NetworkException.invalidInput("Requested subnet with cidr: " + cidr + " for network: "
						+ network.getUuid() + " overlaps with another subnet (" + other.getCidr() + " of network "
						+ other.getNetworkId() + ").");
			}
		}
		List<Range> ranges = allocationPools(spec, cidr, gateway);
		if (spec.description() != null) {
			subnet.setDescription(NetworkService.checkLength("description", spec.description()));
		}
		subnet = this.subnets.saveAndFlush(subnet);
		for (Range range : ranges) {
			this.pools.save(new AllocationPool(subnet.getId(), Ipv6.format(range.first()), Ipv6.format(range.last())));
		}
		this.pools.flush();
		for (SubnetSpec.Route route : hostRoutes) {
			this.routes.save(new SubnetRoute(subnet.getId(), route.destination(), route.nexthop()));
		}
		this.routes.flush();
		return subnet;
	}

	private static String gateway(SubnetSpec spec, Ipv6Cidr cidr) {
		if (!spec.gatewayGiven()) {
			// Neutron's default: the first address after the network's (the subnet-router anycast)
			return Ipv6.format(cidr.network().add(BigInteger.ONE));
		}
		if (spec.gatewayIp() == null) {
			return null;
		}
		if (Ipv4.isValid(spec.gatewayIp())) {
			throw SubnetService.versionMismatch("gateway_ip", spec.gatewayIp(), 6);
		}
		if (!Ipv6.isValid(spec.gatewayIp())) {
			throw NetworkException.invalidInput("'" + spec.gatewayIp() + "' is not a valid IP address.");
		}
		BigInteger gateway = Ipv6.parse(spec.gatewayIp());
		// Neutron takes any IPv6 gateway; the host must hold it on the subnet's bridge here
		if (!cidr.contains(gateway)) {
			throw NetworkException.invalidInput("Gateway is not valid on subnet: " + spec.gatewayIp()
					+ " is not an address of " + cidr + ".");
		}
		return Ipv6.format(gateway);
	}

	private static List<Range> allocationPools(SubnetSpec spec, Ipv6Cidr cidr, String gateway) {
		BigInteger gw = (gateway != null) ? Ipv6.parse(gateway) : null;
		List<Range> ranges = new ArrayList<>();
		if (spec.allocationPools() == null || spec.allocationPools().isEmpty()) {
			// neutron's generate_pools: every address after the network's, but the gateway
			BigInteger first = cidr.network().add(BigInteger.ONE);
			BigInteger last = cidr.last();
			if (gw == null || !new Range(first, last).contains(gw)) {
				ranges.add(new Range(first, last));
				return ranges;
			}
			if (gw.compareTo(first) > 0) {
				ranges.add(new Range(first, gw.subtract(BigInteger.ONE)));
			}
			if (gw.compareTo(last) < 0) {
				ranges.add(new Range(gw.add(BigInteger.ONE), last));
			}
			return ranges;
		}
		for (SubnetSpec.Pool pool : spec.allocationPools()) {
			if (pool == null || !Ipv6.isValid(pool.start()) || !Ipv6.isValid(pool.end())) {
				throw NetworkException.invalidInput("allocation_pools need a valid 'start' and 'end' IPv6 address.");
			}
			Range range = new Range(Ipv6.parse(pool.start()), Ipv6.parse(pool.end()));
			if (range.first().compareTo(range.last()) > 0 || !cidr.contains(range.first()) || !cidr.contains(range.last())
					|| range.first().equals(cidr.network())) {
				throw NetworkException.invalidInput("The allocation pool " + pool.start() + "-" + pool.end()
						+ " spans beyond the subnet cidr " + cidr + ".");
			}
			if (gw != null && range.contains(gw)) {
				throw NetworkException.conflict("GatewayConflictWithAllocationPools",
						"Gateway ip " + gateway + " conflicts with allocation pool " + pool.start() + "-" + pool.end() + ".");
			}
			for (Range other : ranges) {
				if (other.overlaps(range)) {
					throw NetworkException.conflict("OverlappingAllocationPools",
							"Found overlapping allocation pools: " + pool.start() + "-" + pool.end() + " and "
									+ Ipv6.format(other.first()) + "-" + Ipv6.format(other.last()) + ".");
				}
			}
			ranges.add(range);
		}
		ranges.sort((a, b) -> a.first().compareTo(b.first()));
		return ranges;
	}

	/** Neutron's {@code _validate_host_route} for an IPv6 subnet. */
	static void checkHostRoute(SubnetSpec.Route route) {
		if (Ipv4.isValid(route.nexthop())) {
			throw SubnetService.versionMismatch("nexthop", route.nexthop(), 6);
		}
		if (Ipv4.isValid(route.destination().replaceFirst("/[0-9]*$", ""))) {
			throw SubnetService.versionMismatch("destination", route.destination(), 6);
		}
		try {
			Ipv6Cidr.parse(route.destination());
		}
		catch (IllegalArgumentException ex) {
			throw SubnetService.invalidRoute("'" + route.destination() + "' is not a valid CIDR");
		}
		if (!Ipv6.isValid(route.nexthop())) {
			throw SubnetService.invalidRoute("'" + route.nexthop() + "' is not a valid IP address");
		}
	}

	/** The allocation pools of an IPv6 subnet, as ranges. */
	List<Range> poolsOf(Subnet subnet) {
		return this.pools.findBySubnetIdOrderById(subnet.getId())
			.stream()
			.map((pool) -> new Range(Ipv6.parse(pool.getFirstIp()), Ipv6.parse(pool.getLastIp())))
			.toList();
	}

	/** An inclusive range of IPv6 addresses. */
	record Range(BigInteger first, BigInteger last) {

		boolean contains(BigInteger address) {
			return address.compareTo(this.first) >= 0 && address.compareTo(this.last) <= 0;
		}

		boolean overlaps(Range other) {
			return this.first.compareTo(other.last) <= 0 && other.first.compareTo(this.last) <= 0;
		}

	}

}
