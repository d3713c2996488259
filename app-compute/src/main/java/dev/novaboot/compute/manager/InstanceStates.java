package dev.novaboot.compute.manager;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import dev.novaboot.compute.driver.PowerState;
import dev.novaboot.compute.store.Instance;
import dev.novaboot.compute.store.InstanceRepository;
import dev.novaboot.compute.store.TaskState;
import dev.novaboot.compute.store.VmState;
import dev.novaboot.service.record.DatabaseClock;
import dev.novaboot.service.rpc.api.ComputeRpcApi;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Every change to {@code instances} goes through here: the one writer of the table, on
 * behalf of the ComputeManager (and of the API for what Nova's API and conductor record:
 * the new instance, the chosen host, a task begun). Transitions are conditional updates,
 * so two requests racing on one instance cannot both win, and a late spawn cannot
 * overwrite a delete.
 */
@Service
public class InstanceStates {

	/** Nova's fault code for failures of the build. */
	public static final int FAULT_CODE = 500;

	/** Every live state: an action of any of them may fail (an instance already in error keeps the newer fault). */
	private static final Set<VmState> FAILABLE = EnumSet.complementOf(EnumSet.of(VmState.DELETED));

	private final InstanceRepository repository;

	private final DatabaseClock clock;

	public InstanceStates(InstanceRepository repository, DatabaseClock clock) {
		this.repository = repository;
		this.clock = clock;
	}

	/** A new instance in {@code building}, with no host yet. */
	@Transactional
	public Instance create(String name, String projectId, String userId, String flavorId, int vcpus, int memoryMb,
			int rootGb, String imageRef) {
		return create(name, projectId, userId, flavorId, vcpus, memoryMb, rootGb, imageRef, null, null, null);
	}

	/**
	 * Records a new instance in {@code building}, with Nova's reservation id and the
	 * hostname made from its name, its description, the name of its flavor and the
	 * flavor's extra specs (JSON) at boot.
	 */
	@Transactional
	public Instance create(String name, String projectId, String userId, String flavorId, int vcpus, int memoryMb,
			int rootGb, String imageRef, String description, String flavorName, String flavorExtraSpecs) {
		String uuid = UUID.randomUUID().toString();
		Instance instance = new Instance(uuid, name, projectId, userId, flavorId, vcpus, memoryMb, rootGb, imageRef,
				this.clock.now());
		instance.describe(ReservationIds.next(), Hostnames.of(name, uuid), description, flavorName);
		instance.setFlavorExtraSpecs(flavorExtraSpecs);
		return this.repository.saveAndFlush(instance);
	}

	@Transactional
	public void scheduled(String uuid, String host) {
		scheduled(uuid, host, null);
	}

	/** The scheduler placed the instance on {@code host}, in availability zone {@code zone}. */
	@Transactional
	public void scheduled(String uuid, String host, String zone) {
		scheduled(uuid, host, zone, this.clock.now());
	}

	/**
	 * {@link #scheduled(String, String, String)} in the scheduler's transaction, at
	 * {@code now}: the database's time it already read in that transaction (the clock
	 * answers the same within one), so not read again.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void scheduled(String uuid, String host, String zone, Instant now) {
		Instance instance = live(uuid);
		instance.setHost(host);
		instance.setAvailabilityZone(zone);
		instance.touch(now);
	}

	/**
	 * Begins a user action, or throws {@link InstanceInvalidStateException} and changes
	 * nothing.
	 * @return false only for a delete of an instance already being deleted
	 */
	@Transactional
	public boolean begin(String uuid, InstanceAction action) {
		Instance instance = live(uuid);
		action.check(uuid, instance.getVmState(), instance.getTaskState(), instance.getLaunchedAt());
		if (action.task() == null) {
			return true;
		}
		Instant now = this.clock.now();
		int updated = (action == InstanceAction.DELETE)
				? this.repository.beginDelete(uuid, action.allowedVmStates(), action.task(), now)
				: this.repository.beginTask(uuid, action.allowedVmStates(), action.task(), now);
		if (updated == 1) {
			return true;
		}
		// another request changed the instance since it was read: say what it is now
		Instance current = live(uuid);
		if (action == InstanceAction.DELETE && current.getTaskState() == TaskState.DELETING) {
			return false;
		}
		action.check(uuid, current.getVmState(), current.getTaskState());
		throw new InstanceInvalidStateException(action.verb(), uuid, "task_state",
				String.valueOf(current.getTaskState()));
	}

	/** The build begins on the host: {@code building/spawning}; false if it was deleted meanwhile. */
	@Transactional
	public boolean spawning(String uuid) {
		return this.repository.beginTask(uuid, EnumSet.of(VmState.BUILDING), TaskState.SPAWNING, this.clock.now()) == 1;
	}

	@Transactional
	public void networkAllocated(String uuid, String networkInfoJson) {
		// one targeted update, the row is not loaded first; a deleted instance is still not found
		if (this.repository.recordNetworkInfo(uuid, networkInfoJson, this.clock.now()) != 1) {
			throw new InstanceNotFoundException(uuid);
		}
	}

	/** The build ended well: {@code active}; false if a delete replaced the spawn meanwhile. */
	@Transactional
	public boolean spawned(String uuid, PowerState powerState) {
		// active and launched in one conditional update: no second read and write of the row
		return this.repository.completeLaunch(uuid, TaskState.SPAWNING, VmState.ACTIVE, powerState,
				this.clock.now()) == 1;
	}

	/** Ends a task with these states; false if another task replaced it meanwhile. */
	@Transactional
	public boolean finish(String uuid, TaskState task, VmState vmState, PowerState powerState) {
		return this.repository.completeTask(uuid, task, vmState, powerState, this.clock.now()) == 1;
	}

	/** The instance goes to {@code error} with this fault, unless it is being deleted. */
	@Transactional
	public boolean fail(String uuid, String message) {
		return this.repository.fail(uuid, FAILABLE, VmState.ERROR, TaskState.DELETING, FAULT_CODE, message,
				this.clock.now()) == 1;
	}

	/** A build that never finished goes to {@code error}: only if it is still building. */
	@Transactional
	public boolean failBuild(String uuid, String message) {
		return this.repository.fail(uuid, EnumSet.of(VmState.BUILDING), VmState.ERROR, TaskState.DELETING, FAULT_CODE,
				message, this.clock.now()) == 1;
	}

	@Transactional
	public void deleted(String uuid) {
		this.repository.findLive(uuid).ifPresent((instance) -> {
			Instant now = this.clock.now();
			instance.setVmState(VmState.DELETED);
			instance.setTaskState(null);
			instance.setPowerState(PowerState.NOSTATE);
			instance.markDeleted(now);
		});
	}

	/**
	 * Records the driver's view of the guest when no task runs; an {@code active}
	 * instance whose guest went down by itself becomes {@code stopped}, as Nova's sync does.
	 */
	@Transactional
	public void syncPowerState(String uuid, PowerState powerState) {
		Instant now = this.clock.now();
		if (this.repository.syncPowerState(uuid, powerState, now) == 1
				&& (powerState == PowerState.SHUTDOWN || powerState == PowerState.CRASHED)) {
			this.repository.stopActive(uuid, VmState.ACTIVE, VmState.STOPPED, now);
		}
	}

	/** After a crash: a task that will never finish is dropped, states as the driver sees them. */
	@Transactional
	public void clearTask(String uuid, VmState vmState, PowerState powerState) {
		this.repository.findLive(uuid).ifPresent((instance) -> {
			instance.setTaskState(null);
			instance.setVmState(vmState);
			instance.setPowerState(powerState);
			instance.touch(this.clock.now());
		});
	}

	private Instance live(String uuid) {
		return this.repository.findLive(uuid).orElseThrow(() -> new InstanceNotFoundException(uuid));
	}

	/** Nova's lock: {@code lockedBy} is {@code owner} or {@code admin}; null unlocks. */
	@Transactional
	public void lock(String uuid, String lockedBy) {
		Instance instance = live(uuid);
		instance.setLock(lockedBy);
		instance.touch(this.clock.now());
	}

	/**
	 * Begins a rebuild and records what the API changes with it (Nova's API updates the
	 * instance before the cast): the new image and, when given, the new name and
	 * description ({@code describe} false leaves the description as it is).
	 */
	@Transactional
	public void beginRebuild(String uuid, String imageRef, String name, boolean describe, String description) {
		begin(uuid, InstanceAction.REBUILD);
		Instance instance = live(uuid);
		instance.setImageRef(imageRef);
		if (name != null) {
			instance.setName(name);
		}
		if (describe) {
			instance.setDescription(description);
		}
	}

	/** Begins a soft delete: the time it began is when the reclaim interval starts. */
	@Transactional
	public void beginSoftDelete(String uuid) {
		begin(uuid, InstanceAction.SOFT_DELETE);
		live(uuid).setSoftDeletedAt(this.clock.now());
	}

	/** Begins a restore: the server is no longer on its way to being reclaimed. */
	@Transactional
	public void beginRestore(String uuid) {
		begin(uuid, InstanceAction.RESTORE);
		live(uuid).setSoftDeletedAt(null);
	}

	/** Moves a task on to its next step (Nova's {@code save(expected_task_state=...)}); false if it changed meanwhile. */
	@Transactional
	public boolean advance(String uuid, TaskState from, TaskState to) {
		return this.repository.advanceTask(uuid, from, to, this.clock.now()) == 1;
	}

	/**
	 * The resize is done on the host: the new flavor's sizes, the old ones kept for a
	 * revert, {@code resized} awaiting confirmation; false if the task changed meanwhile.
	 */
	@Transactional
	public boolean resized(String uuid, ComputeRpcApi.ResizeInstance flavor, PowerState powerState) {
		Instance instance = live(uuid);
		if (instance.getTaskState() != TaskState.RESIZE_FINISH) {
			return false;
		}
		instance.resize(flavor.flavorId(), flavor.flavorName(), flavor.vcpus(), flavor.memoryMb(), flavor.rootGb(),
				flavor.extraSpecs());
		end(instance, VmState.RESIZED, powerState);
		return true;
	}

	/** The revert is done: the old flavor again, in {@code vmState}. */
	@Transactional
	public boolean reverted(String uuid, VmState vmState, PowerState powerState) {
		Instance instance = live(uuid);
		if (instance.getTaskState() != TaskState.RESIZE_REVERTING || instance.getOldFlavorId() == null) {
			return false;
		}
		instance.revertResize();
		end(instance, vmState, powerState);
		return true;
	}

	/** The confirm is done: the old flavor forgotten, in {@code vmState}; false unless still resized with no task. */
	@Transactional
	public boolean confirmed(String uuid, VmState vmState, PowerState powerState) {
		Instance instance = live(uuid);
		if (instance.getVmState() != VmState.RESIZED || instance.getTaskState() != null) {
			return false;
		}
		instance.confirmResize();
		instance.setVmState(vmState);
		instance.setPowerState(powerState);
		instance.touch(this.clock.now());
		return true;
	}

	/** The soft-deleted instances of {@code host}, no task under way, soft-deleted longer than {@code interval} ago. */
	@Transactional(readOnly = true)
	public List<String> softDeletedLongerThan(String host, Duration interval) {
		return this.repository.findSoftDeletedBefore(host, VmState.SOFT_DELETED, this.clock.now().minus(interval));
	}

	/**
	 * A cold migration finished on {@code host}: the instance lives there, {@code resized}
	 * awaiting confirm or revert, its flavor kept as the "old" one too, for the revert.
	 */
	@Transactional
	public boolean migrated(String uuid, String host, PowerState powerState) {
		Instance instance = live(uuid);
		if (instance.getTaskState() != TaskState.RESIZE_FINISH) {
			return false;
		}
		instance.resize(instance.getFlavorId(), instance.getFlavorName(), instance.getVcpus(), instance.getMemoryMb(),
				instance.getRootGb(), instance.getFlavorExtraSpecs());
		instance.setHost(host);
		end(instance, VmState.RESIZED, powerState);
		return true;
	}

	/**
	 * A live migration finished on {@code host}: the instance lives there, as it was
	 * ({@code active} or {@code paused}), no task.
	 */
	@Transactional
	public boolean liveMigrated(String uuid, String host, PowerState powerState) {
		Instance instance = live(uuid);
		if (instance.getTaskState() != TaskState.MIGRATING) {
			return false;
		}
		instance.setHost(host);
		end(instance, instance.getVmState(), powerState);
		return true;
	}

	/** A revert of a migration between hosts finished: the instance back on {@code host}, its old flavor. */
	@Transactional
	public boolean revertedTo(String uuid, String host, VmState vmState, PowerState powerState) {
		Instance instance = live(uuid);
		if (instance.getTaskState() != TaskState.RESIZE_REVERTING || instance.getOldFlavorId() == null) {
			return false;
		}
		instance.revertResize();
		instance.setHost(host);
		end(instance, vmState, powerState);
		return true;
	}

	private void end(Instance instance, VmState vmState, PowerState powerState) {
		instance.setVmState(vmState);
		instance.setTaskState(null);
		instance.setPowerState(powerState);
		instance.touch(this.clock.now());
	}

}
