package dev.novaboot.volume.api;

import java.util.List;

import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * A link of an OpenStack resource: {@code self} with the version, {@code bookmark}
 * without.
 */
record Link(String href, String rel) {

	static List<Link> of(String projectId, String collection, String id) {
		String root = ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString();
		return List.of(new Link(root + "/v3/" + projectId + "/" + collection + "/" + id, "self"),
				new Link(root + "/" + projectId + "/" + collection + "/" + id, "bookmark"));
	}

}
