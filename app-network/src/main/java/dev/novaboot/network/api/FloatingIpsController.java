package dev.novaboot.network.api;

import java.util.Map;
import java.util.Set;

import dev.novaboot.network.manager.FloatingIpService;
import dev.novaboot.network.manager.FloatingIpService.Change;
import dev.novaboot.network.manager.NetworkException;
import dev.novaboot.network.manager.NetworkManager;
import dev.novaboot.network.store.FloatingIp;
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
 * {@code /v2.0/floatingips}: allocate from an external network, associate with a port by
 * updating {@code port_id} (null disassociates), release by deleting.
 */
@RestController
@RequestMapping("/v2.0/floatingips")
class FloatingIpsController {

	// the filters the database applies, by the API's name, with the store's name: stored
	// attributes and the computed ones the store translates (FloatingIpRepository.matching)
	private static final Map<String, String> FLOATING_IP_FILTERS = Map.ofEntries(
			Map.entry("id", "uuid"),
			Map.entry("description", "description"),
			Map.entry("tenant_id", "projectId"),
			Map.entry("project_id", "projectId"),
			Map.entry("floating_ip_address", "address"),
			Map.entry("fixed_ip_address", "fixedAddress"),
			Map.entry("floating_network_id", "networkUuid"),
			Map.entry("port_id", "portUuid"),
			Map.entry("status", "status"));

	// Neutron's sort keys (is_sort_key in neutron-lib's definitions, with project_id) with the
	// store's names; an empty name orders nothing: router_id is null for every floating IP here
	private static final Map<String, String> FLOATING_IP_SORT_KEYS = Map.ofEntries(
			Map.entry("id", "uuid"),
			Map.entry("floating_ip_address", "address"),
			Map.entry("floating_network_id", "networkUuid"),
			Map.entry("router_id", ""),
			Map.entry("fixed_ip_address", "fixedAddress"),
			Map.entry("tenant_id", "projectId"),
			Map.entry("project_id", "projectId"),
			Map.entry("status", "status"));

	private static final Set<String> CREATE = Set.of("floating_network_id", "floating_ip_address", "port_id",
			"fixed_ip_address", "tenant_id", "project_id", "description", "subnet_id");

	private static final Set<String> UPDATE = Set.of("port_id", "fixed_ip_address", "description");

	private final FloatingIpService floatingIps;

	private final NetworkManager manager;

	private final Views views;

	FloatingIpsController(FloatingIpService floatingIps, NetworkManager manager, Views views) {
		this.floatingIps = floatingIps;
		this.manager = manager;
		this.views = views;
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	Map<String, Object> create(RequestContext context, @RequestBody JsonNode body) {
		Body floating = Body.of(body, "floatingip", CREATE);
		String network = floating.uuid("floating_network_id");
		if (network == null) {
			throw NetworkException.badRequest(
					"Failed to parse request. Required attribute 'floating_network_id' not specified");
		}
		// subnet_id picks nothing here (an external network has its pool), but a malformed one is still an error
		floating.uuid("subnet_id");
		Change change = this.floatingIps.create(context, network, floating.project(),
				floating.string("floating_ip_address", Limits.IP_ADDRESS, Limits.NEUTRON_IP_ADDRESS),
				floating.uuid("port_id"), fixedIpAddress(floating), floating.string("description", Limits.DESCRIPTION));
		this.manager.floatingIpChanged(change.before(), change.after());
		return Map.of("floatingip", this.views.floatingIp(change.floatingIp()));
	}

	private static String fixedIpAddress(Body floating) {
		return floating.string("fixed_ip_address", Limits.IP_ADDRESS, Limits.NEUTRON_IP_ADDRESS);
	}

	@GetMapping
	Map<String, Object> list(RequestContext context, @RequestParam MultiValueMap<String, String> query) {
		Listing.Filters filters = Listing.filters(query, FLOATING_IP_FILTERS);
		ListOrder order = Listing.order(query, FLOATING_IP_SORT_KEYS);
		return Listing.page(query, filters, order,
				(after, size) -> this.floatingIps.list(context, filters.database(), order, after, size),
				FloatingIp::getId,
				(uuid) -> Listing.found(() -> this.floatingIps.find(context, uuid)), this.views::floatingIp)
			.body("floatingips", ServletUriComponentsBuilder.fromCurrentRequestUri().replaceQuery(null).toUriString(), query);
	}

	@GetMapping("/{id}")
	Map<String, Object> show(RequestContext context, @PathVariable String id,
			@RequestParam MultiValueMap<String, String> query) {
		return Map.of("floatingip", Listing
			.fields(this.views.floatingIp(this.floatingIps.find(context, Limits.pathId("Floating IP", id))), query));
	}

	@PutMapping("/{id}")
	Map<String, Object> update(RequestContext context, @PathVariable String id, @RequestBody JsonNode body) {
		Limits.pathId("Floating IP", id);
		Body floating = Body.of(body, "floatingip", UPDATE);
		Change change = this.floatingIps.update(context, id, floating.has("port_id"), floating.uuid("port_id"),
				fixedIpAddress(floating), floating.string("description", Limits.DESCRIPTION));
		this.manager.floatingIpChanged(change.before(), change.after());
		return Map.of("floatingip", this.views.floatingIp(change.floatingIp()));
	}

	@DeleteMapping("/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void delete(RequestContext context, @PathVariable String id) {
		this.manager.floatingIpChanged(this.floatingIps.delete(context, Limits.pathId("Floating IP", id)), null);
	}

}
