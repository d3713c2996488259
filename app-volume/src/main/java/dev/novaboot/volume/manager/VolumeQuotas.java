package dev.novaboot.volume.manager;

import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.novaboot.volume.VolumeProperties;
import dev.novaboot.volume.store.QuotaStore;
import dev.novaboot.volume.store.QuotaStore.Usage;
import dev.novaboot.volume.store.Volume;
import dev.novaboot.volume.store.VolumeType;
import dev.novaboot.volume.store.VolumeTypeRepository;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Cinder's per-project quotas ({@code cinder/quota.py}'s {@code VolumeTypeQuotaEngine}):
 * {@code volumes}, {@code gigabytes} (volumes and snapshots), {@code snapshots},
 * {@code per_volume_gigabytes}, {@code backups}, {@code backup_gigabytes},
 * {@code groups}, and per volume type {@code volumes_<type>}, {@code gigabytes_<type>},
 * {@code snapshots_<type>}; {@code -1} is unlimited.
 * <p>
 * The checks run inside the transaction that records the new volume or snapshot (or
 * starts an extend): they lock the project's row first, then count its live rows, so
 * that two creates of one project at the same moment are checked one after the other and
 * the second sees the first.
 */
@Component
public class VolumeQuotas {

	/** Cinder's {@code DB_MAX_INT}, the largest limit its schema takes. */
	public static final long MAX_LIMIT = 0x7FFFFFFFL;

	private static final List<String> PER_TYPE = List.of("volumes", "gigabytes", "snapshots");

	private final QuotaStore store;

	private final VolumeTypeRepository types;

	private final VolumeProperties.Quota defaults;

	VolumeQuotas(QuotaStore store, VolumeTypeRepository types, VolumeProperties properties) {
		this.store = store;
		this.types = types;
		this.defaults = properties.quota();
	}

	/** The defaults, in Cinder's order: the global resources, then three per volume type. */
	@Transactional(readOnly = true)
	public Map<String, Integer> defaults() {
		Map<String, Integer> limits = new LinkedHashMap<>();
		limits.put("volumes", this.defaults.volumes());
		limits.put("per_volume_gigabytes", this.defaults.perVolumeGigabytes());
		limits.put("snapshots", this.defaults.snapshots());
		limits.put("gigabytes", this.defaults.gigabytes());
		limits.put("backups", this.defaults.backups());
		limits.put("backup_gigabytes", this.defaults.backupGigabytes());
		for (String type : this.types.findAllNames()) {
			PER_TYPE.forEach((part) -> limits.put(part + "_" + type, -1));
		}
		limits.put("groups", this.defaults.groups());
		return limits;
	}

	/** The project's limits: the defaults with what an administrator set. */
	@Transactional(readOnly = true)
	public Map<String, Integer> limits(String projectId) {
		Map<String, Integer> limits = defaults();
		this.store.limits(projectId).forEach((resource, limit) -> limits.computeIfPresent(resource, (k, v) -> limit));
		return limits;
	}

	/** Each resource's limit, what is in use and what is reserved (Cinder's {@code usage=True}). */
	@Transactional(readOnly = true)
	public Map<String, Detail> details(String projectId) {
		Map<String, Usage> used = usageByResource(projectId, typeNames());
		Map<String, Detail> details = new LinkedHashMap<>();
		limits(projectId).forEach((resource, limit) -> {
			Usage usage = used.getOrDefault(resource, Usage.NONE);
			details.put(resource, new Detail(limit, inUse(resource, usage), reserved(resource, usage)));
		});
		return details;
	}

	/**
	 * Sets limits (keys already checked against {@link #defaults()}): none may be below
	 * what the project uses now (Cinder's 400), and nothing changes unless all are set.
	 */
	@Transactional
	public Map<String, Integer> update(String projectId, Map<String, Integer> changes) {
		Map<String, Detail> current = details(projectId);
		changes.forEach((resource, limit) -> {
			Detail detail = current.get(resource);
			long used = detail.inUse() + detail.reserved();
			if (!resource.equals("per_volume_gigabytes") && limit != -1 && limit < used) {
				throw new InvalidQuotaException("Quota " + resource + " limit must be equal or greater than existing "
						+ "resources. Current usage is " + used + " and the requested limit is " + limit + ".");
			}
		});
		changes.forEach((resource, limit) -> this.store.setLimit(projectId, resource, limit));
		return limits(projectId);
	}

	@Transactional
	public void delete(String projectId) {
		this.store.deleteLimits(projectId);
	}

	/** Gives the project its lock row; before the transaction that checks (see {@link QuotaStore#ensureProject}). */
	public void prepare(String projectId) {
		this.store.ensureProject(projectId);
	}

	/** A new volume: one more volume and its size, in total and for its type; and its size against the per-volume limit. */
	void checkCreate(Volume volume) {
		Map<String, Integer> limits = lockedLimits(volume.getProjectId());
		int perVolume = limits.get("per_volume_gigabytes");
		if (perVolume > 0 && volume.getSizeGb() > perVolume) {
			throw new QuotaExceededException("Requested volume size " + volume.getSizeGb()
					+ "G is larger than maximum allowed limit " + perVolume + "G.");
		}
		Map<String, String> names = typeNames();
		String type = typeName(names, volume.getVolumeTypeId());
		Map<String, Usage> used = usageByResource(volume.getProjectId(), names);
		Map<String, Long> deltas = new LinkedHashMap<>();
		deltas.put("volumes", 1L);
		deltas.put("gigabytes", (long) volume.getSizeGb());
		deltas.put("volumes_" + type, 1L);
		deltas.put("gigabytes_" + type, (long) volume.getSizeGb());
		enforce(limits, used, deltas, volume.getSizeGb());
	}

	/** A new snapshot of {@code volume}: one more snapshot and the volume's size. */
	void checkSnapshot(Volume volume) {
		Map<String, Integer> limits = lockedLimits(volume.getProjectId());
		Map<String, String> names = typeNames();
		String type = typeName(names, volume.getVolumeTypeId());
		Map<String, Long> deltas = new LinkedHashMap<>();
		deltas.put("snapshots", 1L);
		deltas.put("gigabytes", (long) volume.getSizeGb());
		deltas.put("snapshots_" + type, 1L);
		deltas.put("gigabytes_" + type, (long) volume.getSizeGb());
		enforce(limits, usageByResource(volume.getProjectId(), names), deltas, volume.getSizeGb());
	}

	/** An extend: the added gigabytes, held as a reservation until the driver ends. */
	void checkExtend(Volume volume, int newSizeGb, Instant now) {
		Map<String, Integer> limits = lockedLimits(volume.getProjectId());
		int added = newSizeGb - volume.getSizeGb();
		Map<String, String> names = typeNames();
		String type = typeName(names, volume.getVolumeTypeId());
		Map<String, Long> deltas = new LinkedHashMap<>();
		deltas.put("gigabytes", (long) added);
		deltas.put("gigabytes_" + type, (long) added);
		enforce(limits, usageByResource(volume.getProjectId(), names), deltas, added);
		this.store.reserve(volume.getId(), volume.getProjectId(), volume.getVolumeTypeId(), added, now);
	}

	/** Ends an extend's reservation (the new size is in the volume's row now, or never will be). */
	void release(String volumeId) {
		this.store.release(volumeId);
	}

	/**
	 * Locks the project's row, then reads the limits a check enforces: the global
	 * defaults with what an administrator set, per-type ones included. A per-type limit
	 * nobody set is unlimited, so, unlike {@link #limits}, no type names are read for them.
	 * @throws MissingQuotaRow when the project has no row to lock yet
	 */
	private Map<String, Integer> lockedLimits(String projectId) {
		if (!this.store.lockProject(projectId)) {
			throw new MissingQuotaRow(projectId);
		}
		Map<String, Integer> limits = new LinkedHashMap<>();
		limits.put("volumes", this.defaults.volumes());
		limits.put("per_volume_gigabytes", this.defaults.perVolumeGigabytes());
		limits.put("snapshots", this.defaults.snapshots());
		limits.put("gigabytes", this.defaults.gigabytes());
		limits.putAll(this.store.limits(projectId));
		return limits;
	}

	/**
	 * Cinder's reserve and {@code process_reserve_over_quota}: the first resource over its
	 * limit decides the message, a gigabytes one naming the request and the consumption.
	 */
	private static void enforce(Map<String, Integer> limits, Map<String, Usage> used, Map<String, Long> deltas,
			int requestedGb) {
		for (Map.Entry<String, Long> delta : deltas.entrySet()) {
			String resource = delta.getKey();
			Integer limit = limits.get(resource);
			if (limit == null || limit < 0) {
				continue;
			}
			Usage usage = used.getOrDefault(resource, Usage.NONE);
			long consumed = inUse(resource, usage) + reserved(resource, usage);
			if (limit < delta.getValue() + consumed) {
				if (resource.startsWith("gigabytes")) {
					throw new QuotaExceededException("Requested volume or snapshot exceeds allowed " + resource
							+ " quota. Requested " + requestedGb + "G, quota is " + limit + "G and " + consumed
							+ "G has been consumed.");
				}
				if (resource.startsWith("volumes")) {
					throw new QuotaExceededException(
							"Maximum number of volumes allowed (" + limit + ") exceeded for quota '" + resource + "'.");
				}
				throw new QuotaExceededException("Maximum number of snapshots allowed (" + limit + ") exceeded");
			}
		}
	}

	/** The project's usage under Cinder's resource names (totals and {@code <part>_<type name>}). */
	private Map<String, Usage> usageByResource(String projectId, Map<String, String> typeNames) {
		Map<String, Usage> byType = this.store.usage(projectId);
		Map<String, Usage> byResource = new LinkedHashMap<>();
		Usage total = Usage.NONE;
		for (Map.Entry<String, Usage> entry : byType.entrySet()) {
			total = total.plus(entry.getValue());
			String type = typeName(typeNames, entry.getKey());
			PER_TYPE.forEach((part) -> byResource.put(part + "_" + type, entry.getValue()));
		}
		for (String part : PER_TYPE) {
			byResource.put(part, total);
		}
		return byResource;
	}

	private static long inUse(String resource, Usage usage) {
		if (resource.startsWith("volumes")) {
			return usage.volumes();
		}
		if (resource.startsWith("snapshots")) {
			return usage.snapshots();
		}
		return resource.startsWith("gigabytes") ? usage.gigabytes() : 0;
	}

	private static long reserved(String resource, Usage usage) {
		return resource.startsWith("gigabytes") ? usage.reservedGigabytes() : 0;
	}

	/** Every live type's name by its id. */
	private Map<String, String> typeNames() {
		Map<String, String> names = new HashMap<>();
		this.types.findAllIdsAndNames().forEach((row) -> names.put((String) row[0], (String) row[1]));
		return names;
	}

	/** The type's name, or its id when it is gone. */
	private static String typeName(Map<String, String> typeNames, String volumeTypeId) {
		String id = (volumeTypeId != null) ? volumeTypeId : VolumeType.DEFAULT_ID;
		return typeNames.getOrDefault(id, id);
	}

	/**
	 * A check found no lock row of the project: {@link #prepare} it, outside the check's
	 * transaction (which this rolls back, having changed nothing), and check again.
	 */
	static class MissingQuotaRow extends RuntimeException {

		MissingQuotaRow(String projectId) {
			super("project " + projectId + " has no quota row: prepare() first");
		}

	}

	/** One resource of a quota set with usage. */
	public record Detail(int limit, long inUse, long reserved) {
	}

}
