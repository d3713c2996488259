package dev.novaboot.compute.api;

import java.util.Map;

import dev.novaboot.compute.manager.InstanceDetails;
import dev.novaboot.service.context.RequestContext;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /v2.1/servers/{id}/metadata}: a server's metadata, read, merged, replaced, and
 * one item read, set and deleted (Nova's {@code server_metadata.py}); changes while the
 * server is active or stopped with no task running, else 409.
 */
@RestController
@RequestMapping("/v2.1/servers/{serverId}/metadata")
class ServerMetadataController {

	private final ServerOperations servers;

	ServerMetadataController(ServerOperations servers) {
		this.servers = servers;
	}

	@GetMapping
	Map<String, Object> index(RequestContext context, @PathVariable String serverId) {
		return Map.of("metadata", this.servers.metadata(this.servers.find(context, serverId)));
	}

	/** Merges the items given into the server's metadata; the whole metadata back (200, as Nova). */
	@PostMapping
	Map<String, Object> create(RequestContext context, @PathVariable String serverId,
			@RequestBody Map<String, Object> body) {
		Map<String, String> items = MetadataRequests.metadataBody(body);
		return Map.of("metadata", this.servers.updateMetadata(context, serverId, items, false));
	}

	/** Replaces the server's metadata with the items given. */
	@PutMapping
	Map<String, Object> updateAll(RequestContext context, @PathVariable String serverId,
			@RequestBody Map<String, Object> body) {
		Map<String, String> items = MetadataRequests.metadataBody(body);
		return Map.of("metadata", this.servers.updateMetadata(context, serverId, items, true));
	}

	@GetMapping("/{key}")
	Map<String, Object> show(RequestContext context, @PathVariable String serverId, @PathVariable String key) {
		Map<String, String> metadata = this.servers.metadata(this.servers.find(context, serverId));
		if (!metadata.containsKey(key)) {
			throw new InstanceDetails.MetadataItemNotFoundException();
		}
		return Map.of("meta", Map.of(key, metadata.get(key)));
	}

	@PutMapping("/{key}")
	Map<String, Object> update(RequestContext context, @PathVariable String serverId, @PathVariable String key,
			@RequestBody Map<String, Object> body) {
		Map<String, String> item = MetadataRequests.metaBody(body, key);
		this.servers.updateMetadata(context, serverId, item, false);
		return Map.of("meta", item);
	}

	@DeleteMapping("/{key}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void delete(RequestContext context, @PathVariable String serverId, @PathVariable String key) {
		this.servers.deleteMetadataItem(context, serverId, key);
	}

}
