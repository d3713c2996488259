package dev.novaboot.compute.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.novaboot.compute.store.Instance;
import dev.novaboot.service.api.Microversion;
import dev.novaboot.service.api.NotFoundException;
import dev.novaboot.service.api.Uuids;
import dev.novaboot.service.context.RequestContext;
import dev.novaboot.service.rpc.api.ComputeRpcApi;

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
 * {@code /v2.1/servers/{id}/os-volume_attachments}: the volumes attached to a server.
 */
@RestController
@RequestMapping("/v2.1/servers/{serverId}/os-volume_attachments")
class VolumeAttachmentsController {

	private final ServerOperations servers;

	VolumeAttachmentsController(ServerOperations servers) {
		this.servers = servers;
	}

	@GetMapping
	Map<String, Object> list(RequestContext context, @PathVariable String serverId) {
		Instance instance = this.servers.find(context, serverId);
		return Map.of("volumeAttachments", this.servers.attachments(instance)
			.stream()
			.map((attachment) -> view(serverId, attachment.getVolumeId(), attachment.getDevice()))
			.toList());
	}

	@PostMapping
	Map<String, Object> attach(RequestContext context, @PathVariable String serverId,
			@RequestBody Map<String, Object> body, Microversion version) {
		String[] request = ServerRequests.volumeAttachment(body, version);
		ComputeRpcApi.VolumeAttachment attachment = this.servers.attach(context, serverId, request[0], request[1]);
		return Map.of("volumeAttachment", view(serverId, attachment.volumeId(), attachment.device()));
	}

	@DeleteMapping("/{volumeId}")
	@ResponseStatus(HttpStatus.ACCEPTED)
	void detach(RequestContext context, @PathVariable String serverId, @PathVariable String volumeId) {
		if (!Uuids.isUuid(volumeId)) {
			this.servers.find(context, serverId);
			throw new NotFoundException("Volume " + ServerRequests.shown(volumeId) + " is not attached to instance "
					+ serverId + ".");
		}
		this.servers.detach(context, serverId, volumeId);
	}

	private static Map<String, Object> view(String serverId, String volumeId, String device) {
		Map<String, Object> view = new LinkedHashMap<>();
		view.put("id", volumeId);
		view.put("serverId", serverId);
		view.put("volumeId", volumeId);
		view.put("device", device);
		return view;
	}


}
