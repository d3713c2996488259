package dev.novaboot.volume.api;

import java.util.Map;
import java.util.Set;
import java.util.UUID;

import dev.novaboot.service.api.BadRequestException;
import dev.novaboot.service.context.RequestContext;
import dev.novaboot.service.rpc.api.SnapshotCreate;
import dev.novaboot.service.rpc.api.SnapshotInfo;
import dev.novaboot.volume.manager.ListPage;
import dev.novaboot.volume.manager.VolumeNotFoundException;
import dev.novaboot.volume.manager.VolumeUpdates;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Cinder's snapshots API, {@code /v3/{project_id}/snapshots} (microversion 3.0).
 */
@RestController
@RequestMapping("/v3/{projectId}/snapshots")
class SnapshotsController {

	private final BlockStorageApi api;

	SnapshotsController(BlockStorageApi api) {
		this.api = api;
	}

	@PostMapping
	@ResponseStatus(HttpStatus.ACCEPTED)
	Map<String, Map<String, Object>> create(RequestContext context, @PathVariable String projectId,
			@RequestBody Map<String, Object> body) {
		ProjectScope.checkWrite(context, projectId, "volume:create_snapshot");
		Map<String, Object> snapshot = RequestBodies.object(body, "snapshot");
		// Cinder's create schema takes these keys and no others
		RequestBodies.onlyKeys(body, "body", Set.of("snapshot"));
		RequestBodies.onlyKeys(snapshot, "snapshot", Set.of("name", "display_name", "description",
				"display_description", "volume_id", "force", "metadata"));
		// Cinder's create schema: metadata_allows_null
		Map<String, String> metadata = (snapshot.get("metadata") != null)
				? RequestBodies.metadata(snapshot.get("metadata"), "metadata", true) : null;
		if (!snapshot.containsKey("volume_id")) {
			// Cinder's schema: required
			throw new BadRequestException("Invalid input for field/attribute snapshot. Value: " + snapshot.keySet()
					+ ". 'volume_id' is a required property");
		}
		String volumeId = RequestBodies.uuid(snapshot, "volume_id");
		if (volumeId == null) {
			// its schema allows null, which then names no volume
			throw new VolumeNotFoundException("Volume None could not be found.");
		}
		SnapshotCreate request = new SnapshotCreate(UUID.randomUUID().toString(), volumeId,
				RequestBodies.text(snapshot, "name", "display_name"),
				RequestBodies.text(snapshot, "description", "display_description"), RequestBodies.flag(snapshot, "force"));
		SnapshotInfo created = this.api.createSnapshot(context, request);
		if (metadata != null && !metadata.isEmpty()) {
			this.api.setSnapshotMetadata(context, created.id(), metadata, true);
		}
		return Map.of("snapshot", SnapshotView.of(this.api.showSnapshot(context, created.id())));
	}

	@GetMapping
	Map<String, Object> list(RequestContext context, @PathVariable String projectId,
			@RequestParam(name = "all_tenants", required = false) String allTenants,
			@RequestParam(required = false) String status,
			@RequestParam(name = "volume_id", required = false) String volumeId,
			@RequestParam(required = false) String limit, @RequestParam(required = false) String marker,
			@RequestParam(required = false) String sort, @RequestParam(name = "sort_key", required = false) String sortKey,
			@RequestParam(name = "sort_dir", required = false) String sortDir) {
		ProjectScope.check(context, projectId);
		ListPage.Request page = ListPaging.request("Snapshot", limit, marker,
				new ListPaging.Sorting(sort, sortKey, sortDir));
		return ListPaging.body("snapshots", this.api.listSnapshots(context, isTrue(allTenants), status, volumeId, page),
				page, (snapshot) -> snapshot.info().id(), SnapshotView::of);
	}

	@GetMapping("/detail")
	Map<String, Object> detail(RequestContext context, @PathVariable String projectId,
			@RequestParam(name = "all_tenants", required = false) String allTenants,
			@RequestParam(required = false) String status,
			@RequestParam(name = "volume_id", required = false) String volumeId,
			@RequestParam(required = false) String limit, @RequestParam(required = false) String marker,
			@RequestParam(required = false) String sort, @RequestParam(name = "sort_key", required = false) String sortKey,
			@RequestParam(name = "sort_dir", required = false) String sortDir) {
		ProjectScope.check(context, projectId);
		ListPage.Request page = ListPaging.request("Snapshot", limit, marker,
				new ListPaging.Sorting(sort, sortKey, sortDir));
		return ListPaging.body("snapshots", this.api.listSnapshots(context, isTrue(allTenants), status, volumeId, page),
				page, (snapshot) -> snapshot.info().id(), SnapshotView::extended);
	}

	@GetMapping("/{id}")
	Map<String, Map<String, Object>> show(RequestContext context, @PathVariable String projectId,
			@PathVariable String id) {
		ProjectScope.check(context, projectId);
		return Map.of("snapshot",
				SnapshotView.extended(this.api.showSnapshot(context, RequestBodies.pathId("Snapshot", id))));
	}

	/**
	 * Cinder's snapshot update: at least one of name, description or their
	 * {@code display_} names, nothing else; the answer is the detail view without the
	 * extension's attributes.
	 */
	@PutMapping("/{id}")
	Map<String, Map<String, Object>> update(RequestContext context, @PathVariable String projectId,
			@PathVariable String id, @RequestBody Map<String, Object> body) {
		ProjectScope.checkWrite(context, projectId, "volume:update_snapshot");
		RequestBodies.pathId("Snapshot", id);
		RequestBodies.onlyKeys(body, "body", Set.of("snapshot"));
		Map<String, Object> snapshot = RequestBodies.object(body, "snapshot");
		Set<String> fields = Set.of("name", "description", "display_name", "display_description");
		RequestBodies.onlyKeys(snapshot, "snapshot", fields);
		if (snapshot.isEmpty()) {
			throw RequestBodies.schemaError("snapshot", "{}", "is not valid under any of the given schemas");
		}
		VolumeUpdates.Change change = new VolumeUpdates.Change(given(snapshot, "name", "display_name"),
				given(snapshot, "description", "display_description"), null);
		return Map.of("snapshot", SnapshotView.of(this.api.updateSnapshot(context, id, change)));
	}

	@DeleteMapping("/{id}")
	@ResponseStatus(HttpStatus.ACCEPTED)
	void delete(RequestContext context, @PathVariable String projectId, @PathVariable String id) {
		ProjectScope.checkWrite(context, projectId, "volume:delete_snapshot");
		this.api.deleteSnapshot(context, RequestBodies.pathId("Snapshot", id));
	}

	private static VolumeUpdates.Text given(Map<String, Object> object, String key, String olderKey) {
		if (!object.containsKey(key) && !object.containsKey(olderKey)) {
			return null;
		}
		return new VolumeUpdates.Text(RequestBodies.text(object, key, olderKey));
	}

	private static boolean isTrue(String value) {
		return value != null && (value.equals("1") || value.equalsIgnoreCase("true"));
	}

}
