package dev.novaboot.compute.api;

import java.util.Map;

import dev.novaboot.compute.manager.FlavorCatalog;
import dev.novaboot.service.api.NotFoundException;
import dev.novaboot.service.context.RequestContext;

import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /v2.1/flavors/{id}/os-extra_specs[/{key}]} (Nova's {@code flavors_extraspecs}):
 * read by whoever may see the flavor, written by admins. Nova answers 200 to every call,
 * creates and deletes included.
 */
@RestController
@RequestMapping("/v2.1/flavors/{flavorId}/os-extra_specs")
class FlavorExtraSpecsController {

	private final FlavorCatalog flavors;

	FlavorExtraSpecsController(FlavorCatalog flavors) {
		this.flavors = flavors;
	}

	@GetMapping
	Map<String, Object> list(RequestContext context, @PathVariable String flavorId) {
		return Map.of("extra_specs", this.flavors.extraSpecs(flavorId, context.projectId(), context.isAdmin()));
	}

	/** Adds or replaces the given specs; the answer is the body as given, as Nova's. */
	@PostMapping
	Map<String, Object> create(RequestContext context, @PathVariable String flavorId,
			@RequestBody Map<String, Object> body) {
		admin(context, "os_compute_api:os-flavor-extra-specs:create");
		Map<String, String> specs = FlavorRequests.createExtraSpecs(body);
		this.flavors.setExtraSpecs(flavorId, specs);
		return body;
	}

	@GetMapping("/{key}")
	Map<String, String> show(RequestContext context, @PathVariable String flavorId, @PathVariable String key) {
		String value = this.flavors.extraSpecs(flavorId, context.projectId(), context.isAdmin()).get(key);
		if (value == null) {
			throw new NotFoundException("Flavor " + ServerRequests.shown(flavorId) + " has no extra specs with key "
					+ ServerRequests.shown(key) + ".");
		}
		return Map.of(key, value);
	}

	@PutMapping("/{key}")
	Map<String, Object> update(RequestContext context, @PathVariable String flavorId, @PathVariable String key,
			@RequestBody Map<String, Object> body) {
		admin(context, "os_compute_api:os-flavor-extra-specs:update");
		this.flavors.setExtraSpecs(flavorId, FlavorRequests.updateExtraSpec(key, body));
		return body;
	}

	@DeleteMapping("/{key}")
	void delete(RequestContext context, @PathVariable String flavorId, @PathVariable String key) {
		admin(context, "os_compute_api:os-flavor-extra-specs:delete");
		this.flavors.deleteExtraSpec(flavorId, key);
	}

	private static void admin(RequestContext context, String rule) {
		if (!context.isAdmin()) {
			throw new PolicyForbiddenException(rule);
		}
	}

}
