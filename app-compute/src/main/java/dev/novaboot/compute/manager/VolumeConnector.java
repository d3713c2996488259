package dev.novaboot.compute.manager;

import dev.novaboot.service.context.RequestContext;

/**
 * What compute needs from nova-volume: the connection info of a volume for an instance on
 * a host (Cinder's {@code initialize_connection} plus attach bookkeeping), and its release.
 * The in-process {@link LocalVolumeConnector} serves until an RPC-backed one replaces
 * this bean.
 */
public interface VolumeConnector {

	/**
	 * @throws VolumeUnavailableException when the volume does not exist or is in use
	 */
	VolumeConnectionInfo connect(RequestContext context, String volumeId, String instanceUuid, String host, String device);

	/** Releases the volume from the instance; a volume not connected is fine. */
	void disconnect(RequestContext context, String volumeId, String instanceUuid, String host);

}
