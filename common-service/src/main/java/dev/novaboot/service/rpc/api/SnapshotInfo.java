package dev.novaboot.service.rpc.api;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A snapshot as the volume host reports it.
 *
 * @param id the snapshot's uuid
 * @param projectId the project that owns it
 * @param volumeId the volume it copies
 * @param sizeGb the volume's size when taken, in GiB
 * @param status {@code creating}, {@code available}, {@code deleting}, {@code error},
 * {@code error_deleting} (or {@code deleted})
 * @param statusReason why it is in an error status, else {@code null}
 * @param name display name
 * @param description description
 * @param createdAt creation time
 * @param updatedAt last change
 */
public record SnapshotInfo(String id, @JsonProperty("project_id") String projectId,
		@JsonProperty("volume_id") String volumeId, @JsonProperty("size") int sizeGb, String status,
		@JsonProperty("status_reason") String statusReason, String name, String description,
		@JsonProperty("created_at") Instant createdAt, @JsonProperty("updated_at") Instant updatedAt) {
}
