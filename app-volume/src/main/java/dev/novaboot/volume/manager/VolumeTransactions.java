package dev.novaboot.volume.manager;

import java.time.Instant;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;

import dev.novaboot.service.context.RequestContext;
import dev.novaboot.service.record.DatabaseClock;
import dev.novaboot.volume.store.Snapshot;
import dev.novaboot.volume.store.SnapshotRepository;
import dev.novaboot.volume.store.SnapshotStatus;
import dev.novaboot.volume.store.Volume;
import dev.novaboot.volume.store.VolumeRepository;
import dev.novaboot.volume.store.VolumeStatus;

import jakarta.persistence.EntityManager;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The manager's writes to the volume and snapshot rows, each method one short
 * transaction: a status check and the status change it allows happen together, and a
 * concurrent change of the same row makes one of them fail (optimistic locking) instead
 * of both going ahead. Driver work happens between these transactions, never inside one.
 * <p>
 * Every time written is the database's ({@link DatabaseClock}), read once per transaction:
 * the hosts of the suite may disagree about the time, the database does not, and the rows
 * one transaction writes carry the same time.
 */
@Component
class VolumeTransactions {

	private final VolumeRepository volumes;

	private final SnapshotRepository snapshots;

	private final VolumeQueries queries;

	private final DatabaseClock clock;

	private final VolumeQuotas quotas;

	private final EntityManager entityManager;

	VolumeTransactions(VolumeRepository volumes, SnapshotRepository snapshots, VolumeQueries queries,
			DatabaseClock clock, VolumeQuotas quotas, EntityManager entityManager) {
		this.entityManager = entityManager;
		this.quotas = quotas;
		this.volumes = volumes;
		this.snapshots = snapshots;
		this.queries = queries;
		this.clock = clock;
	}

	Volume visibleVolume(RequestContext context, String id) {
		return this.queries.visibleVolume(context, id);
	}

	Snapshot visibleSnapshot(RequestContext context, String id) {
		return this.queries.visibleSnapshot(context, id);
	}

	long dependentSnapshots(String volumeId) {
		return this.snapshots.countLiveByVolume(volumeId);
	}

	/**
	 * Records a new volume, {@code volume} made with the transaction's time. An id stays
	 * taken once its volume is deleted (the row stays). Two requests with the same id at
	 * the same time both pass the check; the table's primary key refuses the second, and
	 * its {@link org.springframework.dao.DataIntegrityViolationException} leaves this
	 * method (the manager answers it as the check's error). The project's quotas are
	 * checked in the same transaction ({@link VolumeQuotas#checkCreate}).
	 */
	@Transactional
	public Volume insert(String id, Function<Instant, Volume> volume) {
		return insert(id, volume, (created, now) -> {
		});
	}

	/**
	 * {@link #insert(String, Function)}, then {@code then} in the same transaction, once the
	 * row is written (so a second request with the same id has failed by then), given the
	 * transaction's time: an instant driver's create, which moves the volume on.
	 */
	@Transactional
	public Volume insert(String id, Function<Instant, Volume> volume, BiConsumer<Volume, Instant> then) {
		if (this.volumes.countAnyWithId(id) > 0) {
			throw VolumeTransactions.duplicate(id);
		}
		Instant now = this.clock.now();
		Volume created = volume.apply(now);
		this.quotas.checkCreate(created);
		// persist, not save: the id is the caller's, so save would merge, reading the row first;
		// the repository's flush turns a taken primary key into a DataIntegrityViolationException
		this.entityManager.persist(created);
		this.volumes.flush();
		then.accept(created, now);
		this.volumes.flush();
		return created;
	}

	/**
	 * Starts an extend: {@link VolumeAction#EXTEND}'s checks, then the project's gigabytes
	 * quota, whose reservation the extend holds until {@link #finish} ends it.
	 */
	@Transactional
	public Volume beginExtend(RequestContext context, String id, int newSizeGb, Consumer<Volume> check) {
		Instant now = this.clock.now();
		return begin(context, id, VolumeAction.EXTEND, (volume) -> {
			check.accept(volume);
			this.quotas.checkExtend(volume, newSizeGb, now);
		}, (volume, at) -> {
		}, now);
	}

	/** The answer to a volume id that is taken. */
	static InvalidInputException duplicate(String volumeId) {
		return new InvalidInputException("a volume with id " + volumeId + " already exists");
	}

	/**
	 * Starts {@code action} on a volume: refuses it, changing nothing, unless the volume's
	 * status allows it and {@code check} passes; then moves the volume to the action's
	 * next status.
	 */
	@Transactional
	public Volume begin(RequestContext context, String id, VolumeAction action, Consumer<Volume> check) {
		return begin(context, id, action, check, (volume, now) -> {
		}, this.clock.now());
	}

	/**
	 * {@link #begin(RequestContext, String, VolumeAction, Consumer)}, then applies
	 * {@code change}, which is given the transaction's time.
	 */
	@Transactional
	public Volume begin(RequestContext context, String id, VolumeAction action, Consumer<Volume> check,
			BiConsumer<Volume, Instant> change) {
		return begin(context, id, action, check, change, this.clock.now());
	}

	private Volume begin(RequestContext context, String id, VolumeAction action, Consumer<Volume> check,
			BiConsumer<Volume, Instant> change, Instant now) {
		Volume volume = visibleVolume(context, id);
		if (!action.isAllowedFrom(volume.getStatus())) {
			throw new InvalidVolumeException("Invalid volume: cannot " + action.verb() + " volume " + id
			+ " in status '" + volume.getStatus().value() + "'; it must be one of "
			+ action.allowedFrom().stream().map(VolumeStatus::value).toList() + ".");
		}
		check.accept(volume);
		if (action.next() != null) {
			volume.setStatus(action.next(), null, now);
		}
		change.accept(volume, now);
		return this.volumes.saveAndFlush(volume);
	}

	/**
	 * {@link #begin(RequestContext, String, VolumeAction, Consumer)} and, in the same
	 * transaction, an instant driver's work ({@code driverWork}, given the transaction's
	 * time), which moves the volume on. The action's status is written first, so that a
	 * concurrent change of the volume has made this fail before the driver is called, and
	 * the row stays locked until the end.
	 */
	@Transactional
	public Volume beginAndEnd(RequestContext context, String id, VolumeAction action, Consumer<Volume> check,
			BiConsumer<Volume, Instant> driverWork) {
		Instant now = this.clock.now();
		Volume volume = begin(context, id, action, check, (v, at) -> {
		}, now);
		driverWork.accept(volume, now);
		return this.volumes.saveAndFlush(volume);
	}

	/** Ends what the driver did: the volume's new status, why (for errors), and other changes. */
	@Transactional
	public Volume finish(String id, VolumeStatus next, String reason, Consumer<Volume> change) {
		Volume volume = this.volumes.findById(id).orElseThrow(() -> VolumeNotFoundException.volume(id));
		if (volume.getStatus() == VolumeStatus.EXTENDING) {
			this.quotas.release(id);
		}
		volume.setStatus(next, reason, this.clock.now());
		change.accept(volume);
		return this.volumes.saveAndFlush(volume);
	}

	/**
	 * Records a new snapshot of a volume whose status allows {@code action}; the volume's
	 * row is touched in the same transaction, so that a concurrent delete of the volume
	 * fails instead of leaving a snapshot of a deleted volume.
	 */
	@Transactional
	public Snapshot insertSnapshot(RequestContext context, String volumeId, VolumeAction action,
			Consumer<Volume> check, BiFunction<Volume, Instant, Snapshot> snapshot) {
		Instant now = this.clock.now();
		Volume volume = begin(context, volumeId, action, check, (v, at) -> {
		}, now);
		this.quotas.checkSnapshot(volume);
		Snapshot created = snapshot.apply(volume, now);
		// an id stays taken once its snapshot is deleted (the row stays)
		if (this.snapshots.countAnyWithId(created.getId()) > 0) {
			throw new InvalidInputException("a snapshot with id " + created.getId() + " already exists");
		}
		// a change of the volume's row bumps its lock version: a concurrent delete now fails
		volume.setStatus(volume.getStatus(), volume.getStatusReason(), now);
		this.volumes.saveAndFlush(volume);
		return this.snapshots.saveAndFlush(created);
	}

	@Transactional
	public Snapshot beginSnapshotDelete(RequestContext context, String id, Consumer<Snapshot> check) {
		Snapshot snapshot = visibleSnapshot(context, id);
		SnapshotStatus current = snapshot.getStatus();
		if (current != SnapshotStatus.AVAILABLE && current != SnapshotStatus.ERROR
		&& current != SnapshotStatus.ERROR_DELETING) {
			throw new InvalidVolumeException("Invalid snapshot: cannot delete snapshot " + id + " in status '"
			+ current.value() + "'; it must be one of [available, error, error_deleting].");
		}
		check.accept(snapshot);
		snapshot.setStatus(SnapshotStatus.DELETING, null, this.clock.now());
		return this.snapshots.saveAndFlush(snapshot);
	}

	@Transactional
	public Snapshot finishSnapshot(String id, SnapshotStatus next, String reason) {
		Snapshot snapshot = this.snapshots.findById(id).orElseThrow(() -> VolumeNotFoundException.snapshot(id));
		snapshot.setStatus(next, reason, this.clock.now());
		return this.snapshots.saveAndFlush(snapshot);
	}

}
