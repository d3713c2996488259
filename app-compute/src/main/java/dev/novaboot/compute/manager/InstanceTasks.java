package dev.novaboot.compute.manager;

import java.util.function.Consumer;

import dev.novaboot.compute.driver.ComputeDriver;
import dev.novaboot.compute.driver.GuestSpec;
import dev.novaboot.compute.driver.PowerState;
import dev.novaboot.compute.store.Instance;
import dev.novaboot.compute.store.InstanceRepository;
import dev.novaboot.compute.store.TaskState;
import dev.novaboot.compute.store.VmState;
import dev.novaboot.service.rpc.api.ComputeRpcApi;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.stereotype.Component;

/**
 * The host's side of the actions the API began (Nova's {@code ComputeManager} methods for
 * them): each runs under the instance's lock, only if the instance still has the task the
 * API set, moves the task through Nova's steps and ends it in Nova's states. A driver
 * failure ends the task where the instance was before, or in {@code error} where the
 * guest may be half changed (rebuild, resize), as Nova does.
 */
@Component
class InstanceTasks {

	private static final Log logger = LogFactory.getLog(InstanceTasks.class);

	private final ComputeDriver driver;

	private final InstanceRepository instances;

	private final InstanceStates states;

	private final InstanceLocks locks;

	private final GuestSpecs specs;

	private final ComputeImages images;

	private final ResourceTracker resources;

	InstanceTasks(ComputeDriver driver, InstanceRepository instances, InstanceStates states, InstanceLocks locks,
			GuestSpecs specs, ComputeImages images, ResourceTracker resources) {
		this.driver = driver;
		this.instances = instances;
		this.states = states;
		this.locks = locks;
		this.specs = specs;
		this.images = images;
		this.resources = resources;
	}

	/**
	 * Runs a task the API began and ends it: in {@code success} when the driver did it,
	 * back in the state before the task (power state as the driver sees it) when not.
	 */
	boolean run(String uuid, TaskState task, VmState success, Consumer<Instance> work) {
		return this.locks.withLock(uuid, () -> {
			Instance instance = current(uuid, task);
			if (instance == null) {
				return true;
			}
			try {
				work.accept(instance);
				this.states.finish(uuid, task, success, this.driver.getInfo(uuid));
				return true;
			}
			catch (RuntimeException ex) {
				logger.warn(task.value() + " of instance " + uuid + " failed", ex);
				this.states.finish(uuid, task, instance.getVmState(), this.driver.getInfo(uuid));
				return false;
			}
		});
	}

	boolean pause(String uuid) {
		return run(uuid, TaskState.PAUSING, VmState.PAUSED, (instance) -> this.driver.pause(uuid));
	}

	boolean unpause(String uuid) {
		return run(uuid, TaskState.UNPAUSING, VmState.ACTIVE, (instance) -> this.driver.unpause(uuid));
	}

	boolean suspend(String uuid) {
		return run(uuid, TaskState.SUSPENDING, VmState.SUSPENDED, (instance) -> this.driver.suspend(uuid));
	}

	boolean resume(String uuid) {
		return run(uuid, TaskState.RESUMING, VmState.ACTIVE, (instance) -> this.driver.resume(this.specs.of(instance)));
	}

	/** Nova's drivers without a soft delete of their own power the guest off. */
	boolean softDelete(String uuid) {
		return run(uuid, TaskState.SOFT_DELETING, VmState.SOFT_DELETED, (instance) -> this.driver.powerOff(uuid));
	}

	boolean restore(String uuid) {
		return run(uuid, TaskState.RESTORING, VmState.ACTIVE, (instance) -> this.driver.powerOn(this.specs.of(instance)));
	}

	/**
	 * Nova's rebuild: {@code rebuilding}, {@code rebuild_block_device_mapping},
	 * {@code rebuild_spawning}, then {@code active}; a server that was stopped is powered
	 * off again and ends {@code stopped}. Addresses and volumes stay.
	 */
	boolean rebuild(ComputeRpcApi.RebuildInstance request) {
		String uuid = request.instanceUuid();
		return this.locks.withLock(uuid, () -> {
			Instance instance = current(uuid, TaskState.REBUILDING);
			if (instance == null) {
				return true;
			}
			VmState before = instance.getVmState();
			try {
				if (this.images.find(instance.getImageRef()).isEmpty()) {
					throw new IllegalStateException("Image " + instance.getImageRef() + " could not be found.");
				}
				step(uuid, TaskState.REBUILDING, TaskState.REBUILD_BLOCK_DEVICE_MAPPING);
				step(uuid, TaskState.REBUILD_BLOCK_DEVICE_MAPPING, TaskState.REBUILD_SPAWNING);
				this.driver.rebuild(this.specs.of(instance));
				VmState after = VmState.ACTIVE;
				if (before == VmState.STOPPED) {
					this.driver.powerOff(uuid);
					after = VmState.STOPPED;
				}
				this.states.finish(uuid, TaskState.REBUILD_SPAWNING, after, this.driver.getInfo(uuid));
				return true;
			}
			catch (RuntimeException ex) {
				logger.warn("Rebuild of instance " + uuid + " failed", ex);
				this.states.fail(uuid, "Rebuild of instance " + uuid + " failed: " + ex.getMessage());
				return false;
			}
		});
	}

	/**
	 * A resize on this host, Nova's steps: {@code resize_prep} (the claim: room for the new
	 * flavor beside the old one), {@code resize_migrating} (the guest powered off, its disk
	 * kept), {@code resize_migrated}, {@code resize_finish} (the disk grown, the guest
	 * started with the new sizes if it ran before), then {@code resized} awaiting confirm
	 * or revert. No room, or a driver failure before the guest changed, puts the server
	 * back as it was.
	 */
	boolean resize(ComputeRpcApi.ResizeInstance flavor) {
		String uuid = flavor.instanceUuid();
		return this.locks.withLock(uuid, () -> {
			Instance instance = current(uuid, TaskState.RESIZE_PREP);
			if (instance == null) {
				return true;
			}
			VmState before = instance.getVmState();
			if (!this.resources.hasRoomFor(flavor.vcpus(), flavor.memoryMb(), flavor.rootGb())) {
				logger.warn("No room on this host to resize " + uuid + " to flavor " + flavor.flavorId());
				this.states.finish(uuid, TaskState.RESIZE_PREP, before, this.driver.getInfo(uuid));
				return false;
			}
			boolean powerOn = before == VmState.ACTIVE;
			try {
				step(uuid, TaskState.RESIZE_PREP, TaskState.RESIZE_MIGRATING);
				this.driver.migrateDiskAndPowerOff(uuid);
				step(uuid, TaskState.RESIZE_MIGRATING, TaskState.RESIZE_MIGRATED);
				step(uuid, TaskState.RESIZE_MIGRATED, TaskState.RESIZE_FINISH);
			}
			catch (RuntimeException ex) {
				logger.warn("Resize of instance " + uuid + " failed before the guest changed; rolling back", ex);
				rollBack(instance, before, powerOn);
				return false;
			}
			boolean resized = true;
			try {
				this.driver.finishMigration(this.specs.withSizes(instance, flavor.vcpus(), flavor.memoryMb(),
						flavor.rootGb()), powerOn);
				this.states.resized(uuid, flavor, this.driver.getInfo(uuid));
			}
			catch (RuntimeException ex) {
				logger.warn("Resize of instance " + uuid + " failed", ex);
				rollBack(instance, before, powerOn);
				resized = false;
			}
			this.resources.refreshUsage();
			return resized;
		});
	}

	// Nova's InstanceFaultRollback: the guest as it was, the task ended, no error
	private void rollBack(Instance instance, VmState before, boolean powerOn) {
		String uuid = instance.getUuid();
		TaskState task = this.instances.findLive(uuid).map(Instance::getTaskState).orElse(null);
		try {
			this.driver.finishRevertMigration(this.specs.of(instance), powerOn);
			if (task != null) {
				this.states.finish(uuid, task, before, this.driver.getInfo(uuid));
			}
		}
		catch (RuntimeException ex) {
			logger.warn("Rollback of the resize of instance " + uuid + " failed", ex);
			this.states.fail(uuid, "Resize of instance " + uuid + " failed: " + ex.getMessage());
		}
	}

	/**
	 * Keeps the new flavor: the guest's old disk goes, the server is {@code active} again
	 * ({@code stopped} if its guest is powered off, as Nova decides from the power state).
	 */
	boolean confirmResize(String uuid) {
		return this.locks.withLock(uuid, () -> {
			Instance instance = this.instances.findLive(uuid).orElse(null);
			if (instance == null || instance.getVmState() != VmState.RESIZED || instance.getTaskState() != null) {
				logger.info("Instance " + uuid + " has no resize to confirm; skipping");
				return true;
			}
			try {
				this.driver.confirmMigration(uuid);
			}
			catch (RuntimeException ex) {
				logger.warn("Clean-up after the resize of " + uuid + " failed; confirming anyway", ex);
			}
			PowerState power = this.driver.getInfo(uuid);
			this.states.confirmed(uuid, (power == PowerState.SHUTDOWN) ? VmState.STOPPED : VmState.ACTIVE, power);
			this.resources.refreshUsage();
			return true;
		});
	}

	/** Back to the old flavor: the old disk and sizes, running again if it ran before the resize. */
	boolean revertResize(String uuid) {
		return this.locks.withLock(uuid, () -> {
			Instance instance = current(uuid, TaskState.RESIZE_REVERTING);
			if (instance == null) {
				return true;
			}
			boolean powerOn = this.driver.getInfo(uuid) == PowerState.RUNNING;
			try {
				GuestSpec original = this.specs.withSizes(instance, instance.getOldVcpus(), instance.getOldMemoryMb(),
						instance.getOldRootGb());
				this.driver.finishRevertMigration(original, powerOn);
				this.states.reverted(uuid, powerOn ? VmState.ACTIVE : VmState.STOPPED, this.driver.getInfo(uuid));
			}
			catch (RuntimeException ex) {
				logger.warn("Revert of the resize of " + uuid + " failed", ex);
				this.states.fail(uuid, "Revert of the resize of instance " + uuid + " failed: " + ex.getMessage());
				this.resources.refreshUsage();
				return false;
			}
			this.resources.refreshUsage();
			return true;
		});
	}

	// the instance if it still has the task the API began, else null (a delete replaced it)
	private Instance current(String uuid, TaskState task) {
		Instance instance = this.instances.findLive(uuid).orElse(null);
		if (instance == null || instance.getTaskState() != task) {
			logger.info("Instance " + uuid + " is no longer " + task.value() + "; skipping");
			return null;
		}
		return instance;
	}

	private void step(String uuid, TaskState from, TaskState to) {
		if (!this.states.advance(uuid, from, to)) {
			throw new IllegalStateException("Instance " + uuid + " is no longer " + from.value());
		}
	}

}
