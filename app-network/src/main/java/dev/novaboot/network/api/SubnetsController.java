package dev.novaboot.network.api;

import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.novaboot.network.manager.BulkCreation;
import dev.novaboot.network.manager.NetworkException;
import dev.novaboot.network.manager.NetworkManager;
import dev.novaboot.network.manager.SubnetService;
import dev.novaboot.network.manager.SubnetSpec;
import dev.novaboot.network.store.Subnet;
import dev.novaboot.network.store.ListOrder;
import dev.novaboot.service.context.RequestContext;
import tools.jackson.databind.JsonNode;

import org.springframework.http.HttpStatus;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * {@code /v2.0/subnets}: IPv4 and IPv6.
 */
@RestController
@RequestMapping("/v2.0/subnets")
class SubnetsController {

	// the filters the database applies, by the API's name, with the store's name: stored
	// attributes and the computed ones the store translates (SubnetRepository.matching)
	private static final Map<String, String> SUBNET_FILTERS = Map.ofEntries(
			Map.entry("id", "uuid"),
			Map.entry("name", "name"),
			Map.entry("description", "description"),
			Map.entry("tenant_id", "projectId"),
			Map.entry("project_id", "projectId"),
			Map.entry("cidr", "cidr"),
			Map.entry("gateway_ip", "gatewayIp"),
			Map.entry("enable_dhcp", "enableDhcp"),
			Map.entry("ip_version", "ipVersion"),
			Map.entry("ipv6_address_mode", "ipv6AddressMode"),
			Map.entry("ipv6_ra_mode", "ipv6RaMode"),
			Map.entry("network_id", "networkUuid"));

	// Neutron's sort keys (is_sort_key in neutron-lib's definitions, with project_id) with the
	// store's names; an empty name orders nothing: subnetpool_id is the same (null) for every subnet here
	private static final Map<String, String> SUBNET_SORT_KEYS = Map.ofEntries(
			Map.entry("id", "uuid"),
			Map.entry("name", "name"),
			Map.entry("ip_version", "ipVersion"),
			Map.entry("network_id", "networkUuid"),
			Map.entry("subnetpool_id", ""),
			Map.entry("cidr", "cidr"),
			Map.entry("gateway_ip", "gatewayIp"),
			Map.entry("tenant_id", "projectId"),
			Map.entry("project_id", "projectId"),
			Map.entry("enable_dhcp", "enableDhcp"),
			Map.entry("ipv6_ra_mode", "ipv6RaMode"),
			Map.entry("ipv6_address_mode", "ipv6AddressMode"));

	private static final Set<String> CREATE = Set.of("network_id", "name", "description", "tenant_id", "project_id",
			"ip_version", "cidr", "gateway_ip", "allocation_pools", "dns_nameservers", "enable_dhcp", "host_routes",
			"ipv6_address_mode", "ipv6_ra_mode");

	private static final Set<String> UPDATE = Set.of("name", "description", "gateway_ip", "allocation_pools",
			"dns_nameservers", "enable_dhcp", "host_routes");

	private final SubnetService subnets;

	private final NetworkManager manager;

	private final Views views;

	private final BulkCreation bulk;

	SubnetsController(SubnetService subnets, NetworkManager manager, Views views, BulkCreation bulk) {
		this.subnets = subnets;
		this.bulk = bulk;
		this.manager = manager;
		this.views = views;
	}

	/** One subnet, or several at once ({@code {"subnets": [...]}}: all or none). */
	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	Map<String, Object> create(RequestContext context, @RequestBody JsonNode body) {
		List<Body> items = Body.bulk(body, "subnet", "subnets", CREATE);
		if (items != null) {
			List<SubnetSpec> specs = items.stream().map(SubnetsController::created).toList();
			List<Map<String, Object>> views = this.bulk.createAll(specs, (spec) -> this.subnets.create(context, spec))
				.stream()
				.map(this.views::subnet)
				.toList();
			views.stream().map((view) -> (String) view.get("network_id")).distinct().forEach(this.manager::networkChanged);
			return Map.of("subnets", views);
		}
		Subnet created = this.subnets.create(context, created(Body.of(body, "subnet", CREATE)));
		Map<String, Object> view = this.views.subnet(created);
		this.manager.networkChanged((String) view.get("network_id"));
		return Map.of("subnet", view);
	}

	private static SubnetSpec created(Body subnet) {
		String networkId = subnet.uuid("network_id");
		// required, as Neutron's attribute map has no default for it
		Integer ipVersion = subnet.integer("ip_version");
		if (ipVersion == null) {
			throw NetworkException.badRequest("Failed to parse request. Required attribute 'ip_version' not specified");
		}
		return new SubnetSpec(networkId, subnet.project(), subnet.name("name", Limits.NAME),
				subnet.string("description", Limits.DESCRIPTION),
				subnet.string("cidr", Limits.CIDR, Limits.NEUTRON_IP_ADDRESS), ipVersion, subnet.has("gateway_ip"),
				gatewayIp(subnet), pools(subnet), dnsNameservers(subnet), subnet.bool("enable_dhcp"),
				hostRoutes(subnet), subnet.string("ipv6_address_mode"), subnet.string("ipv6_ra_mode"));
	}

	private static List<SubnetSpec.Route> hostRoutes(Body subnet) {
		List<Body> routes = subnet.objects("host_routes", Set.of("destination", "nexthop"));
		return (routes != null) ? routes.stream()
			.map((route) -> new SubnetSpec.Route(route.string("destination", Limits.CIDR, Limits.NEUTRON_IP_ADDRESS),
					route.string("nexthop", Limits.IP_ADDRESS, Limits.NEUTRON_IP_ADDRESS)))
			.toList() : null;
	}

	private static List<SubnetSpec.Pool> pools(Body subnet) {
		List<Body> pools = subnet.objects("allocation_pools", Set.of("start", "end"));
		return (pools != null) ? pools.stream()
			.map((pool) -> new SubnetSpec.Pool(pool.string("start", Limits.IP_ADDRESS, Limits.NEUTRON_IP_ADDRESS),
					pool.string("end", Limits.IP_ADDRESS, Limits.NEUTRON_IP_ADDRESS)))
			.toList() : null;
	}

	private static String gatewayIp(Body subnet) {
		return subnet.string("gateway_ip", Limits.IP_ADDRESS, Limits.NEUTRON_IP_ADDRESS);
	}

	// stored joined in one column of 1024, which 5 addresses (the most a subnet takes) fit
	private static List<String> dnsNameservers(Body subnet) {
		return subnet.strings("dns_nameservers", Limits.IP_ADDRESS);
	}

	@GetMapping
	Map<String, Object> list(RequestContext context, @RequestParam MultiValueMap<String, String> query) {
		Listing.Filters filters = Listing.filters(query, SUBNET_FILTERS);
		ListOrder order = Listing.order(query, SUBNET_SORT_KEYS);
		return Listing.page(query, filters, order,
				(after, size) -> this.subnets.list(context, filters.database(), order, after, size),
				Subnet::getId,
				(uuid) -> Listing.found(() -> this.subnets.find(context, uuid)), this.views::subnet)
			.body("subnets", ServletUriComponentsBuilder.fromCurrentRequestUri().replaceQuery(null).toUriString(), query);
	}

	@GetMapping("/{id}")
	Map<String, Object> show(RequestContext context, @PathVariable String id,
			@RequestParam MultiValueMap<String, String> query) {
		return Map.of("subnet",
				Listing.fields(this.views.subnet(this.subnets.find(context, Limits.pathId("Subnet", id))), query));
	}

	@PutMapping("/{id}")
	Map<String, Object> update(RequestContext context, @PathVariable String id, @RequestBody JsonNode body) {
		Limits.pathId("Subnet", id);
		Body subnet = Body.of(body, "subnet", UPDATE);
		Subnet updated = this.subnets.update(context, id,
				new SubnetSpec(null, null, subnet.name("name", Limits.NAME), subnet.string("description", Limits.DESCRIPTION),
						null, null, subnet.has("gateway_ip"), gatewayIp(subnet), pools(subnet), dnsNameservers(subnet),
						subnet.bool("enable_dhcp"), hostRoutes(subnet)));
		Map<String, Object> view = this.views.subnet(updated);
		this.manager.networkChanged((String) view.get("network_id"));
		return Map.of("subnet", view);
	}

	@DeleteMapping("/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void delete(RequestContext context, @PathVariable String id) {
		this.manager.subnetRemoved(this.subnets.delete(context, Limits.pathId("Subnet", id)));
	}

}
