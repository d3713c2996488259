package dev.novaboot.compute.api;

import java.util.List;
import java.util.Map;

import dev.novaboot.compute.manager.NetworkInfo;
import dev.novaboot.service.api.NotFoundException;
import dev.novaboot.service.context.RequestContext;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /v2.1/servers/{id}/ips}: a server's addresses by network, and those on one
 * network (Nova's {@code ips.py}); another project's server is not found.
 */
@RestController
@RequestMapping("/v2.1/servers/{serverId}/ips")
class ServerIpsController {

	private final ServerOperations servers;

	ServerIpsController(ServerOperations servers) {
		this.servers = servers;
	}

	@GetMapping
	Map<String, Object> index(RequestContext context, @PathVariable String serverId) {
		return Map.of("addresses", ServerView.ips(networkInfo(context, serverId)));
	}

	@GetMapping("/{network}")
	Map<String, Object> show(RequestContext context, @PathVariable String serverId, @PathVariable String network) {
		Map<String, List<Map<String, Object>>> addresses = ServerView.ips(networkInfo(context, serverId));
		if (!addresses.containsKey(network)) {
			throw new NotFoundException("Instance is not a member of specified network");
		}
		return Map.of(network, addresses.get(network));
	}

	private NetworkInfo networkInfo(RequestContext context, String serverId) {
		return this.servers.networkInfo(this.servers.find(context, serverId));
	}

}
