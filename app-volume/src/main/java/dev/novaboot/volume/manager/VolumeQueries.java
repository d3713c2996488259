package dev.novaboot.volume.manager;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import dev.novaboot.service.context.RequestContext;
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
 * see, one at a time or as lists filtered, sorted and paged in the database. Another
 * project's volume is indistinguishable from a missing one.
 */
@Service
public class VolumeQueries {

	/**
	 * The columns a volume list sorts by, under Cinder's names (its volumes table's
	 * columns that this service has); any other key is Cinder's "Invalid sort key".
	 */
	private static final Map<String, Sortable<Volume>> VOLUME_SORT_KEYS = Map.ofEntries(
			Map.entry("id", new Sortable<>("id", Volume::getId, null)),
			Map.entry("created_at", new Sortable<>("createdAt", Volume::getCreatedAt, null)),
			Map.entry("updated_at", new Sortable<>("updatedAt", Volume::getUpdatedAt, Instant.EPOCH)),
			Map.entry("size", new Sortable<>("sizeGb", Volume::getSizeGb, null)),
			Map.entry("status", new Sortable<>("status", (volume) -> volume.getStatus().value(), null)),
			Map.entry("display_name", new Sortable<>("name", Volume::getName, "")),
			Map.entry("display_description", new Sortable<>("description", Volume::getDescription, "")),
			Map.entry("availability_zone", new Sortable<>("availabilityZone", Volume::getAvailabilityZone, null)),
			Map.entry("user_id", new Sortable<>("userId", Volume::getUserId, null)),
			Map.entry("project_id", new Sortable<>("projectId", Volume::getProjectId, null)),
			Map.entry("host", new Sortable<>("host", Volume::getHost, "")),
			Map.entry("snapshot_id", new Sortable<>("snapshotId", Volume::getSnapshotId, "")),
			Map.entry("bootable", new Sortable<>("bootable", Volume::isBootable, null)));

	/** The columns a snapshot list sorts by, under the names of Cinder's snapshots table. */
	private static final Map<String, Sortable<Snapshot>> SNAPSHOT_SORT_KEYS = Map.ofEntries(
			Map.entry("id", new Sortable<>("id", Snapshot::getId, null)),
			Map.entry("created_at", new Sortable<>("createdAt", Snapshot::getCreatedAt, null)),
			Map.entry("updated_at", new Sortable<>("updatedAt", Snapshot::getUpdatedAt, Instant.EPOCH)),
			Map.entry("volume_id", new Sortable<>("volumeId", Snapshot::getVolumeId, null)),
			Map.entry("volume_size", new Sortable<>("sizeGb", Snapshot::getSizeGb, null)),
			Map.entry("status", new Sortable<>("status", (snapshot) -> snapshot.getStatus().value(), null)),
			Map.entry("display_name", new Sortable<>("name", Snapshot::getName, "")),
			Map.entry("display_description", new Sortable<>("description", Snapshot::getDescription, "")),
			Map.entry("user_id", new Sortable<>("userId", Snapshot::getUserId, null)),
			Map.entry("project_id", new Sortable<>("projectId", Snapshot::getProjectId, null)));

	private final VolumeRepository volumes;

	private final SnapshotRepository snapshots;

	VolumeQueries(VolumeRepository volumes, SnapshotRepository snapshots) {
		this.volumes = volumes;
		this.snapshots = snapshots;
	}

	/** The volume, if it exists and the caller's project owns it (or the caller is an admin). */
	public Volume visibleVolume(RequestContext context, String id) {
		// by id: the volume with its type and both metadata maps in one statement (outer
		// joins), where a query would read each of them by a statement of its own
		return this.volumes.findById(id)
			.filter((volume) -> context.isAdmin() || volume.getProjectId().equals(context.projectId()))
			.orElseThrow(() -> VolumeNotFoundException.volume(id));
	}

	/**
	 * Where the volume is, if the caller may see it: its host and whether that host is
	 * frozen, which is all the API needs to hand an action to the volume's manager (which
	 * reads the volume itself).
	 */
	public Placement visiblePlacement(RequestContext context, String id) {
		return this.volumes.findPlacement(id)
			.stream()
			.filter((row) -> context.isAdmin() || context.projectId().equals(row[1]))
			.findFirst()
			.map((row) -> new Placement((String) row[0], row[2] != null))
			.orElseThrow(() -> VolumeNotFoundException.volume(id));
	}

	/** The volume as the API shows it, if the caller may see it. */
	@Transactional(readOnly = true)
	public VolumeDetails volumeDetails(RequestContext context, String id) {
		return VolumeInfos.details(visibleVolume(context, id));
	}

	/** The snapshot as the API shows it, if the caller may see it. */
	@Transactional(readOnly = true)
	public SnapshotDetails snapshotDetails(RequestContext context, String id) {
		return VolumeInfos.details(visibleSnapshot(context, id));
	}

	/** The snapshot, if it exists and the caller's project owns it (or the caller is an admin). */
	public Snapshot visibleSnapshot(RequestContext context, String id) {
		return this.snapshots.findLive(id)
			.filter((snapshot) -> context.isAdmin() || snapshot.getProjectId().equals(context.projectId()))
			.orElseThrow(() -> VolumeNotFoundException.snapshot(id));
	}

	/**
	 * The volumes the caller may see (with {@code allTenants}, an admin sees every
	 * project's) that {@code filter} lets through: the page {@code page} asks for.
	 * @throws InvalidInputException when a sort key or direction is none Cinder knows
	 * @throws VolumeNotFoundException when the marker is no volume the caller sees
	 */
	@Transactional(readOnly = true)
	public ListPage<VolumeDetails> listVolumes(RequestContext context, boolean allTenants, VolumeFilter filter,
			ListPage.Request page) {
		Specification<Volume> owned = ownedBy(context, allTenants);
		Specification<Volume> rows = owned.and(LiveRows.matching("status", filter.status()))
			.and(LiveRows.matching("name", filter.name()))
			.and(LiveRows.matching("bootable", filter.bootable()));
		List<Sortable<Volume>> keys = new ArrayList<>();
		List<LiveRows.Order> orders = orders(page.sort(), VOLUME_SORT_KEYS, keys);
		if (page.marker() != null) {
			// Cinder looks the marker up as a volume of the caller: unknown is its "not found"
			Volume marker = this.volumes.findOne(owned.and(LiveRows.matching("id", page.marker())))
				.orElseThrow(() -> VolumeNotFoundException.volume(page.marker()));
			rows = rows.and(LiveRows.after(orders, markerValues(keys, marker)));
		}
		return page(this.volumes, rows, orders, page.limit(), VolumeInfos::details);
	}

	/**
	 * The snapshots the caller may see (with {@code allTenants}, an admin sees every
	 * project's), with the given {@code status} and of the volume {@code volumeId} when
	 * not {@code null}: the page {@code page} asks for.
	 * @throws InvalidInputException when a sort key or direction is none Cinder knows
	 * @throws VolumeNotFoundException when the marker is no snapshot the caller sees
	 */
	@Transactional(readOnly = true)
	public ListPage<SnapshotDetails> listSnapshots(RequestContext context, boolean allTenants, String status,
			String volumeId, ListPage.Request page) {
		Specification<Snapshot> owned = ownedBy(context, allTenants);
		Specification<Snapshot> rows = owned.and(LiveRows.matching("status", status))
			.and(LiveRows.matching("volumeId", volumeId));
		List<Sortable<Snapshot>> keys = new ArrayList<>();
		List<LiveRows.Order> orders = orders(page.sort(), SNAPSHOT_SORT_KEYS, keys);
		if (page.marker() != null) {
			Snapshot marker = this.snapshots.findOne(owned.and(LiveRows.matching("id", page.marker())))
				.orElseThrow(() -> VolumeNotFoundException.snapshot(page.marker()));
			rows = rows.and(LiveRows.after(orders, markerValues(keys, marker)));
		}
		return page(this.snapshots, rows, orders, page.limit(), VolumeInfos::details);
	}

	/**
	 * The order of the keys asked for, followed by {@code created_at} and {@code id} when
	 * absent, in the first key's direction (descending without keys), as Cinder's
	 * {@code process_sort_params} completes them so that the order is total.
	 */
	private static <T> List<LiveRows.Order> orders(List<ListPage.SortKey> asked, Map<String, Sortable<T>> known,
			List<Sortable<T>> keys) {
		List<ListPage.SortKey> sort = new ArrayList<>(asked);
		boolean defaultAscending = !sort.isEmpty() && sort.get(0).ascending();
		for (String key : List.of("created_at", "id")) {
			if (sort.stream().noneMatch((given) -> given.key().equals(key))) {
				sort.add(new ListPage.SortKey(key, defaultAscending));
			}
		}
		List<LiveRows.Order> orders = new ArrayList<>();
		for (ListPage.SortKey key : sort) {
			Sortable<T> sortable = known.get(key.key());
			if (sortable == null) {
				throw new InvalidInputException("Invalid sort key");
			}
			if (keys.contains(sortable)) {
				continue;
			}
			keys.add(sortable);
			orders.add(new LiveRows.Order(sortable.attribute(), key.ascending(), sortable.whenNull()));
		}
		return orders;
	}

	private static <T> List<Comparable<?>> markerValues(List<Sortable<T>> keys, T marker) {
		List<Comparable<?>> values = new ArrayList<>();
		keys.forEach((key) -> values.add(key.value().apply(marker)));
		return values;
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
			List<LiveRows.Order> orders, Integer limit, Function<T, I> info) {
		Specification<T> sorted = rows.and(LiveRows.orderedBy(orders));
		if (limit == null || limit == Integer.MAX_VALUE) {
			List<T> all = repository.findBy(sorted, (query) -> query.all());
			return new ListPage<>(all.stream().map(info).toList(), false);
		}
		if (limit == 0) {
			return new ListPage<>(List.of(), false);
		}
		List<T> found = repository.findBy(sorted, (query) -> query.limit(limit + 1).all());
		boolean hasNext = found.size() > limit;
		return new ListPage<>(found.stream().limit(limit).map(info).toList(), hasNext);
	}

	/**
	 * A volume's host ({@code null} for one no host took) and whether it is frozen.
	 */
	public record Placement(String host, boolean frozen) {
	}

	/** A column a list sorts by: its attribute, how to read it from a row, and what its null sorts as. */
	private record Sortable<T>(String attribute, Function<T, Comparable<?>> value, Comparable<?> whenNull) {
	}

	/**
	 * What a volume list is filtered by; {@code null} lets every value through.
	 *
	 * @param status the volume's status
	 * @param name its display name
	 * @param bootable whether it is bootable
	 */
	public record VolumeFilter(String status, String name, Boolean bootable) {
	}

}
