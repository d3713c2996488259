package dev.novaboot.network.api;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.novaboot.network.manager.FloatingIpService;
import dev.novaboot.network.manager.NetworkService;
import dev.novaboot.network.manager.PortLinks;
import dev.novaboot.network.manager.PortService;
import dev.novaboot.network.manager.RouterService;
import dev.novaboot.network.manager.SecurityGroupService;
import dev.novaboot.network.manager.SubnetService;
import dev.novaboot.network.store.FloatingIp;
import dev.novaboot.network.store.Network;
import dev.novaboot.network.store.Port;
import dev.novaboot.network.store.Router;
import dev.novaboot.network.store.SecurityGroup;
import dev.novaboot.network.store.SecurityGroupRule;
import dev.novaboot.network.store.Subnet;
import dev.novaboot.service.context.RequestContext;

import org.springframework.stereotype.Component;

/**
 * Resources as the Networking API v2.0 shows them (Neutron's attribute names; both
 * {@code tenant_id} and {@code project_id}; provider attributes for admins only).
 */
@Component
class Views {

	// Neutron's timestamps: UTC, second precision, "Z"
	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'")
		.withZone(ZoneOffset.UTC);

	private final NetworkService networks;

	private final SubnetService subnets;

	private final PortService ports;

	private final FloatingIpService floatingIps;

	private final SecurityGroupService securityGroups;

	private final RouterService routers;

	Views(NetworkService networks, SubnetService subnets, PortService ports, FloatingIpService floatingIps,
			SecurityGroupService securityGroups, RouterService routers) {
		this.routers = routers;
		this.securityGroups = securityGroups;
		this.networks = networks;
		this.subnets = subnets;
		this.ports = ports;
		this.floatingIps = floatingIps;
	}

	Map<String, Object> network(Network network, RequestContext context) {
		Map<String, Object> view = new LinkedHashMap<>();
		view.put("id", network.getUuid());
		view.put("name", network.getName());
		view.put("description", network.getDescription());
		view.put("tenant_id", network.getProjectId());
		view.put("project_id", network.getProjectId());
		view.put("status", "ACTIVE");
		view.put("admin_state_up", network.isAdminStateUp());
		view.put("shared", network.isShared());
		view.put("router:external", network.isExternal());
		view.put("subnets", this.subnets.ofNetwork(network).stream().map(Subnet::getUuid).toList());
		view.put("mtu", 1500);
		if (context.isAdmin()) {
			view.put("provider:network_type", network.getNetworkType());
			view.put("provider:physical_network", network.getPhysicalNetwork());
			view.put("provider:segmentation_id", network.getSegmentationId());
		}
		view.put("created_at", time(network.getCreatedAt()));
		view.put("updated_at", time(network.getUpdatedAt()));
		return view;
	}

	Map<String, Object> subnet(Subnet subnet) {
		Map<String, Object> view = new LinkedHashMap<>();
		view.put("id", subnet.getUuid());
		view.put("name", subnet.getName());
		view.put("description", subnet.getDescription());
		view.put("network_id", networkUuid(subnet.getNetworkId()));
		view.put("tenant_id", subnet.getProjectId());
		view.put("project_id", subnet.getProjectId());
		view.put("ip_version", subnet.getIpVersion());
		view.put("cidr", subnet.getCidr());
		view.put("gateway_ip", subnet.getGatewayIp());
		view.put("allocation_pools", this.subnets.poolsOf(subnet)
			.stream()
			.map((pool) -> Map.of("start", pool.getFirstIp(), "end", pool.getLastIp()))
			.toList());
		view.put("dns_nameservers", subnet.getDnsNameservers());
		view.put("host_routes", this.subnets.routesOf(subnet)
			.stream()
			.map((route) -> Map.of("destination", route.getDestination(), "nexthop", route.getNexthop()))
			.toList());
		view.put("enable_dhcp", subnet.isEnableDhcp());
		view.put("ipv6_address_mode", subnet.getIpv6AddressMode());
		view.put("ipv6_ra_mode", subnet.getIpv6RaMode());
		view.put("created_at", time(subnet.getCreatedAt()));
		view.put("updated_at", time(subnet.getUpdatedAt()));
		return view;
	}

	Map<String, Object> port(Port port) {
		return ports(List.of(port)).get(0);
	}

	/** The views of a batch of ports, in its order; what they show of other tables read once for all. */
	List<Map<String, Object>> ports(List<Port> ports) {
		PortLinks links = this.ports.linksOf(ports);
		return ports.stream().map((port) -> port(port, links)).toList();
	}

	private Map<String, Object> port(Port port, PortLinks links) {
		Map<String, Object> view = new LinkedHashMap<>();
		view.put("id", port.getUuid());
		view.put("name", port.getName());
		view.put("description", port.getDescription());
		view.put("network_id", links.networkUuid(port.getNetworkId()));
		view.put("tenant_id", port.getProjectId());
		view.put("project_id", port.getProjectId());
		view.put("mac_address", port.getMacAddress());
		view.put("fixed_ips", links.addressesOf(port.getId())
			.stream()
			.map((fixed) -> Map.of("subnet_id", fixed.subnetUuid(), "ip_address", fixed.address()))
			.toList());
		view.put("device_id", port.getDeviceId());
		view.put("device_owner", port.getDeviceOwner());
		view.put("admin_state_up", port.isAdminStateUp());
		view.put("status", port.getDeviceId().isEmpty() ? "DOWN" : "ACTIVE");
		view.put("binding:host_id", (port.getHost() != null) ? port.getHost() : "");
		view.put("security_groups", links.securityGroupsOf(port.getId()));
		view.put("created_at", time(port.getCreatedAt()));
		view.put("updated_at", time(port.getUpdatedAt()));
		return view;
	}

	Map<String, Object> floatingIp(FloatingIp floating) {
		Map<String, Object> view = new LinkedHashMap<>();
		view.put("id", floating.getUuid());
		view.put("description", floating.getDescription());
		view.put("tenant_id", floating.getProjectId());
		view.put("project_id", floating.getProjectId());
		view.put("floating_network_id", this.floatingIps.networkUuid(floating));
		view.put("floating_ip_address", floating.getAddress());
		view.put("fixed_ip_address", floating.getFixedAddress());
		view.put("port_id", this.floatingIps.portUuid(floating));
		view.put("router_id", this.floatingIps.routerUuid(floating));
		view.put("status", (floating.getFixedAddress() != null) ? "ACTIVE" : "DOWN");
		view.put("created_at", time(floating.getCreatedAt()));
		view.put("updated_at", time(floating.getUpdatedAt()));
		return view;
	}

	Map<String, Object> router(Router router) {
		Map<String, Object> view = new LinkedHashMap<>();
		view.put("id", router.getUuid());
		view.put("name", router.getName());
		view.put("description", router.getDescription());
		view.put("tenant_id", router.getProjectId());
		view.put("project_id", router.getProjectId());
		view.put("status", "ACTIVE");
		view.put("admin_state_up", router.isAdminStateUp());
		RouterService.GatewayView gateway = this.routers.gatewayView(router);
		if (gateway == null) {
			view.put("external_gateway_info", null);
		}
		else {
			Map<String, Object> info = new LinkedHashMap<>();
			info.put("network_id", gateway.networkId());
			info.put("enable_snat", gateway.enableSnat());
			info.put("external_fixed_ips", gateway.externalFixedIps()
				.stream()
				.map((ip) -> Map.of("subnet_id", ip.subnetId(), "ip_address", ip.ipAddress()))
				.toList());
			view.put("external_gateway_info", info);
		}
		view.put("routes", this.routers.routesOf(router)
			.stream()
			.map((route) -> Map.of("destination", route.getDestination(), "nexthop", route.getNexthop()))
			.toList());
		view.put("created_at", time(router.getCreatedAt()));
		view.put("updated_at", time(router.getUpdatedAt()));
		return view;
	}

	Map<String, Object> securityGroup(SecurityGroup group) {
		Map<String, Object> view = new LinkedHashMap<>();
		view.put("id", group.getUuid());
		view.put("name", group.getName());
		view.put("description", group.getDescription());
		view.put("tenant_id", group.getProjectId());
		view.put("project_id", group.getProjectId());
		view.put("security_group_rules", this.securityGroups.rulesOf(group).stream().map(this::securityGroupRule).toList());
		view.put("created_at", time(group.getCreatedAt()));
		view.put("updated_at", time(group.getUpdatedAt()));
		return view;
	}

	Map<String, Object> securityGroupRule(SecurityGroupRule rule) {
		Map<String, Object> view = new LinkedHashMap<>();
		view.put("id", rule.getUuid());
		view.put("tenant_id", rule.getProjectId());
		view.put("project_id", rule.getProjectId());
		view.put("security_group_id", this.securityGroups.groupUuid(rule.getSecurityGroupId()));
		view.put("ethertype", rule.getEthertype());
		view.put("direction", rule.getDirection());
		view.put("protocol", rule.getProtocol());
		view.put("port_range_min", rule.getPortRangeMin());
		view.put("port_range_max", rule.getPortRangeMax());
		view.put("remote_ip_prefix", rule.getRemoteIpPrefix());
		view.put("remote_group_id", this.securityGroups.groupUuid(rule.getRemoteGroupId()));
		view.put("description", rule.getDescription());
		view.put("created_at", time(rule.getCreatedAt()));
		view.put("updated_at", time(rule.getUpdatedAt()));
		return view;
	}

	private String networkUuid(Long id) {
		return this.networks.uuidOf(id);
	}

	private static String time(Instant instant) {
		return TIME.format(instant.truncatedTo(ChronoUnit.SECONDS));
	}

}
