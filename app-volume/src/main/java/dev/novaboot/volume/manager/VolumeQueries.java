package dev.novaboot.volume.manager;
import java.util.List;

import dev.novaboot.service.context.RequestContext;
import dev.novaboot.service.rpc.api.SnapshotInfo;
import dev.novaboot.service.rpc.api.VolumeInfo;
import dev.novaboot.volume.store.Snapshot;
import dev.novaboot.volume.store.SnapshotRepository;
import dev.novaboot.volume.store.Volume;
import dev.novaboot.volume.store.VolumeRepository;

import org.springframework.stereotype.Service;

/**
 * The manager's reads for the Block Storage API: the volumes and snapshots a caller may
 * see. Another project's volume is indistinguishable from a missing one.
 */
@Service
public class VolumeQueries {

	private final VolumeRepository volumes;

	private final SnapshotRepository snapshots;

	VolumeQueries(VolumeRepository volumes, SnapshotRepository snapshots) {
		this.volumes = volumes;
		this.snapshots = snapshots;
	}

	/** The volume, if it exists and the caller's project owns it (or the caller is an admin). */
	public Volume visibleVolume(RequestContext context, String id) {
		return this.volumes.findLive(id)
			.filter((volume) -> context.isAdmin() || volume.getProjectId().equals(context.projectId()))
			.orElseThrow(() -> VolumeNotFoundException.volume(id));
	}

	/** The snapshot, if it exists and the caller's project owns it (or the caller is an admin). */
	public Snapshot visibleSnapshot(RequestContext context, String id) {
		return this.snapshots.findLive(id)
			.filter((snapshot) -> context.isAdmin() || snapshot.getProjectId().equals(context.projectId()))
			.orElseThrow(() -> VolumeNotFoundException.snapshot(id));
	}

	public List<VolumeInfo> listVolumes(RequestContext context, boolean allTenants, String status, String name) {
		List<Volume> rows = (allTenants && context.isAdmin()) ? this.volumes.findAllLive()
				: this.volumes.findLiveByProject(context.projectId());
		return rows.stream()
			.filter((volume) -> status == null || status.equals(volume.getStatus().value()))
			.filter((volume) -> name == null || name.equals(volume.getName()))
			.map(VolumeInfos::of)
			.toList();
	}

	public List<SnapshotInfo> listSnapshots(RequestContext context, boolean allTenants, String status,
			String volumeId) {
		List<Snapshot> rows = (allTenants && context.isAdmin()) ? this.snapshots.findAllLive()
				: this.snapshots.findLiveByProject(context.projectId());
		return rows.stream()
			.filter((snapshot) -> status == null || status.equals(snapshot.getStatus().value()))
			.filter((snapshot) -> volumeId == null || volumeId.equals(snapshot.getVolumeId()))
			.map(VolumeInfos::of)
			.toList();
	}

}
