package dev.novaboot.service.auth.identity;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * {@code GET /identity/v3}: the version document that OpenStack clients fetch before they
 * ask for a token.
 */
@RestController
class IdentityVersionController {

	@GetMapping("/identity/v3")
	Map<String, Version> version() {
		String self = ServletUriComponentsBuilder.fromCurrentContextPath().path("/identity/v3/").toUriString();
		return Map.of("version", new Version("v3.14", "stable", "2020-04-07T00:00:00Z",
				List.of(new Link("self", self)),
				List.of(new MediaType("application/json", "application/vnd.openstack.identity-v3+json"))));
	}

	record Version(String id, String status, String updated, List<Link> links,
			@JsonProperty("media-types") List<MediaType> mediaTypes) {
	}

	record Link(String rel, String href) {
	}

	record MediaType(String base, String type) {
	}

}
