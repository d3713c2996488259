package dev.novaboot.volume.api;

import dev.novaboot.service.rpc.api.VolumeRpcApi;
import dev.novaboot.volume.manager.VolumeManager;

/**
 * Reaches this host's manager only, and refuses other hosts clearly until an RPC
 * transport provides a {@link VolumeHostDispatcher} of its own.
 */
class LocalVolumeHostDispatcher implements VolumeHostDispatcher {

	private final VolumeManager manager;

	LocalVolumeHostDispatcher(VolumeManager manager) {
		this.manager = manager;
	}

	@Override
	public VolumeRpcApi host(String host) {
		// a volume that never reached a host (it failed scheduling) can be handled anywhere
		if (host == null || host.equals(this.manager.host())) {
			return this.manager;
		}
		throw new VolumeHostUnavailableException("Volume host " + host + " cannot be reached from "
				+ this.manager.host() + ": this service only reaches its own volumes without an RPC transport.");
	}

}
