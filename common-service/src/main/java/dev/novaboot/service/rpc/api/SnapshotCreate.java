package dev.novaboot.service.rpc.api;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A snapshot to take.
 *
 * @param id the new snapshot's uuid, chosen by the caller
 * @param volumeId the volume to snapshot
 * @param name display name, may be {@code null}
 * @param description description, may be {@code null}
 * @param force whether to snapshot an {@code in-use} volume (crash-consistent at best)
 */
public record SnapshotCreate(String id, @JsonProperty("volume_id") String volumeId, String name,
		String description, boolean force) {
}
