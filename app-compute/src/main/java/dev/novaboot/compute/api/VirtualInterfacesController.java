package dev.novaboot.compute.api;

import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /v2.1/servers/{id}/os-virtual-interfaces}: Nova removed it (it only ever worked
 * with nova-network) and answers 410 Gone at every microversion, in its fault shape; so do
 * we. A server's interfaces are its ports in the Networking API.
 */
@RestController
class VirtualInterfacesController {

	@GetMapping("/v2.1/servers/{id}/os-virtual-interfaces")
	ResponseEntity<Map<String, Object>> list(@PathVariable String id) {
		return ResponseEntity.status(HttpStatus.GONE)
			.body(Map.of("computeFault", Map.of("code", 410, "message",
					"This resource is no longer available.  No forwarding address is given.")));
	}

}
