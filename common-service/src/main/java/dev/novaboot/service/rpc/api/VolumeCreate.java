package dev.novaboot.service.rpc.api;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A volume to create. The caller chooses the id (so that it can answer before the volume
 * host has finished); the project and user come from the request context.
 *
 * @param id the new volume's uuid
 * @param sizeGb its size in GiB
 * @param name its display name, may be {@code null}
 * @param description its description, may be {@code null}
 * @param snapshotId the snapshot to copy, or {@code null} for an empty volume
 * @param availabilityZone the zone asked for, or {@code null} for this host's
 */
public record VolumeCreate(String id, @JsonProperty("size") int sizeGb, String name, String description,
		@JsonProperty("snapshot_id") String snapshotId, @JsonProperty("availability_zone") String availabilityZone) {
}
