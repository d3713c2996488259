package dev.novaboot.network.api;

import java.util.List;
import java.util.Map;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The version document at the API root, which clients fetch first.
 */
@RestController
class NetworkVersionController {

	@GetMapping("/")
	Map<String, Object> versions() {
		String base = ServletUriComponentsBuilder.fromCurrentContextPath().path("/v2.0/").toUriString();
		return Map.of("versions", List.of(Map.of("id", "v2.0", "status", "CURRENT", "links",
				List.of(Map.of("href", base, "rel", "self")))));
	}

	/** The resources of v2.0, as Neutron lists them. */
	@GetMapping({ "/v2.0", "/v2.0/" })
	Map<String, Object> resources() {
		return Map.of("resources", List.of(resource("network", "networks"), resource("subnet", "subnets"),
				resource("port", "ports"), resource("floatingip", "floatingips")));
	}

	private static Map<String, Object> resource(String name, String collection) {
		String href = ServletUriComponentsBuilder.fromCurrentContextPath().path("/v2.0/" + collection).toUriString();
		return Map.of("name", name, "collection", collection, "links", List.of(Map.of("href", href, "rel", "self")));
	}

}
