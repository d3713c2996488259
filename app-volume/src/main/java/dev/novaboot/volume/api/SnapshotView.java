package dev.novaboot.volume.api;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;

import dev.novaboot.service.rpc.api.SnapshotInfo;

/**
 * A snapshot as Cinder's {@code GET /v3/{project_id}/snapshots/{id}} shows it
 * (microversion 3.0), plus {@code status_reason}.
 */
record SnapshotView(String id, String name, String description, String status,
		@JsonProperty("status_reason") String statusReason, int size, @JsonProperty("volume_id") String volumeId,
		@JsonProperty("created_at") String createdAt, @JsonProperty("updated_at") String updatedAt,
		Map<String, String> metadata, @JsonProperty("os-extended-snapshot-attributes:project_id") String projectId,
		@JsonProperty("os-extended-snapshot-attributes:progress") String progress) {

	static SnapshotView of(SnapshotInfo snapshot) {
		String progress = "available".equals(snapshot.status()) ? "100%" : "0%";
		return new SnapshotView(snapshot.id(), snapshot.name(), snapshot.description(), snapshot.status(),
				snapshot.statusReason(), snapshot.sizeGb(), snapshot.volumeId(), ApiTime.format(snapshot.createdAt()),
				ApiTime.format(snapshot.updatedAt()), Map.of(), snapshot.projectId(), progress);
	}

}
