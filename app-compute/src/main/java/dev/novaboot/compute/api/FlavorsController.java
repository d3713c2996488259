package dev.novaboot.compute.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.novaboot.compute.manager.Flavor;
import dev.novaboot.compute.manager.FlavorCatalog;
import dev.novaboot.service.api.NotFoundException;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /v2.1/flavors}: the configured flavors, read-only.
 */
@RestController
class FlavorsController {

	private final FlavorCatalog flavors;

	FlavorsController(FlavorCatalog flavors) {
		this.flavors = flavors;
	}

	@GetMapping("/v2.1/flavors")
	Map<String, List<Map<String, Object>>> list() {
		return Map.of("flavors", this.flavors.list().stream().map(FlavorsController::summary).toList());
	}

	@GetMapping("/v2.1/flavors/detail")
	Map<String, List<Map<String, Object>>> detail() {
		return Map.of("flavors", this.flavors.list().stream().map(FlavorsController::detail).toList());
	}

	@GetMapping("/v2.1/flavors/{id}")
	Map<String, Map<String, Object>> show(@PathVariable String id) {
		return Map.of("flavor", detail(this.flavors.find(id)
			.orElseThrow(() -> new NotFoundException("Flavor " + id + " could not be found."))));
	}

	private static Map<String, Object> summary(Flavor flavor) {
		Map<String, Object> view = new LinkedHashMap<>();
		view.put("id", flavor.id());
		view.put("name", flavor.name());
		view.put("links", Links.of("flavors", flavor.id()));
		return view;
	}

	static Map<String, Object> detail(Flavor flavor) {
		Map<String, Object> view = summary(flavor);
		view.put("ram", flavor.ram());
		view.put("vcpus", flavor.vcpus());
		view.put("disk", flavor.disk());
		view.put("OS-FLV-EXT-DATA:ephemeral", 0);
		view.put("OS-FLV-DISABLED:disabled", false);
		view.put("swap", "");
		view.put("rxtx_factor", 1.0);
		view.put("os-flavor-access:is_public", true);
		return view;
	}

}
