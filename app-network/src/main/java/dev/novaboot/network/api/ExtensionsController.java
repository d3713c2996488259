package dev.novaboot.network.api;

import java.util.List;
import java.util.Map;

import dev.novaboot.network.manager.NetworkException;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /v2.0/extensions}: what this service implements beyond the core resources, in
 * Neutron's shape ({@code name}, {@code alias}, {@code description}, {@code updated},
 * {@code links}). Every authenticated caller may read it, as in Neutron.
 */
@RestController
@RequestMapping("/v2.0/extensions")
class ExtensionsController {

	@GetMapping
	Map<String, Object> list() {
		return Map.of("extensions", Extensions.IMPLEMENTED.stream().map(ExtensionsController::view).toList());
	}

	/** One extension by its alias; an alias this service does not implement is a 404, in Neutron's words. */
	@GetMapping("/{alias}")
	Map<String, Object> show(@PathVariable String alias) {
		return Map.of("extension", Extensions.byAlias(alias)
			.map(ExtensionsController::view)
			.orElseThrow(() -> new NetworkException(NetworkException.Kind.NOT_FOUND, "HTTPNotFound",
					"Extension with alias " + Limits.shown(alias) + " does not exist")));
	}

	private static Map<String, Object> view(Extensions.Extension extension) {
		return Map.of("alias", extension.alias(), "name", extension.name(), "description", extension.description(),
				"updated", extension.updated(), "links", List.of());
	}

}
