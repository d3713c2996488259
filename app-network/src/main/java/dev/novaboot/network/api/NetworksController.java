package dev.novaboot.network.api;

import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.novaboot.network.manager.BulkCreation;
import dev.novaboot.network.manager.NetworkException;
import dev.novaboot.network.manager.NetworkManager;
import dev.novaboot.network.manager.NetworkService;
import dev.novaboot.network.manager.NetworkSpec;
import dev.novaboot.network.manager.RemovedNetwork;
import dev.novaboot.network.store.Network;
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
 * {@code /v2.0/networks}.
 */
@RestController
@RequestMapping("/v2.0/networks")
class NetworksController {

	// the filters the database applies, by the API's name, with the store's name: stored
	// attributes and the computed ones the store translates (NetworkRepository.matching);
	// status and mtu (constants) and the provider attributes (shown to admins only) stay
	// with Listing's matching on the views
	private static final Map<String, String> NETWORK_FILTERS = Map.ofEntries(
			Map.entry("id", "uuid"),
			Map.entry("name", "name"),
			Map.entry("description", "description"),
			Map.entry("tenant_id", "projectId"),
			Map.entry("project_id", "projectId"),
			Map.entry("admin_state_up", "adminStateUp"),
			Map.entry("shared", "shared"),
			Map.entry("router:external", "external"),
			Map.entry("subnets", "subnetUuid"));

	// Neutron's sort keys (is_sort_key in neutron-lib's definitions, with project_id) with the
	// store's names; an empty name orders nothing: "status" and "mtu" are the same for every network
	private static final Map<String, String> NETWORK_SORT_KEYS = Map.ofEntries(
			Map.entry("id", "uuid"),
			Map.entry("name", "name"),
			Map.entry("admin_state_up", "adminStateUp"),
			Map.entry("status", ""),
			Map.entry("tenant_id", "projectId"),
			Map.entry("project_id", "projectId"),
			Map.entry("mtu", ""));

	private static final Set<String> CREATE = Set.of("name", "description", "admin_state_up", "shared",
			"router:external", "tenant_id", "project_id", "provider:network_type", "provider:physical_network",
			"provider:segmentation_id", "mtu", "port_security_enabled", "availability_zone_hints", "is_default");

	private static final Set<String> UPDATE = Set.of("name", "description", "admin_state_up", "shared",
			"router:external", "provider:network_type", "provider:physical_network", "provider:segmentation_id");

	private final NetworkService networks;

	private final NetworkManager manager;

	private final Views views;

	private final BulkCreation bulk;

	NetworksController(NetworkService networks, NetworkManager manager, Views views, BulkCreation bulk) {
		this.networks = networks;
		this.bulk = bulk;
		this.manager = manager;
		this.views = views;
	}

	/** One network, or several at once ({@code {"networks": [...]}}: all or none). */
	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	Map<String, Object> create(RequestContext context, @RequestBody JsonNode body) {
		String type = this.manager.defaultNetworkType();
		List<Body> items = Body.bulk(body, "network", "networks", CREATE);
		if (items != null) {
			List<NetworkSpec> specs = items.stream().map(NetworksController::created).toList();
			return Map.of("networks", this.bulk.createAll(specs, (spec) -> this.networks.create(context, spec, type))
				.stream()
				.map((network) -> this.views.network(network, context))
				.toList());
		}
		Network created = this.networks.create(context, created(Body.of(body, "network", CREATE)), type);
		return Map.of("network", this.views.network(created, context));
	}

	private static NetworkSpec created(Body network) {
		// clients such as openstack4j always send is_default (auto-allocated topology's
		// default external network); false is what every network here is
		if (Boolean.TRUE.equals(network.bool("is_default"))) {
			throw NetworkException.invalidInput("Invalid input for is_default. Reason: a default network for "
					+ "auto-allocated topologies is not supported.");
		}
		return spec(network, network.project());
	}

	/** The body's attributes, each checked against the column it is stored in. */
	private static NetworkSpec spec(Body network, String project) {
		return new NetworkSpec(project, network.name("name", Limits.NAME),
				network.string("description", Limits.DESCRIPTION), network.bool("admin_state_up"),
				network.bool("shared"), network.bool("router:external"),
				network.string("provider:network_type", Limits.NETWORK_TYPE, Limits.NEUTRON_NETWORK_TYPE),
				network.string("provider:physical_network", Limits.PHYSICAL_NETWORK),
				network.integer("provider:segmentation_id"));
	}

	@GetMapping
	Map<String, Object> list(RequestContext context, @RequestParam MultiValueMap<String, String> query) {
		Listing.Filters filters = Listing.filters(query, NETWORK_FILTERS);
		ListOrder order = Listing.order(query, NETWORK_SORT_KEYS);
		return Listing.page(query, filters, order,
				(after, size) -> this.networks.list(context, filters.database(), order, after, size),
				Network::getId,
				(uuid) -> Listing.found(() -> this.networks.find(context, uuid)),
				(network) -> this.views.network(network, context))
			.body("networks", ServletUriComponentsBuilder.fromCurrentRequestUri().replaceQuery(null).toUriString(), query);
	}

	@GetMapping("/{id}")
	Map<String, Object> show(RequestContext context, @PathVariable String id,
			@RequestParam MultiValueMap<String, String> query) {
		Network network = this.networks.find(context, Limits.pathId("Network", id));
		return Map.of("network", Listing.fields(this.views.network(network, context), query));
	}

	@PutMapping("/{id}")
	Map<String, Object> update(RequestContext context, @PathVariable String id, @RequestBody JsonNode body) {
		Limits.pathId("Network", id);
		Body network = Body.of(body, "network", UPDATE);
		Network updated = this.networks.update(context, id, spec(network, null));
		return Map.of("network", this.views.network(updated, context));
	}

	@DeleteMapping("/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void delete(RequestContext context, @PathVariable String id) {
		RemovedNetwork removed = this.networks.delete(context, Limits.pathId("Network", id));
		this.manager.networkRemoved(removed);
	}

}
