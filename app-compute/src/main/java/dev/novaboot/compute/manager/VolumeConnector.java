package dev.novaboot.compute.manager;

import dev.novaboot.service.context.RequestContext;

/**
 * What compute needs from nova-volume: the connection info of a volume for an instance on
 * a host (Cinder's {@code initialize_connection} plus attach bookkeeping), and its release.
 * Over RPC to the volume's host.
 */
public interface VolumeConnector {

	/**
	 * Whether a volume service is up to ask: a boot or attachment that needs a volume is
	 * refused while there is none, instead of failing later on its host.
	 */
	boolean available();

	/**
	 * @throws VolumeUnavailableException when the volume does not exist or is in use
	 */
	VolumeConnectionInfo connect(RequestContext context, String volumeId, String instanceUuid, String host, String device);

	/**
	 * Moves the volume's connection to another host, the volume staying attached to the
	 * instance (Nova's migration of a volume attachment: {@code terminate_connection} with
	 * the old host's connector, {@code initialize_connection} with the new one's).
	 * @return the connection info on the new host
	 */
	VolumeConnectionInfo moveConnection(RequestContext context, String volumeId, String instanceUuid, String fromHost,
			String toHost);

	/** Releases the volume from the instance; a volume not connected is fine. */
	void disconnect(RequestContext context, String volumeId, String instanceUuid, String host);

	/**
	 * Checks, before a boot is accepted, that the caller's project owns the volume and
	 * that it is available (Nova's API refuses a boot with another project's volume, or
	 * one in use, with a 400).
	 * @throws VolumeUnavailableException when it does not exist for the caller (missing) or is not available
	 */
	void checkAvailable(RequestContext context, String volumeId);

}
