package dev.novaboot.network.api;

import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.novaboot.network.manager.NetworkManager;
import dev.novaboot.network.manager.NetworkService;
import dev.novaboot.network.manager.NetworkSpec;
import dev.novaboot.network.manager.RemovedNetwork;
import dev.novaboot.network.store.Network;
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

/**
 * {@code /v2.0/networks}.
 */
@RestController
@RequestMapping("/v2.0/networks")
class NetworksController {

	private static final Set<String> CREATE = Set.of("name", "description", "admin_state_up", "shared",
			"router:external", "tenant_id", "project_id", "provider:network_type", "provider:physical_network",
			"provider:segmentation_id", "mtu", "port_security_enabled", "availability_zone_hints");

	private static final Set<String> UPDATE = Set.of("name", "description", "admin_state_up", "shared",
			"router:external", "provider:network_type", "provider:physical_network", "provider:segmentation_id");

	private final NetworkService networks;

	private final NetworkManager manager;

	private final Views views;

	NetworksController(NetworkService networks, NetworkManager manager, Views views) {
		this.networks = networks;
		this.manager = manager;
		this.views = views;
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	Map<String, Object> create(RequestContext context, @RequestBody JsonNode body) {
		Body network = Body.of(body, "network", CREATE);
		String project = (network.string("project_id") != null) ? network.string("project_id") : network.string("tenant_id");
		Network created = this.networks.create(context,
				new NetworkSpec(project, network.string("name"), network.string("description"),
						network.bool("admin_state_up"), network.bool("shared"), network.bool("router:external"),
						network.string("provider:network_type"), network.string("provider:physical_network"),
						network.integer("provider:segmentation_id")),
				this.manager.defaultNetworkType());
		return Map.of("network", this.views.network(created, context));
	}

	@GetMapping
	Map<String, Object> list(RequestContext context, @RequestParam MultiValueMap<String, String> query) {
		List<Map<String, Object>> all = this.networks.list(context)
			.stream()
			.map((network) -> this.views.network(network, context))
			.toList();
		return Map.of("networks", Listing.apply(all, query));
	}

	@GetMapping("/{id}")
	Map<String, Object> show(RequestContext context, @PathVariable String id,
			@RequestParam MultiValueMap<String, String> query) {
		return Map.of("network", Listing.fields(this.views.network(this.networks.find(context, id), context), query));
	}

	@PutMapping("/{id}")
	Map<String, Object> update(RequestContext context, @PathVariable String id, @RequestBody JsonNode body) {
		Body network = Body.of(body, "network", UPDATE);
		Network updated = this.networks.update(context, id,
				new NetworkSpec(null, network.string("name"), network.string("description"),
						network.bool("admin_state_up"), network.bool("shared"), network.bool("router:external"),
						network.string("provider:network_type"), network.string("provider:physical_network"),
						network.integer("provider:segmentation_id")));
		return Map.of("network", this.views.network(updated, context));
	}

	@DeleteMapping("/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void delete(RequestContext context, @PathVariable String id) {
		RemovedNetwork removed = this.networks.delete(context, id);
		this.manager.networkRemoved(removed);
	}

}
