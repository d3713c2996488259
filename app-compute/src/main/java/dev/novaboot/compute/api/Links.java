package dev.novaboot.compute.api;

import java.util.List;
import java.util.Map;

import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The {@code links} of a resource, self and bookmark, from the URL the caller used.
 */
final class Links {

	private Links() {
	}

	static String base() {
		return ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString();
	}

	static List<Map<String, String>> of(String collection, String id) {
		String base = base();
		return List.of(Map.of("rel", "self", "href", base + "/v2.1/" + collection + "/" + id),
				Map.of("rel", "bookmark", "href", base + "/" + collection + "/" + id));
	}

}
