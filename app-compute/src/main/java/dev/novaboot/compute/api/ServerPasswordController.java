package dev.novaboot.compute.api;

import java.util.Map;

import dev.novaboot.service.context.RequestContext;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /v2.1/servers/{id}/os-server-password}: the encrypted password a guest posts to
 * Nova's metadata service. This cloud has no metadata service (guests get their data from
 * a config drive, which is read-only), so no guest ever posts one: the password is the
 * empty string Nova answers for a server without one, and clearing it changes nothing.
 * The server must exist and be the caller's, as in Nova.
 */
@RestController
class ServerPasswordController {

	private final ServerOperations servers;

	ServerPasswordController(ServerOperations servers) {
		this.servers = servers;
	}

	@GetMapping("/v2.1/servers/{id}/os-server-password")
	Map<String, Object> show(RequestContext context, @PathVariable String id) {
		this.servers.find(context, id);
		return Map.of("password", "");
	}

	@DeleteMapping("/v2.1/servers/{id}/os-server-password")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void clear(RequestContext context, @PathVariable String id) {
		this.servers.find(context, id);
	}

}
