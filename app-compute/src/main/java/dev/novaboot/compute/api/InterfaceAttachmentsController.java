package dev.novaboot.compute.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.novaboot.compute.manager.AttachedPort;
import dev.novaboot.compute.store.Instance;
import dev.novaboot.service.api.Microversion;
import dev.novaboot.service.api.NotFoundException;
import dev.novaboot.service.context.RequestContext;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /v2.1/servers/{id}/os-interface}: a server's network interfaces, attached and
 * detached while it runs (Nova's {@code attach_interfaces.py}). Lists and shows the ports
 * bound to the server as the network service tells them; an attach is a call to the
 * server's host and answers the new interface (200), a detach a cast (202). Another
 * project's server is not found, as everywhere in this API.
 */
@RestController
@RequestMapping("/v2.1/servers/{serverId}/os-interface")
class InterfaceAttachmentsController {

	private final ServerOperations servers;

	InterfaceAttachmentsController(ServerOperations servers) {
		this.servers = servers;
	}

	@GetMapping
	Map<String, Object> index(RequestContext context, @PathVariable String serverId) {
		Instance instance = this.servers.find(context, serverId);
		return Map.of("interfaceAttachments",
				this.servers.interfaces(context, instance).stream().map(InterfaceAttachmentsController::view).toList());
	}

	@GetMapping("/{portId}")
	Map<String, Object> show(RequestContext context, @PathVariable String serverId, @PathVariable String portId) {
		Instance instance = this.servers.find(context, serverId);
		return Map.of("interfaceAttachment", view(port(context, instance, portId)));
	}

	@PostMapping
	Map<String, Object> create(RequestContext context, @PathVariable String serverId,
			@RequestBody Map<String, Object> body, Microversion version) {
		// Nova's order: the schema (a decorator), the server, then the policy
		InterfaceAttachmentRequests.AttachInterface request = InterfaceAttachmentRequests.create(body, version);
		this.servers.find(context, serverId);
		checkPolicy(context, "create");
		String portId = this.servers.attachInterface(context, serverId, request);
		// Nova answers with its show of the new port
		return show(context, serverId, portId);
	}

	@DeleteMapping("/{portId}")
	@ResponseStatus(HttpStatus.ACCEPTED)
	void delete(RequestContext context, @PathVariable String serverId, @PathVariable String portId) {
		this.servers.find(context, serverId);
		checkPolicy(context, "delete");
		this.servers.detachInterface(context, serverId, portId);
	}

	// Nova's defaults: list and show PROJECT_READER_OR_ADMIN (any role of the project),
	// create and delete PROJECT_MEMBER_OR_ADMIN (not a reader)
	private static void checkPolicy(RequestContext context, String action) {
		if (!context.canWrite()) {
			throw new PolicyForbiddenException("os_compute_api:os-attach-interfaces:" + action);
		}
	}

	// the port among the server's; any other is Nova's "does not have a port" 404
	private AttachedPort port(RequestContext context, Instance instance, String portId) {
		List<AttachedPort> ports = this.servers.interfaces(context, instance);
		return ports.stream()
			.filter((port) -> port.portId().equals(portId))
			.findFirst()
			.orElseThrow(() -> new NotFoundException("Instance " + instance.getUuid() + " does not have a port with id "
					+ ServerRequests.shown(portId)));
	}

	// Nova's _translate_interface_attachment_view (no tag before 2.70)
	private static Map<String, Object> view(AttachedPort port) {
		Map<String, Object> view = new LinkedHashMap<>();
		view.put("net_id", port.networkId());
		view.put("port_id", port.portId());
		view.put("mac_addr", port.macAddress());
		view.put("port_state", port.portState());
		view.put("fixed_ips", port.fixedIps().stream().map((fixed) -> {
			Map<String, Object> ip = new LinkedHashMap<>();
			ip.put("subnet_id", fixed.subnetId());
			ip.put("ip_address", fixed.ipAddress());
			return ip;
		}).toList());
		return view;
	}

}
