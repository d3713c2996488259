package dev.novaboot.service.rpc.api;

import dev.novaboot.service.context.RequestContext;
import dev.novaboot.service.rpc.RpcApi;

/**
 * What other services ask of a volume host (Cinder's volume manager RPC API, with the
 * attach/detach book-keeping of its volume API): the {@code VolumeManager} of the host that
 * holds a volume implements it and is the only writer of volume and snapshot rows.
 * <p>
 * A volume's life cycle: {@code creating -> available}; {@code available -> attaching ->
 * in-use -> detaching -> available}; {@code available -> extending -> available};
 * {@code deleting -> deleted}; a driver failure ends in {@code error},
 * {@code error_extending} or {@code error_deleting}. A call that is not allowed in the
 * volume's current status is refused and changes nothing.
 */
@RpcApi(topic = "volume", version = "1.0")
public interface VolumeRpcApi {

	/**
	 * Creates a volume on this host (a new empty one, or a copy of a snapshot of a volume
	 * of this host) and returns it, {@code available} or {@code error}.
	 */
	VolumeInfo createVolume(RequestContext context, VolumeCreate request);

	/** The volume, if the caller's project may see it. */
	VolumeInfo getVolume(RequestContext context, String volumeId);

	/** Deletes an unattached volume without snapshots, and its backing storage. */
	void deleteVolume(RequestContext context, String volumeId);

	/** Grows an available volume to {@code newSizeGb}, which must be larger than its size. */
	VolumeInfo extendVolume(RequestContext context, String volumeId, int newSizeGb);

	/** Snapshots a volume of this host: {@code available}, or {@code in-use} with {@code force}. */
	SnapshotInfo createSnapshot(RequestContext context, SnapshotCreate request);

	/** Deletes a snapshot and its copy of the data. */
	void deleteSnapshot(RequestContext context, String snapshotId);

	/** Reserves an available volume for an attachment: {@code available -> attaching}. */
	VolumeInfo reserveVolume(RequestContext context, String volumeId);

	/** Gives up a reservation: {@code attaching -> available}. */
	VolumeInfo unreserveVolume(RequestContext context, String volumeId);

	/**
	 * Exports the volume to the compute host described by {@code connector} and returns
	 * what that host needs to attach the disk.
	 */
	ConnectionInfo initializeConnection(RequestContext context, String volumeId, VolumeConnector connector);

	/** Withdraws the export made for {@code connector}. */
	void terminateConnection(RequestContext context, String volumeId, VolumeConnector connector);

	/** Records the attachment: {@code attaching} (or {@code available}) {@code -> in-use}. */
	VolumeInfo attachVolume(RequestContext context, String volumeId, VolumeAttach attachment);

	/** Starts a detach: {@code in-use -> detaching}. */
	VolumeInfo beginDetaching(RequestContext context, String volumeId);

	/** A detach that failed on the compute host: {@code detaching -> in-use}. */
	VolumeInfo rollDetaching(RequestContext context, String volumeId);

	/** Records the end of the attachment: {@code in-use} or {@code detaching -> available}. */
	VolumeInfo detachVolume(RequestContext context, String volumeId);

}
