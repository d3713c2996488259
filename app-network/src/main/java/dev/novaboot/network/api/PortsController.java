package dev.novaboot.network.api;

import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.novaboot.network.manager.BulkCreation;
import dev.novaboot.network.manager.NetworkException;
import dev.novaboot.network.manager.NetworkManager;
import dev.novaboot.network.manager.PortService;
import dev.novaboot.network.manager.PortSpec;
import dev.novaboot.network.store.Port;
import dev.novaboot.network.store.ListOrder;
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
 * {@code /v2.0/ports}.
 */
@RestController
@RequestMapping("/v2.0/ports")
class PortsController {

	// the filters the database applies, by the API's name, with the store's name: stored
	// attributes and the computed ones the store translates (PortRepository.matching)
	private static final Map<String, String> PORT_FILTERS = Map.ofEntries(
			Map.entry("id", "uuid"),
			Map.entry("name", "name"),
			Map.entry("description", "description"),
			Map.entry("tenant_id", "projectId"),
			Map.entry("project_id", "projectId"),
			Map.entry("mac_address", "macAddress"),
			Map.entry("device_id", "deviceId"),
			Map.entry("device_owner", "deviceOwner"),
			Map.entry("admin_state_up", "adminStateUp"),
			Map.entry("network_id", "networkUuid"),
			Map.entry("fixed_ips.ip_address", "fixedIpAddress"),
			Map.entry("fixed_ips.subnet_id", "fixedIpSubnet"),
			Map.entry("status", "status"),
			Map.entry("binding:host_id", "bindingHost"));

	// Neutron's sort keys (is_sort_key in neutron-lib's definitions, with project_id) with the
	// store's names
	private static final Map<String, String> PORT_SORT_KEYS = Map.ofEntries(
			Map.entry("id", "uuid"),
			Map.entry("name", "name"),
			Map.entry("network_id", "networkUuid"),
			Map.entry("admin_state_up", "adminStateUp"),
			Map.entry("mac_address", "macAddress"),
			Map.entry("device_id", "deviceId"),
			Map.entry("device_owner", "deviceOwner"),
			Map.entry("tenant_id", "projectId"),
			Map.entry("project_id", "projectId"),
			Map.entry("status", "status"));

	private static final Set<String> CREATE = Set.of("network_id", "name", "description", "tenant_id", "project_id",
			"mac_address", "fixed_ips", "device_id", "device_owner", "admin_state_up", "binding:host_id",
			"security_groups");

	private static final Set<String> UPDATE = Set.of("name", "description", "mac_address", "fixed_ips",
			"security_groups", "device_id",
			"device_owner", "admin_state_up", "binding:host_id");

	private final PortService ports;

	private final NetworkManager manager;

	private final Views views;

	private final BulkCreation bulk;

	PortsController(PortService ports, NetworkManager manager, Views views, BulkCreation bulk) {
		this.ports = ports;
		this.bulk = bulk;
		this.manager = manager;
		this.views = views;
	}

	/** One port, or several at once ({@code {"ports": [...]}}: all or none). */
	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	Map<String, Object> create(RequestContext context, @RequestBody JsonNode body) {
		List<Body> items = Body.bulk(body, "port", "ports", CREATE);
		if (items != null) {
			List<PortSpec> specs = items.stream().map(PortsController::created).toList();
			List<Map<String, Object>> views = this.bulk.createAll(specs, (spec) -> this.ports.create(context, spec))
				.stream()
				.map(this.views::port)
				.toList();
			views.stream().map((view) -> (String) view.get("network_id")).distinct().forEach(this.manager::portAdded);
			return Map.of("ports", views);
		}
		Port created = this.ports.create(context, created(Body.of(body, "port", CREATE)));
		Map<String, Object> view = this.views.port(created);
		this.manager.portAdded((String) view.get("network_id"));
		return Map.of("port", view);
	}

	private static PortSpec created(Body port) {
		return new PortSpec(port.uuid("network_id"), port.project(), port.name("name", Limits.NAME),
				port.string("description", Limits.DESCRIPTION), macAddress(port), fixedIps(port),
				port.string("device_id", Limits.DEVICE_ID), port.string("device_owner", Limits.DEVICE_OWNER),
				port.bool("admin_state_up"), port.string("binding:host_id", Limits.HOST), securityGroups(port));
	}

	// neutron's convert_none_to_empty_list and type:uuid_list
	private static List<String> securityGroups(Body port) {
		if (port.has("security_groups") && port.node("security_groups").isNull()) {
			return List.of();
		}
		List<String> groups = port.strings("security_groups", 36);
		if (groups != null) {
			for (String group : groups) {
				if (!Uuids.isUuid(group)) {
					throw NetworkException.invalidInput("Invalid input for security_groups. Reason: '" + Limits.shown(group)
							+ "' is not a valid UUID.");
				}
			}
		}
		return groups;
	}

	private static List<PortSpec.FixedIpRequest> fixedIps(Body port) {
		List<Body> fixed = port.objects("fixed_ips", Set.of("subnet_id", "ip_address"));
		return (fixed != null) ? fixed.stream()
			.map((entry) -> new PortSpec.FixedIpRequest(entry.uuid("subnet_id"),
					entry.string("ip_address", Limits.IP_ADDRESS, Limits.NEUTRON_IP_ADDRESS)))
			.toList() : null;
	}

	private static String macAddress(Body port) {
		return port.string("mac_address", Limits.MAC_ADDRESS, Limits.NEUTRON_MAC_ADDRESS);
	}

	@GetMapping
	Map<String, Object> list(RequestContext context, @RequestParam MultiValueMap<String, String> query) {
		Listing.Filters filters = Listing.filters(query, PORT_FILTERS);
		ListOrder order = Listing.order(query, PORT_SORT_KEYS);
		return Listing.pageByBatch(query, filters, order,
				(after, size) -> this.ports.list(context, filters.database(), order, after, size),
				Port::getId,
				(uuid) -> Listing.found(() -> this.ports.find(context, uuid)), this.views::ports)
			.body("ports", ServletUriComponentsBuilder.fromCurrentRequestUri().replaceQuery(null).toUriString(), query);
	}

	@GetMapping("/{id}")
	Map<String, Object> show(RequestContext context, @PathVariable String id,
			@RequestParam MultiValueMap<String, String> query) {
		return Map.of("port", Listing.fields(this.views.port(this.ports.find(context, Limits.pathId("Port", id))), query));
	}

	@PutMapping("/{id}")
	Map<String, Object> update(RequestContext context, @PathVariable String id, @RequestBody JsonNode body) {
		Limits.pathId("Port", id);
		Body port = Body.of(body, "port", UPDATE);
		Port updated = this.ports.update(context, id,
				new PortSpec(null, null, port.name("name", Limits.NAME), port.string("description", Limits.DESCRIPTION),
						macAddress(port), fixedIps(port), port.string("device_id", Limits.DEVICE_ID),
						port.string("device_owner", Limits.DEVICE_OWNER), port.bool("admin_state_up"), null,
						securityGroups(port)));
		Map<String, Object> view = this.views.port(updated);
		if (port.has("fixed_ips") || port.has("security_groups") || port.has("device_owner")) {
			// the network's DHCP hosts and the port's filter follow its new addresses and groups
			this.manager.portAdded((String) view.get("network_id"));
		}
		return Map.of("port", view);
	}

	@DeleteMapping("/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void delete(RequestContext context, @PathVariable String id) {
		this.manager.portRemoved(this.ports.delete(context, Limits.pathId("Port", id)));
	}

}
