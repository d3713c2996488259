package dev.novaboot.volume.api;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.novaboot.service.rpc.api.SnapshotInfo;
import dev.novaboot.volume.manager.SnapshotDetails;

/**
 * A snapshot as Cinder's view builder ({@code cinder/api/views/snapshots.py}) shows it at
 * the microversions served: the same keys in the list, the detail and a create's answer.
 * The {@code os-extended-snapshot-attributes} extension adds {@code project_id} and
 * {@code progress} to show and detail only (for everyone who sees the snapshot, as its
 * policy has it), never to the plain list or to a create's answer.
 */
final class SnapshotView {

	private SnapshotView() {
	}

	static Map<String, Object> of(SnapshotDetails details) {
		SnapshotInfo snapshot = details.info();
		Map<String, Object> view = new LinkedHashMap<>();
		view.put("id", snapshot.id());
		view.put("created_at", ApiTime.format(snapshot.createdAt()));
		view.put("updated_at", ApiTime.format(snapshot.updatedAt()));
		view.put("name", snapshot.name());
		view.put("description", snapshot.description());
		view.put("volume_id", snapshot.volumeId());
		view.put("status", snapshot.status());
		view.put("size", snapshot.sizeGb());
		view.put("metadata", details.metadata());
		return view;
	}

	/** The snapshot of {@code GET /snapshots/{id}} and of {@code GET /snapshots/detail}. */
	static Map<String, Object> extended(SnapshotDetails details) {
		Map<String, Object> view = of(details);
		SnapshotInfo snapshot = details.info();
		view.put("os-extended-snapshot-attributes:project_id", snapshot.projectId());
		view.put("os-extended-snapshot-attributes:progress", "available".equals(snapshot.status()) ? "100%" : "0%");
		return view;
	}

}
