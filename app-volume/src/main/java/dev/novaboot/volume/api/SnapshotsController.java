package dev.novaboot.volume.api;

import java.util.Map;
import java.util.UUID;

import dev.novaboot.service.context.RequestContext;
import dev.novaboot.service.rpc.api.SnapshotCreate;
import dev.novaboot.service.rpc.api.SnapshotInfo;
import dev.novaboot.volume.manager.InvalidInputException;
import dev.novaboot.volume.manager.ListPage;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
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
	Map<String, SnapshotView> create(RequestContext context, @PathVariable String projectId,
			@RequestBody Map<String, Object> body) {
		ProjectScope.checkWrite(context, projectId, "volume:create_snapshot");
		Map<String, Object> snapshot = RequestBodies.object(body, "snapshot");
		RequestBodies.unsupported(snapshot, "metadata", "Snapshot metadata");
		String volumeId = RequestBodies.uuid(snapshot, "volume_id");
		if (volumeId == null) {
			throw new InvalidInputException("'volume_id' is required.");
		}
		SnapshotCreate request = new SnapshotCreate(UUID.randomUUID().toString(), volumeId,
				RequestBodies.text(snapshot, "name", "display_name"),
				RequestBodies.text(snapshot, "description", "display_description"), RequestBodies.flag(snapshot, "force"));
		return Map.of("snapshot", SnapshotView.of(this.api.createSnapshot(context, request)));
	}

	@GetMapping({ "", "/detail" })
	Map<String, Object> list(RequestContext context, @PathVariable String projectId,
			@RequestParam(name = "all_tenants", required = false) String allTenants,
			@RequestParam(required = false) String status,
			@RequestParam(name = "volume_id", required = false) String volumeId,
			@RequestParam(required = false) String limit, @RequestParam(required = false) String marker) {
		ProjectScope.check(context, projectId);
		boolean all = allTenants != null && (allTenants.equals("1") || allTenants.equalsIgnoreCase("true"));
		ListPage.Request page = ListPaging.request(limit, marker);
		return ListPaging.body("snapshots", this.api.listSnapshots(context, all, status, volumeId, page), page,
				SnapshotInfo::id, SnapshotView::of);
	}

	@GetMapping("/{id}")
	Map<String, SnapshotView> show(RequestContext context, @PathVariable String projectId, @PathVariable String id) {
		ProjectScope.check(context, projectId);
		return Map.of("snapshot", SnapshotView.of(this.api.showSnapshot(context, RequestBodies.pathId("Snapshot", id))));
	}

	@DeleteMapping("/{id}")
	@ResponseStatus(HttpStatus.ACCEPTED)
	void delete(RequestContext context, @PathVariable String projectId, @PathVariable String id) {
		ProjectScope.checkWrite(context, projectId, "volume:delete_snapshot");
		this.api.deleteSnapshot(context, RequestBodies.pathId("Snapshot", id));
	}

}
