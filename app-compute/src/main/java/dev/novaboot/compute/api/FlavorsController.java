package dev.novaboot.compute.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.novaboot.compute.manager.FlavorCatalog;
import dev.novaboot.compute.manager.FlavorCatalog.FlavorNotFoundException;
import dev.novaboot.compute.manager.MarkerNotFoundException;
import dev.novaboot.compute.store.FlavorRecord;
import dev.novaboot.service.api.BadRequestException;
import dev.novaboot.service.api.Microversion;
import dev.novaboot.service.api.NotFoundException;
import dev.novaboot.service.context.RequestContext;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /v2.1/flavors} as Nova's {@code flavors}, {@code flavor_manage} and
 * {@code flavor_access} APIs: lists filtered ({@code minRam}, {@code minDisk}, for admins
 * {@code is_public}), sorted and paged in the database; create and delete for admins;
 * private flavors opened to projects by admins ({@code os-flavor-access},
 * {@code addTenantAccess}, {@code removeTenantAccess}).
 */
@RestController
class FlavorsController {

	// Nova's VALID_SORT_KEYS, and the attribute each sorts by; description and vcpu_weight are
	// null for every flavor here, so they order as the row id does
	private static final Map<String, String> SORT_KEYS = Map.ofEntries(Map.entry("created_at", "createdAt"),
			Map.entry("description", "id"), Map.entry("disabled", "disabled"), Map.entry("ephemeral_gb", "ephemeralGb"),
			Map.entry("flavorid", "flavorid"), Map.entry("id", "id"), Map.entry("is_public", "isPublic"),
			Map.entry("memory_mb", "memoryMb"), Map.entry("name", "name"), Map.entry("root_gb", "rootGb"),
			Map.entry("rxtx_factor", "rxtxFactor"), Map.entry("swap", "swap"), Map.entry("updated_at", "updatedAt"),
			Map.entry("vcpu_weight", "id"), Map.entry("vcpus", "vcpus"));

	private static final List<String> SORT_KEY_NAMES = List.of("created_at", "description", "disabled",
			"ephemeral_gb", "flavorid", "id", "is_public", "memory_mb", "name", "root_gb", "rxtx_factor", "swap",
			"updated_at", "vcpu_weight", "vcpus");

	private final FlavorCatalog flavors;

	FlavorsController(FlavorCatalog flavors) {
		this.flavors = flavors;
	}

	@GetMapping("/v2.1/flavors")
	Map<String, Object> list(RequestContext context, @RequestParam Map<String, String> query) {
		return page(context, query, false);
	}

	@GetMapping("/v2.1/flavors/detail")
	Map<String, Object> detail(RequestContext context, @RequestParam Map<String, String> query) {
		return page(context, query, true);
	}

	@GetMapping("/v2.1/flavors/{id}")
	Map<String, Object> show(RequestContext context, @PathVariable String id) {
		return Map.of("flavor", detail(this.flavors.findVisible(id, context.projectId(), context.isAdmin())
			.orElseThrow(() -> new FlavorNotFoundException(id))));
	}

	/** Nova answers 200 (not 201) with the new flavor. */
	@PostMapping("/v2.1/flavors")
	Map<String, Object> create(RequestContext context, @RequestBody Map<String, Object> body) {
		admin(context, "os_compute_api:os-flavor-manage:create");
		FlavorRequests.CreateFlavor request = FlavorRequests.create(body);
		return Map.of("flavor", detail(this.flavors.create(request.id(), request.name(), request.ram(), request.vcpus(),
				request.disk(), request.ephemeral(), request.swap(), request.rxtxFactor(), request.isPublic())));
	}

	/** Nova answers 202. */
	@DeleteMapping("/v2.1/flavors/{id}")
	@ResponseStatus(HttpStatus.ACCEPTED)
	void delete(RequestContext context, @PathVariable String id) {
		admin(context, "os_compute_api:os-flavor-manage:delete");
		this.flavors.delete(id);
	}

	@GetMapping("/v2.1/flavors/{id}/os-flavor-access")
	Map<String, Object> access(RequestContext context, @PathVariable String id) {
		admin(context, "os_compute_api:os-flavor-access");
		FlavorRecord flavor = this.flavors.find(id).orElseThrow(() -> new FlavorNotFoundException(id));
		if (flavor.isPublic()) {
			throw new NotFoundException("Access list not available for public flavors.");
		}
		return accessView(id, this.flavors.access(id));
	}

	@PostMapping("/v2.1/flavors/{id}/action")
	Map<String, Object> action(RequestContext context, @PathVariable String id, @RequestBody Map<String, Object> body,
			Microversion version) {
		ServerRequests.Action action = ServerRequests.action(body);
		switch (action.name()) {
			case "addTenantAccess" -> {
				admin(context, "os_compute_api:os-flavor-access:add_tenant_access");
				String project = FlavorRequests.tenant(action.argument(), action.name());
				FlavorRecord flavor = this.flavors.find(id).orElseThrow(() -> new FlavorNotFoundException(id));
				if (version.isAtLeast(2, 7) && flavor.isPublic()) {
					throw new ConflictException("Can not add access to a public flavor.");
				}
				return accessView(id, this.flavors.addAccess(id, project));
			}
			case "removeTenantAccess" -> {
				admin(context, "os_compute_api:os-flavor-access:remove_tenant_access");
				String project = FlavorRequests.tenant(action.argument(), action.name());
				return accessView(id, this.flavors.removeAccess(id, project));
			}
			default -> throw new BadRequestException("There is no such action: " + ServerRequests.shown(action.name()));
		}
	}

	private Map<String, Object> page(RequestContext context, Map<String, String> query, boolean detail) {
		String sortKey = query.getOrDefault("sort_key", "flavorid");
		if (sortKey.isEmpty()) {
			sortKey = "flavorid";
		}
		if (!SORT_KEYS.containsKey(sortKey)) {
			throw new BadRequestException("Invalid input for query parameters sort_key. Value: "
					+ ServerRequests.shown(sortKey) + ". '" + ServerRequests.shown(sortKey) + "' is not one of "
					+ SORT_KEY_NAMES);
		}
		String sortDir = query.getOrDefault("sort_dir", "asc");
		if (sortDir.isEmpty()) {
			sortDir = "asc";
		}
		if (!sortDir.equals("asc") && !sortDir.equals("desc")) {
			throw new BadRequestException("Invalid input for query parameters sort_dir. Value: "
					+ ServerRequests.shown(sortDir) + ". '" + ServerRequests.shown(sortDir)
					+ "' is not one of ['asc', 'desc']");
		}
		int limit = Paging.limit(query.get("limit"));
		Boolean publicOnly = true;
		if (context.isAdmin() && query.containsKey("is_public")) {
			publicOnly = isPublic(query.get("is_public"));
		}
		Integer minRam = minimum(query, "minRam");
		Integer minDisk = minimum(query, "minDisk");
		String marker = query.get("marker");
		List<FlavorRecord> page;
		try {
			page = this.flavors.page(context.projectId(), context.isAdmin(), publicOnly, minRam, minDisk,
					SORT_KEYS.get(sortKey), sortDir.equals("asc"), marker, limit);
		}
		catch (MarkerNotFoundException ex) {
			throw new BadRequestException("marker [" + ServerRequests.shown(marker) + "] not found");
		}
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("flavors", page.stream().map(detail ? FlavorsController::detail : FlavorsController::summary).toList());
		if (!page.isEmpty()) {
			List<Map<String, String>> links = Paging.links(limit, page.size(), page.get(page.size() - 1).getFlavorid());
			if (!links.isEmpty()) {
				body.put("flavors_links", links);
			}
		}
		return body;
	}

	// Nova's _parse_is_public: "none" is every flavor, else a strict boolean
	private static Boolean isPublic(String value) {
		if (value == null || value.strip().equalsIgnoreCase("none")) {
			return null;
		}
		Boolean parsed = FlavorRequests.queryBool(value);
		if (parsed == null) {
			throw new BadRequestException("Invalid is_public filter [" + ServerRequests.shown(value) + "]");
		}
		return parsed;
	}

	private static Integer minimum(Map<String, String> query, String name) {
		String value = query.get(name);
		if (value == null) {
			return null;
		}
		try {
			return Integer.parseInt(value.strip());
		}
		catch (NumberFormatException ex) {
			throw new BadRequestException("Invalid " + name + " filter [" + ServerRequests.shown(value) + "]");
		}
	}

	private static void admin(RequestContext context, String rule) {
		if (!context.isAdmin()) {
			throw new PolicyForbiddenException(rule);
		}
	}

	private static Map<String, Object> accessView(String flavorId, List<String> projects) {
		return Map.of("flavor_access",
				projects.stream().map((project) -> Map.of("flavor_id", flavorId, "tenant_id", project)).toList());
	}

	private static Map<String, Object> summary(FlavorRecord flavor) {
		Map<String, Object> view = new LinkedHashMap<>();
		view.put("id", flavor.getFlavorid());
		view.put("name", flavor.getName());
		view.put("links", Links.of("flavors", flavor.getFlavorid()));
		return view;
	}

	static Map<String, Object> detail(FlavorRecord flavor) {
		Map<String, Object> view = summary(flavor);
		view.put("ram", flavor.getMemoryMb());
		view.put("disk", flavor.getRootGb());
		// before 2.75 Nova shows no swap as ""
		view.put("swap", (flavor.getSwap() != 0) ? flavor.getSwap() : "");
		view.put("OS-FLV-EXT-DATA:ephemeral", flavor.getEphemeralGb());
		view.put("OS-FLV-DISABLED:disabled", flavor.isDisabled());
		view.put("vcpus", flavor.getVcpus());
		view.put("os-flavor-access:is_public", flavor.isPublic());
		view.put("rxtx_factor", flavor.getRxtxFactor());
		return view;
	}

}
