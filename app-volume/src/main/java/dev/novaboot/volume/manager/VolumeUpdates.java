package dev.novaboot.volume.manager;

import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiConsumer;

import dev.novaboot.service.context.RequestContext;
import dev.novaboot.service.record.DatabaseClock;
import dev.novaboot.volume.store.Snapshot;
import dev.novaboot.volume.store.SnapshotRepository;
import dev.novaboot.volume.store.Volume;
import dev.novaboot.volume.store.VolumeRepository;
import dev.novaboot.volume.store.VolumeStatus;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The changes of a volume or snapshot that are records only, no storage: names,
 * descriptions, user metadata, the bootable and read-only flags. Cinder's API makes them
 * in the database itself ({@code volume/api.py} {@code update},
 * {@code update_volume_metadata}), without the volume host, and so do these: each in one
 * short transaction on the caller's visible row, whose optimistic lock makes a concurrent
 * change fail rather than be lost.
 */
@Service
public class VolumeUpdates {

	private final VolumeRepository volumes;

	private final SnapshotRepository snapshots;

	private final VolumeQueries queries;

	private final DatabaseClock clock;

	VolumeUpdates(VolumeRepository volumes, SnapshotRepository snapshots, VolumeQueries queries, DatabaseClock clock) {
		this.volumes = volumes;
		this.snapshots = snapshots;
		this.queries = queries;
		this.clock = clock;
	}

	/**
	 * Changes what is not {@code null} of the name, description and metadata (which
	 * replaces the old, as Cinder's volume update does).
	 */
	@Transactional
	public VolumeDetails update(RequestContext context, String id, Change change) {
		return changeVolume(context, id, (volume, now) -> {
			if (change.name() != null) {
				volume.setName(change.name().value(), now);
			}
			if (change.description() != null) {
				volume.setDescription(change.description().value(), now);
			}
			if (change.metadata() != null) {
				volume.setMetadata(change.metadata(), now);
			}
		});
	}

	/** The volume's user metadata: merged with {@code metadata}, or replaced by it. */
	@Transactional
	public Map<String, String> setMetadata(RequestContext context, String id, Map<String, String> metadata,
			boolean replace) {
		return changeVolume(context, id,
				(volume, now) -> volume.setMetadata(merged(volume.getMetadata(), metadata, replace), now)).metadata();
	}

	/** Removes one key of the volume's metadata. */
	@Transactional
	public void deleteMetadata(RequestContext context, String id, String key) {
		changeVolume(context, id, (volume, now) -> {
			Map<String, String> metadata = volume.getMetadata();
			if (metadata.remove(key) == null) {
				throw VolumeNotFoundException.volumeMetadata(id, key);
			}
			volume.setMetadata(metadata, now);
		});
	}

	/** Cinder's {@code os-set_bootable}: in any status. */
	@Transactional
	public void setBootable(RequestContext context, String id, boolean bootable) {
		changeVolume(context, id, (volume, now) -> volume.setBootable(bootable, now));
	}

	/** Cinder's {@code os-update_readonly_flag}: of an {@code available} volume only. */
	@Transactional
	public void setReadonly(RequestContext context, String id, boolean readonly) {
		changeVolume(context, id, (volume, now) -> {
			if (volume.getStatus() != VolumeStatus.AVAILABLE) {
				throw new InvalidVolumeException("Invalid volume: Volume " + id + " status must be available to update "
						+ "readonly flag, but current status is: " + volume.getStatus().value() + ".");
			}
			volume.setReadonly(readonly, now);
		});
	}

	/** Changes what is not {@code null} of a snapshot's name and description. */
	@Transactional
	public Snapshot updateSnapshot(RequestContext context, String id, Change change) {
		return changeSnapshot(context, id, (snapshot, now) -> {
			if (change.name() != null) {
				snapshot.setName(change.name().value(), now);
			}
			if (change.description() != null) {
				snapshot.setDescription(change.description().value(), now);
			}
			if (change.metadata() != null) {
				snapshot.setMetadata(change.metadata(), now);
			}
		});
	}

	/** The snapshot's user metadata: merged with {@code metadata}, or replaced by it. */
	@Transactional
	public Map<String, String> setSnapshotMetadata(RequestContext context, String id, Map<String, String> metadata,
			boolean replace) {
		return changeSnapshot(context, id,
				(snapshot, now) -> snapshot.setMetadata(merged(snapshot.getMetadata(), metadata, replace), now))
			.getMetadata();
	}

	/** Removes one key of the snapshot's metadata. */
	@Transactional
	public void deleteSnapshotMetadata(RequestContext context, String id, String key) {
		changeSnapshot(context, id, (snapshot, now) -> {
			Map<String, String> metadata = snapshot.getMetadata();
			if (metadata.remove(key) == null) {
				throw VolumeNotFoundException.snapshotMetadata(id, key);
			}
			snapshot.setMetadata(metadata, now);
		});
	}

	private VolumeDetails changeVolume(RequestContext context, String id, BiConsumer<Volume, Instant> change) {
		Volume volume = this.queries.visibleVolume(context, id);
		change.accept(volume, this.clock.now());
		return VolumeInfos.details(this.volumes.saveAndFlush(volume));
	}

	private Snapshot changeSnapshot(RequestContext context, String id, BiConsumer<Snapshot, Instant> change) {
		Snapshot snapshot = this.queries.visibleSnapshot(context, id);
		change.accept(snapshot, this.clock.now());
		return this.snapshots.saveAndFlush(snapshot);
	}

	private static Map<String, String> merged(Map<String, String> old, Map<String, String> given, boolean replace) {
		Map<String, String> metadata = replace ? new TreeMap<>() : new TreeMap<>(old);
		metadata.putAll(given);
		return metadata;
	}

	/**
	 * What an update changes; {@code null} leaves it as it is.
	 *
	 * @param name the new name (its value may be {@code null}: no name)
	 * @param description the new description (likewise)
	 * @param metadata the new metadata, replacing the old
	 */
	public record Change(Text name, Text description, Map<String, String> metadata) {
	}

	/** A value that was given, possibly as {@code null}. */
	public record Text(String value) {
	}

}
