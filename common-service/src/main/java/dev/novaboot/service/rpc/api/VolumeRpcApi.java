package dev.novaboot.service.rpc.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.novaboot.service.context.RequestContext;
import dev.novaboot.service.rpc.RpcApi;

/**
 * What other services ask of a volume host (Cinder's volume manager RPC API, with the
 * attach/detach book-keeping of its volume API): the {@code VolumeManager} of the host that
 * holds a volume implements it and is the only writer of volume and snapshot rows.
 * <p>
 * Every method takes the context and one request record whose fields are named on the
 * wire as Cinder names its RPC arguments ({@code volume_id}, {@code new_size}), so that a
 * newer minor version can add a field that an older host ignores.
 * <p>
 * A volume's life cycle: {@code creating -> available}; {@code available -> attaching ->
 * in-use -> detaching -> available}; {@code available -> extending -> available};
 * {@code available} (or {@code in-use}) {@code -> uploading -> available} (or
 * {@code in-use}); {@code deleting -> deleted}; a driver failure ends in {@code error},
 * {@code error_extending} or {@code error_deleting}. A call that is not allowed in the
 * volume's current status is refused and changes nothing.
 */
@RpcApi(topic = "volume", version = "2.0")
public interface VolumeRpcApi {

	/**
	 * Creates a volume on this host (a new empty one, or a copy of a snapshot of a volume
	 * of this host) and returns it, {@code available} or {@code error}.
	 */
	VolumeInfo createVolume(RequestContext context, VolumeCreate request);

	/** The volume, if the caller's project may see it. */
	VolumeInfo getVolume(RequestContext context, VolumeRef volume);

	/** Deletes an unattached volume without snapshots, and its backing storage. */
	void deleteVolume(RequestContext context, VolumeRef volume);

	/** Grows an available volume to its new size, which must be larger than its size. */
	VolumeInfo extendVolume(RequestContext context, ExtendVolume request);

	/** Snapshots a volume of this host: {@code available}, or {@code in-use} with {@code force}. */
	SnapshotInfo createSnapshot(RequestContext context, SnapshotCreate request);

	/** Deletes a snapshot and its copy of the data. */
	void deleteSnapshot(RequestContext context, SnapshotRef snapshot);

	/** Reserves an available volume for an attachment: {@code available -> attaching}. */
	VolumeInfo reserveVolume(RequestContext context, VolumeRef volume);

	/** Gives up a reservation: {@code attaching -> available}. */
	VolumeInfo unreserveVolume(RequestContext context, VolumeRef volume);

	/**
	 * Exports the volume to the compute host described by the request's connector and
	 * returns what that host needs to attach the disk. A volume in use connected to
	 * another host than its attachment's (its server moved) is attached there from now
	 * on, as Cinder's {@code attachment_update} records the connector's host.
	 */
	ConnectionInfo initializeConnection(RequestContext context, VolumeConnection request);

	/** Withdraws the export made for the request's connector. */
	void terminateConnection(RequestContext context, VolumeConnection request);

	/** Records the attachment: {@code attaching} (or {@code available}) {@code -> in-use}. */
	VolumeInfo attachVolume(RequestContext context, AttachVolume request);

	/** Starts a detach: {@code in-use -> detaching}. */
	VolumeInfo beginDetaching(RequestContext context, VolumeRef volume);

	/** A detach that failed on the compute host: {@code detaching -> in-use}. */
	VolumeInfo rollDetaching(RequestContext context, VolumeRef volume);

	/** Records the end of the attachment: {@code in-use} or {@code detaching -> available}. */
	VolumeInfo detachVolume(RequestContext context, VolumeRef volume);

	/**
	 * Writes the volume's data to the suite's image store as a new image (Cinder's
	 * {@code copy_volume_to_image}): {@code available} (or {@code in-use} with
	 * {@code force}) {@code -> uploading ->} back to what it was. Returns the volume as it
	 * is once done; a failed upload leaves no image and is told by a user message.
	 */
	VolumeInfo uploadToImage(RequestContext context, UploadToImage request);

	/**
	 * A volume to upload as an image (Cinder's {@code os-volume_upload_image}).
	 *
	 * @param volumeId the volume
	 * @param imageName the new image's name
	 * @param diskFormat {@code raw} or {@code qcow2}
	 * @param force whether an {@code in-use} volume may be uploaded
	 */
	record UploadToImage(@JsonProperty("volume_id") String volumeId, @JsonProperty("image_name") String imageName,
			@JsonProperty("disk_format") String diskFormat, boolean force) {
	}

	/** A volume by uuid. */
	record VolumeRef(@JsonProperty("volume_id") String volumeId) {
	}

	/** @param newSizeGb the volume's new size in GiB */
	record ExtendVolume(@JsonProperty("volume_id") String volumeId, @JsonProperty("new_size") int newSizeGb) {
	}

	/** A snapshot by uuid. */
	record SnapshotRef(@JsonProperty("snapshot_id") String snapshotId) {
	}

	/** @param connector the compute host that attaches, or attached, the volume */
	record VolumeConnection(@JsonProperty("volume_id") String volumeId, VolumeConnector connector) {
	}

	/**
	 * An attachment to record (Cinder's {@code os-attach}).
	 *
	 * @param volumeId the volume
	 * @param instanceUuid the server the volume is attached to
	 * @param mountpoint the device inside the server, such as {@code /dev/vdb}
	 * @param hostName the compute host
	 */
	record AttachVolume(@JsonProperty("volume_id") String volumeId,
			@JsonProperty("instance_uuid") String instanceUuid, String mountpoint,
			@JsonProperty("host_name") String hostName) {
	}

}
