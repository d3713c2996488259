package dev.novaboot.compute.api;

import java.util.List;
import java.util.Map;

import dev.novaboot.service.api.ComputeMicroversions;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Version discovery, which OpenStack clients fetch first: {@code GET /} and
 * {@code GET /v2.1}, with the range of microversions this subset speaks
 * ({@code docs/compute-microversions.md}).
 */
@RestController
class ComputeVersionController {

	@GetMapping("/")
	Map<String, Object> versions() {
		return Map.of("versions", List.of(version()));
	}

	@GetMapping({ "/v2.1", "/v2.1/" })
	Map<String, Object> current() {
		Map<String, Object> version = new java.util.LinkedHashMap<>(version());
		version.put("media-types", List.of(Map.of("base", "application/json", "type",
				"application/vnd.openstack.compute+json;version=2.1")));
		return Map.of("version", version);
	}

	private static Map<String, Object> version() {
		return Map.of("id", "v2.1", "status", "CURRENT", "version", ComputeMicroversions.MAXIMUM.toString(), "min_version",
				ComputeMicroversions.MINIMUM.toString(), "updated",
				"2013-07-23T11:33:21Z", "links", List.of(Map.of("rel", "self", "href", Links.base() + "/v2.1/")));
	}

}
