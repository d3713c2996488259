package dev.novaboot.service.rpc.api;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A volume to create. The caller chooses the id (so that it can answer before the volume
 * host has finished); the project and user come from the request context.
 *
 * @param id the new volume's uuid
 * @param sizeGb its size in GiB
 * @param name its display name, may be {@code null}
 * @param description its description, may be {@code null}
 * @param snapshotId the snapshot to copy, or {@code null}
 * @param availabilityZone the zone asked for, or {@code null} for this host's
 * @param sourceVolid the volume to clone, or {@code null}
 * @param metadata its user metadata, may be {@code null} for none
 * @param volumeTypeId the id of its volume type, or {@code null} for the default type
 * @param imageId the image of the suite's image store to write into it, or {@code null}
 */
public record VolumeCreate(String id, @JsonProperty("size") int sizeGb, String name, String description,
		@JsonProperty("snapshot_id") String snapshotId, @JsonProperty("availability_zone") String availabilityZone,
		@JsonProperty("source_volid") String sourceVolid, Map<String, String> metadata,
		@JsonProperty("volume_type_id") String volumeTypeId, @JsonProperty("image_id") String imageId) {

	/** An empty volume or one from a snapshot, of the default type, without metadata. */
	public VolumeCreate(String id, int sizeGb, String name, String description, String snapshotId,
			String availabilityZone) {
		this(id, sizeGb, name, description, snapshotId, availabilityZone, null, null, null, null);
	}

}
