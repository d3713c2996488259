package dev.novaboot.compute.api;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import dev.novaboot.compute.manager.InstanceTags;
import dev.novaboot.compute.store.Instance;
import dev.novaboot.service.api.BadRequestException;
import dev.novaboot.service.api.Microversion;
import dev.novaboot.service.api.NotFoundException;
import dev.novaboot.service.context.RequestContext;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriUtils;

/**
 * {@code /v2.1/servers/{id}/tags} (microversion 2.26, Nova's {@code server_tags}): a
 * server's tags, replaced whole or one by one while the server is active or stopped; not
 * found before 2.26.
 */
@RestController
@RequestMapping("/v2.1/servers/{serverId}/tags")
class ServerTagsController {

	private final ServerOperations servers;

	private final InstanceTags tags;

	ServerTagsController(ServerOperations servers, InstanceTags tags) {
		this.servers = servers;
		this.tags = tags;
	}

	@GetMapping
	Map<String, List<String>> list(RequestContext context, @PathVariable String serverId, Microversion version) {
		return Map.of("tags", this.tags.of(server(context, serverId, version).getUuid()));
	}

	@PutMapping
	Map<String, List<String>> replace(RequestContext context, @PathVariable String serverId,
			@RequestBody Map<String, Object> body, Microversion version) {
		Instance instance = server(context, serverId, version);
		for (String field : body.keySet()) {
			if (!field.equals("tags")) {
				throw new BadRequestException("Additional properties are not allowed ('" + ServerRequests.shown(field)
						+ "' was unexpected)");
			}
		}
		if (!body.containsKey("tags")) {
			throw new BadRequestException("'tags' is a required property");
		}
		return Map.of("tags", this.tags.replace(instance.getUuid(), ServerRequests.tags(body.get("tags"), "tags")));
	}

	@DeleteMapping
	ResponseEntity<Void> removeAll(RequestContext context, @PathVariable String serverId, Microversion version) {
		this.tags.removeAll(server(context, serverId, version).getUuid());
		return ResponseEntity.noContent().build();
	}

	@GetMapping("/{tag}")
	ResponseEntity<Void> check(RequestContext context, @PathVariable String serverId, @PathVariable String tag,
			Microversion version) {
		Instance instance = server(context, serverId, version);
		if (!this.tags.of(instance.getUuid()).contains(tag)) {
			throw new NotFoundException("Server " + instance.getUuid() + " has no tag '" + ServerRequests.shown(tag) + "'");
		}
		return ResponseEntity.noContent().build();
	}

	/** 201 with the tag's location when it is new, 204 when the server had it already. */
	@PutMapping("/{tag}")
	ResponseEntity<Void> add(RequestContext context, @PathVariable String serverId, @PathVariable String tag,
			@RequestBody(required = false) Object body, Microversion version) {
		Instance instance = server(context, serverId, version);
		if (body != null) {
			throw new BadRequestException("Invalid input for field/attribute body. It is not of type 'null'.");
		}
		try {
			ServerRequests.tag(tag, "tag");
		}
		catch (BadRequestException ex) {
			throw new BadRequestException("Tag '" + ServerRequests.shown(tag) + "' is invalid. It must be a non empty "
					+ "string without characters '/' and ','.");
		}
		if (!this.tags.add(instance.getUuid(), tag)) {
			return ResponseEntity.noContent().build();
		}
		return ResponseEntity
			.created(URI.create(Links.base() + "/v2.1/servers/" + instance.getUuid() + "/tags/" + encoded(tag)))
			.build();
	}

	@DeleteMapping("/{tag}")
	ResponseEntity<Void> remove(RequestContext context, @PathVariable String serverId, @PathVariable String tag,
			Microversion version) {
		this.tags.remove(server(context, serverId, version).getUuid(), tag);
		return ResponseEntity.noContent().build();
	}

	private Instance server(RequestContext context, String serverId, Microversion version) {
		if (!version.isAtLeast(2, 26)) {
			throw new NotFoundException("The resource could not be found.");
		}
		return this.servers.find(context, serverId);
	}

	private static String encoded(String tag) {
		return UriUtils.encodePathSegment(tag, StandardCharsets.UTF_8);
	}

}
