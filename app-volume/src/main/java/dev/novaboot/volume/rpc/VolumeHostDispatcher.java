package dev.novaboot.volume.rpc;

import dev.novaboot.service.rpc.api.VolumeRpcApi;

/**
 * How the API reaches the manager of the volume host that holds a volume (or that the
 * scheduler chose for a new one): {@link RpcVolumeHostDispatcher}, this host's manager
 * directly and any other over RPC.
 */
public interface VolumeHostDispatcher {

	/**
	 * The manager of {@code host}.
	 * @throws VolumeHostUnavailableException when {@code host} cannot be reached
	 */
	VolumeRpcApi host(String host);

}
