package dev.novaboot.compute.api;

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
	void list(@PathVariable String id) {
		throw new GoneException();
	}

	/** Nova's {@code HTTPGone}, answered by {@link ComputeApiFaults} in the fault shape. */
	static class GoneException extends RuntimeException {

		GoneException() {
			super("This resource is no longer available.  No forwarding address is given.");
		}

	}

}
