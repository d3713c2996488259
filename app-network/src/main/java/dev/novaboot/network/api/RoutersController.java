package dev.novaboot.network.api;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.novaboot.network.manager.NetworkException;
import dev.novaboot.network.manager.NetworkManager;
import dev.novaboot.network.manager.PortSpec;
import dev.novaboot.network.manager.SubnetSpec;
import dev.novaboot.network.manager.RouterService;
import dev.novaboot.network.manager.RouterService.GatewayInfo;
import dev.novaboot.network.manager.RouterService.InterfaceInfo;
import dev.novaboot.network.store.ListOrder;
import dev.novaboot.network.store.Router;
import dev.novaboot.service.api.Uuids;
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
 * {@code /v2.0/routers} (neutron-lib's {@code l3} and {@code l3_ext_gw_mode}): routers,
 * their external gateway ({@code external_gateway_info} with {@code enable_snat}) and the
 * {@code add_router_interface} / {@code remove_router_interface} actions, and static
 * {@code routes} ({@code extraroute}). After each
 * change the router is set up again on the network host that carries it.
 */
@RestController
@RequestMapping("/v2.0/routers")
class RoutersController {

	private static final Map<String, String> FILTERS = Map.of("id", "uuid", "name", "name", "description",
			"description", "tenant_id", "projectId", "project_id", "projectId");

	// is_sort_key in l3.py, with project_id; status is ACTIVE for every router here
	private static final Map<String, String> SORT_KEYS = Map.of("id", "uuid", "name", "name", "admin_state_up",
			"adminStateUp", "status", "", "tenant_id", "projectId", "project_id", "projectId");

	private static final Set<String> CREATE = Set.of("name", "description", "admin_state_up", "external_gateway_info",
			"tenant_id", "project_id");

	private static final Set<String> UPDATE = Set.of("name", "description", "admin_state_up", "external_gateway_info",
			"routes");

	private static final Set<String> GATEWAY = Set.of("network_id", "enable_snat", "external_fixed_ips");

	private static final Set<String> INTERFACE = Set.of("subnet_id", "port_id");

	private final RouterService routers;

	private final NetworkManager manager;

	private final Views views;

	RoutersController(RouterService routers, NetworkManager manager, Views views) {
		this.routers = routers;
		this.manager = manager;
		this.views = views;
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	Map<String, Object> create(RequestContext context, @RequestBody JsonNode body) {
		Body router = Body.of(body, "router", CREATE);
		Router created = this.routers.create(context, router.project(), router.name("name", Limits.NAME),
				router.string("description", Limits.DESCRIPTION), router.bool("admin_state_up"), gateway(router));
		this.manager.routerChanged(created.getUuid());
		return Map.of("router", this.views.router(created));
	}

	@GetMapping
	Map<String, Object> list(RequestContext context, @RequestParam MultiValueMap<String, String> query) {
		Listing.Filters filters = Listing.filters(query, FILTERS);
		ListOrder order = Listing.order(query, SORT_KEYS);
		return Listing.page(query, filters, order,
				(after, size) -> this.routers.list(context, filters.database(), order, after, size), Router::getId,
				(uuid) -> Listing.found(() -> this.routers.find(context, uuid)), this.views::router)
			.body("routers", ServletUriComponentsBuilder.fromCurrentRequestUri().replaceQuery(null).toUriString(), query);
	}

	@GetMapping("/{id}")
	Map<String, Object> show(RequestContext context, @PathVariable String id,
			@RequestParam MultiValueMap<String, String> query) {
		Router router = this.routers.find(context, routerId(id));
		return Map.of("router", Listing.fields(this.views.router(router), query));
	}

	@PutMapping("/{id}")
	Map<String, Object> update(RequestContext context, @PathVariable String id, @RequestBody JsonNode body) {
		routerId(id);
		Body router = Body.of(body, "router", UPDATE);
		Router updated = this.routers.update(context, id, router.name("name", Limits.NAME),
				router.string("description", Limits.DESCRIPTION), router.bool("admin_state_up"),
				router.has("external_gateway_info"), gateway(router), routes(router));
		this.manager.routerChanged(updated.getUuid());
		return Map.of("router", this.views.router(updated));
	}

	@DeleteMapping("/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void delete(RequestContext context, @PathVariable String id) {
		String host = this.routers.delete(context, routerId(id));
		this.manager.routerRemoved(id, host);
	}

	@PutMapping("/{id}/add_router_interface")
	Map<String, Object> addInterface(RequestContext context, @PathVariable String id, @RequestBody JsonNode body) {
		routerId(id);
		Body info = Body.unwrapped(body, INTERFACE);
		InterfaceInfo added = this.routers.addInterface(context, id, interfaceUuid(info, "subnet_id"),
				interfaceUuid(info, "port_id"));
		this.manager.routerChanged(id);
		return view(added);
	}

	@PutMapping("/{id}/remove_router_interface")
	Map<String, Object> removeInterface(RequestContext context, @PathVariable String id, @RequestBody JsonNode body) {
		routerId(id);
		Body info = Body.unwrapped(body, INTERFACE);
		InterfaceInfo removed = this.routers.removeInterface(context, id, interfaceUuid(info, "subnet_id"),
				interfaceUuid(info, "port_id"));
		this.manager.routerInterfaceRemoved(id, removed.networkId());
		return view(removed);
	}

	// an id that is no uuid is not looked up
	private static String routerId(String id) {
		if (!Uuids.isUuid(id)) {
			throw RouterService.routerNotFound(Limits.shown(id));
		}
		return id;
	}

	// _validate_interface_info: a value that is no uuid is a "Bad router request"
	private static String interfaceUuid(Body info, String field) {
		JsonNode value = info.node(field);
		if (value == null) {
			return null;
		}
		if (!value.isString() || !Uuids.isUuid(value.asString())) {
			throw new NetworkException(NetworkException.Kind.INVALID, "BadRequest",
					"Bad router request: '" + Limits.shown(value.toString()) + "' is not a valid UUID");
		}
		return value.asString();
	}

	private static Map<String, Object> view(InterfaceInfo info) {
		Map<String, Object> view = new LinkedHashMap<>();
		view.put("id", info.routerId());
		view.put("tenant_id", info.projectId());
		view.put("port_id", info.portId());
		view.put("network_id", info.networkId());
		view.put("subnet_id", info.subnetId());
		view.put("subnet_ids", info.subnetIds());
		return view;
	}

	/** extraroute's {@code routes}: {@code null} is the empty list (convert_none_to_empty_list). */
	private static List<SubnetSpec.Route> routes(Body router) {
		if (!router.has("routes")) {
			return null;
		}
		List<Body> routes = router.objects("routes", Set.of("destination", "nexthop"));
		return (routes != null) ? routes.stream()
			.map((route) -> new SubnetSpec.Route(route.string("destination", Limits.CIDR, Limits.NEUTRON_IP_ADDRESS),
					route.string("nexthop", Limits.IP_ADDRESS, Limits.NEUTRON_IP_ADDRESS)))
			.toList() : List.of();
	}

	/** {@code external_gateway_info}: null or {} for none, else a network with optional SNAT and addresses. */
	private static GatewayInfo gateway(Body router) {
		Body gateway = router.object("external_gateway_info", GATEWAY);
		if (gateway == null || gateway.isEmpty()) {
			return null;
		}
		String network = gateway.uuid("network_id");
		if (network == null) {
			throw NetworkException.invalidInput("Invalid input for external_gateway_info. Reason: Validation of "
					+ "dictionary's keys failed. Expected keys: {'network_id'} Provided keys: " + gateway.keys() + ".");
		}
		List<PortSpec.FixedIpRequest> fixedIps = null;
		List<Body> requested = gateway.objects("external_fixed_ips", Set.of("subnet_id", "ip_address"));
		if (requested != null) {
			fixedIps = new ArrayList<>();
			for (Body ip : requested) {
				fixedIps.add(new PortSpec.FixedIpRequest(ip.uuid("subnet_id"),
						ip.string("ip_address", Limits.IP_ADDRESS, Limits.NEUTRON_IP_ADDRESS)));
			}
		}
		return new GatewayInfo(network, gateway.bool("enable_snat"), fixedIps);
	}

}
