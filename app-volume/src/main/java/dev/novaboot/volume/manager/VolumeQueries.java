package dev.novaboot.volume.manager;

import java.util.List;
import java.util.function.Function;

import dev.novaboot.service.context.RequestContext;
import dev.novaboot.service.rpc.api.SnapshotInfo;
import dev.novaboot.service.rpc.api.VolumeInfo;
import dev.novaboot.volume.store.LiveRows;
import dev.novaboot.volume.store.Snapshot;
import dev.novaboot.volume.store.SnapshotRepository;
import dev.novaboot.volume.store.Volume;
import dev.novaboot.volume.store.VolumeRepository;

import org.springframework.data.jpa.domain.Specification;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The manager's reads for the Block Storage API: the volumes and snapshots a caller may
 * see, one at a time or as lists paged in the database. Another project's volume is
 * indistinguishable from a missing one.
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

	/**
	 * The volumes the caller may see (with {@code allTenants}, an admin sees every
	 * project's), newest first, with the given {@code status} and {@code name} when not
	 * {@code null}: the page {@code page} asks for.
	 * @throws InvalidInputException when the marker is none of these volumes
	 */
	@Transactional(readOnly = true)
	public ListPage<VolumeInfo> listVolumes(RequestContext context, boolean allTenants, String status, String name,
			ListPage.Request page) {
		Specification<Volume> filter = VolumeQueries.<Volume>ownedBy(context, allTenants)
			.and(LiveRows.matching("status", status))
			.and(LiveRows.matching("name", name));
		Specification<Volume> rows = filter;
		if (page.marker() != null) {
			Volume marker = this.volumes.findOne(filter.and(LiveRows.matching("id", page.marker())))
				.orElseThrow(() -> markerNotFound(page.marker()));
			rows = rows.and(LiveRows.after(marker.getCreatedAt(), marker.getId()));
		}
		return page(this.volumes, rows, page.limit(), VolumeInfos::of);
	}

	/**
	 * The snapshots the caller may see (with {@code allTenants}, an admin sees every
	 * project's), newest first, with the given {@code status} and of the volume
	 * {@code volumeId} when not {@code null}: the page {@code page} asks for.
	 * @throws InvalidInputException when the marker is none of these snapshots
	 */
	@Transactional(readOnly = true)
	public ListPage<SnapshotInfo> listSnapshots(RequestContext context, boolean allTenants, String status,
			String volumeId, ListPage.Request page) {
		Specification<Snapshot> filter = VolumeQueries.<Snapshot>ownedBy(context, allTenants)
			.and(LiveRows.matching("status", status))
			.and(LiveRows.matching("volumeId", volumeId));
		Specification<Snapshot> rows = filter;
		if (page.marker() != null) {
			Snapshot marker = this.snapshots.findOne(filter.and(LiveRows.matching("id", page.marker())))
				.orElseThrow(() -> markerNotFound(page.marker()));
			rows = rows.and(LiveRows.after(marker.getCreatedAt(), marker.getId()));
		}
		return page(this.snapshots, rows, page.limit(), VolumeInfos::of);
	}

	private static <T> Specification<T> ownedBy(RequestContext context, boolean allTenants) {
		return (allTenants && context.isAdmin()) ? Specification.unrestricted()
				: LiveRows.matching("projectId", context.projectId());
	}

	/**
	 * Reads one row more than the page holds, to know whether rows follow it without
	 * counting them.
	 */
	private static <T, I> ListPage<I> page(JpaSpecificationExecutor<T> repository, Specification<T> rows,
			Integer limit, Function<T, I> info) {
		if (limit == null || limit == Integer.MAX_VALUE) {
			List<T> all = repository.findBy(rows, (query) -> query.sortBy(LiveRows.NEWEST_FIRST).all());
			return new ListPage<>(all.stream().map(info).toList(), false);
		}
		if (limit == 0) {
			return new ListPage<>(List.of(), false);
		}
		List<T> found = repository.findBy(rows, (query) -> query.sortBy(LiveRows.NEWEST_FIRST).limit(limit + 1).all());
		boolean hasNext = found.size() > limit;
		return new ListPage<>(found.stream().limit(limit).map(info).toList(), hasNext);
	}

	private static InvalidInputException markerNotFound(String marker) {
		return new InvalidInputException("marker [" + marker + "] not found.");
	}

}
