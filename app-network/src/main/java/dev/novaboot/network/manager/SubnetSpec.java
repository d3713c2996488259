package dev.novaboot.network.manager;

import java.util.List;

/**
 * What a caller asks for when creating a subnet; {@code null} means "not given", except
 * that {@code gatewayGiven} tells an explicit {@code "gateway_ip": null} (no gateway) from
 * an absent one (the first host address).
 */
public record SubnetSpec(String networkId, String projectId, String name, String description, String cidr,
		Integer ipVersion, boolean gatewayGiven, String gatewayIp, List<Pool> allocationPools,
		List<String> dnsNameservers, Boolean enableDhcp, List<Route> hostRoutes, String ipv6AddressMode,
		String ipv6RaMode) {

	/** A subnet without IPv6 modes. */
	public SubnetSpec(String networkId, String projectId, String name, String description, String cidr,
			Integer ipVersion, boolean gatewayGiven, String gatewayIp, List<Pool> allocationPools,
			List<String> dnsNameservers, Boolean enableDhcp, List<Route> hostRoutes) {
		this(networkId, projectId, name, description, cidr, ipVersion, gatewayGiven, gatewayIp, allocationPools,
				dnsNameservers, enableDhcp, hostRoutes, null, null);
	}

	/** A subnet without host routes. */
	public SubnetSpec(String networkId, String projectId, String name, String description, String cidr,
			Integer ipVersion, boolean gatewayGiven, String gatewayIp, List<Pool> allocationPools,
			List<String> dnsNameservers, Boolean enableDhcp) {
		this(networkId, projectId, name, description, cidr, ipVersion, gatewayGiven, gatewayIp, allocationPools,
				dnsNameservers, enableDhcp, null);
	}

	public record Pool(String start, String end) {
	}

	/** A host route: traffic to the {@code destination} CIDR goes through {@code nexthop}. */
	public record Route(String destination, String nexthop) {
	}

}
