package dev.novaboot.network.api;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.novaboot.network.manager.IpAvailability;
import dev.novaboot.network.manager.IpAvailability.NetworkUsage;
import dev.novaboot.network.manager.IpAvailability.SubnetUsage;
import dev.novaboot.network.manager.NetworkException;
import dev.novaboot.network.manager.NetworkService;
import dev.novaboot.network.store.ListOrder;
import dev.novaboot.network.store.Network;
import dev.novaboot.service.context.RequestContext;

import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /v2.0/network-ip-availabilities}: Neutron's {@code network-ip-availability}
 * extension, admin only (as Neutron's policy; the auth layer refuses others): each
 * network's used and total addresses, with those of each of its subnets.
 */
@RestController
@RequestMapping("/v2.0/network-ip-availabilities")
class NetworkIpAvailabilitiesController {

	// the filters the database applies, by the API's name, with the store's name
	private static final Map<String, String> FILTERS = Map.of("network_id", "uuid", "network_name", "name",
			"tenant_id", "projectId", "project_id", "projectId");

	private final NetworkService networks;

	private final IpAvailability availability;

	NetworkIpAvailabilitiesController(NetworkService networks, IpAvailability availability) {
		this.networks = networks;
		this.availability = availability;
	}

	@GetMapping
	Map<String, Object> list(RequestContext context, @RequestParam MultiValueMap<String, String> query) {
		adminOnly(context);
		Listing.Filters filters = Listing.filters(query, FILTERS);
		return Map.of("network_ip_availabilities", Listing.page(query, filters,
				(after, size) -> this.networks.list(context, filters.database(), ListOrder.BY_ID, after, size),
				Network::getId, (uuid) -> Listing.found(() -> this.networks.find(context, uuid)),
				(network) -> view(this.availability.of(network))));
	}

	@GetMapping("/{id}")
	Map<String, Object> show(RequestContext context, @PathVariable String id,
			@RequestParam MultiValueMap<String, String> query) {
		adminOnly(context);
		Network network = this.networks.find(context, Limits.pathId("Network", id));
		return Map.of("network_ip_availability", Listing.fields(view(this.availability.of(network)), query));
	}

	// the token strategy's path rules refuse others already; this holds under noauth too
	private static void adminOnly(RequestContext context) {
		if (!context.isAdmin()) {
			throw NetworkException.forbidden("rule:get_network_ip_availability is disallowed by policy");
		}
	}

	private static Map<String, Object> view(NetworkUsage usage) {
		Map<String, Object> view = new LinkedHashMap<>();
		view.put("network_id", usage.network().getUuid());
		view.put("network_name", usage.network().getName());
		view.put("tenant_id", usage.network().getProjectId());
		view.put("project_id", usage.network().getProjectId());
		view.put("total_ips", usage.totalIps());
		view.put("used_ips", usage.usedIps());
		view.put("subnet_ip_availability", usage.subnets().stream().map(NetworkIpAvailabilitiesController::view).toList());
		return view;
	}

	private static Map<String, Object> view(SubnetUsage usage) {
		Map<String, Object> view = new LinkedHashMap<>();
		view.put("subnet_id", usage.subnet().getUuid());
		view.put("subnet_name", usage.subnet().getName());
		view.put("cidr", usage.subnet().getCidr());
		view.put("ip_version", usage.subnet().getIpVersion());
		view.put("total_ips", usage.totalIps());
		view.put("used_ips", usage.usedIps());
		return view;
	}

}
