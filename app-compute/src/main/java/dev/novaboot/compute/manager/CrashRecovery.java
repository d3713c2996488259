package dev.novaboot.compute.manager;

import java.util.EnumSet;
import java.util.HashSet;
import java.util.Set;

import dev.novaboot.compute.driver.ComputeDriver;
import dev.novaboot.compute.driver.PowerState;
import dev.novaboot.compute.store.Instance;
import dev.novaboot.compute.store.InstanceRepository;
import dev.novaboot.compute.store.MigrationRecord;
import dev.novaboot.compute.store.MigrationRepository;
import dev.novaboot.compute.store.TaskState;
import dev.novaboot.compute.store.VmState;
import dev.novaboot.service.ServiceIdentity;
import dev.novaboot.service.context.RequestContext;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.stereotype.Service;

/**
 * What {@code initHost()} reconciles after this compute service stopped mid-work (Nova's
 * {@code _init_instance}): a build that was running goes to {@code error} (its partial
 * guest destroyed), a delete is finished, a reboot or power change that never ended is
 * dropped and the states taken from the driver; every other instance gets the driver's
 * power state. Guests that no live instance owns any more are destroyed, among them those
 * of instances evacuated while this host was down, even if the instance still names this
 * host (its destination has not taken it yet): those are left to their destination.
 */
@Service
public class CrashRecovery {

	private static final Log logger = LogFactory.getLog(CrashRecovery.class);

	/** The context of work this service does on its own behalf. */
	private static final Set<TaskState> INTERRUPTED_IN_THE_GUEST = EnumSet.of(TaskState.REBUILDING,
			TaskState.REBUILD_BLOCK_DEVICE_MAPPING, TaskState.REBUILD_SPAWNING, TaskState.RESIZE_MIGRATING,
			TaskState.RESIZE_MIGRATED, TaskState.RESIZE_FINISH, TaskState.RESIZE_REVERTING);

	public static final RequestContext SERVICE_CONTEXT = new RequestContext("req-nova-compute", "nova", "service",
			Set.of("admin"));

	private final String host;

	private final ComputeDriver driver;

	private final InstanceRepository instances;

	private final InstanceStates states;

	private final MigrationRepository migrations;

	public CrashRecovery(ServiceIdentity identity, ComputeDriver driver, InstanceRepository instances, InstanceStates states,
			MigrationRepository migrations) {
		this.migrations = migrations;
		this.host = identity.host();
		this.driver = driver;
		this.instances = instances;
		this.states = states;
	}

	/** @param terminator finishes a delete: releases volumes and addresses, marks it deleted */
	public void recover(Terminator terminator) {
		// an instance evacuated while this host was down may still name this host, until its
		// destination takes it: it is the destination's, and its guest here must go (Nova's
		// _destroy_evacuated_instances, before _init_instance of the others)
		Set<String> evacuated = new HashSet<>(this.migrations
			.findBySourceComputeAndMigrationTypeAndStatusIn(this.host, "evacuation", Migrations.EVACUATING)
			.stream()
			.map(MigrationRecord::getInstanceUuid)
			.toList());
		Set<String> owned = new HashSet<>();
		for (Instance instance : this.instances.findLiveByHost(this.host)) {
			if (evacuated.contains(instance.getUuid())) {
				logger.info("Instance " + instance.getUuid() + " is being evacuated from " + this.host
						+ "; leaving it to its destination");
				continue;
			}
			owned.add(instance.getUuid());
			try {
				recover(instance, terminator);
			}
			catch (RuntimeException ex) {
				logger.error("Could not reconcile instance " + instance.getUuid(), ex);
			}
		}
		// the guest a migration awaiting its confirm or revert left here is kept for the revert
		owned.addAll(this.migrations.findBySourceComputeAndMigrationTypeAndStatusIn(this.host, "migration",
				Migrations.PENDING).stream().map(MigrationRecord::getInstanceUuid).toList());
		for (String guest : this.driver.listInstances()) {
			if (!owned.contains(guest)) {
				logger.warn("Destroying guest " + guest + ": no live instance of " + this.host + " owns it");
				this.driver.destroy(guest);
			}
		}
	}

	private void recover(Instance instance, Terminator terminator) {
		String uuid = instance.getUuid();
		if (instance.getTaskState() == TaskState.DELETING) {
			logger.info("Finishing the delete of instance " + uuid + " that a restart interrupted");
			terminator.terminate(SERVICE_CONTEXT, uuid, true);
			return;
		}
		if (instance.getVmState() == VmState.BUILDING) {
			logger.info("Instance " + uuid + " was building when nova-compute stopped: setting it to error");
			this.driver.destroy(uuid);
			this.states.failBuild(uuid, "Build of instance " + uuid + " was interrupted: nova-compute on "
					+ this.host + " stopped while it was " + ((instance.getTaskState() != null)
							? instance.getTaskState().value() : "scheduled"));
			return;
		}
		PowerState power = this.driver.getInfo(uuid);
		if (INTERRUPTED_IN_THE_GUEST.contains(instance.getTaskState())) {
			// Nova's init_host: a rebuild cut short leaves the guest half made; a resize here too
			logger.info("Instance " + uuid + " was " + instance.getTaskState().value()
					+ " when nova-compute stopped: setting it to error");
			this.states.fail(uuid, "Instance " + uuid + " was interrupted while "
					+ instance.getTaskState().value() + ": nova-compute on " + this.host + " stopped");
			return;
		}
		if (instance.getTaskState() != null) {
			VmState vmState = afterInterruptedTask(instance, power);
			logger.info("Instance " + uuid + " was " + instance.getTaskState().value()
					+ " when nova-compute stopped: now " + vmState.value() + "/" + power.value());
			this.states.clearTask(uuid, vmState, power);
			return;
		}
		this.states.syncPowerState(uuid, power);
	}

	// the vm_state a task that never finished leaves, from what the guest is now
	private static VmState afterInterruptedTask(Instance instance, PowerState power) {
		if (instance.getVmState() == VmState.ERROR) {
			return VmState.ERROR;
		}
		if (instance.getTaskState() == TaskState.SOFT_DELETING) {
			return VmState.SOFT_DELETED;
		}
		if (instance.getTaskState() == TaskState.RESTORING && power != PowerState.RUNNING) {
			return VmState.SOFT_DELETED;
		}
		return switch (power) {
			case RUNNING -> VmState.ACTIVE;
			case PAUSED -> VmState.PAUSED;
			case SUSPENDED -> VmState.SUSPENDED;
			default -> VmState.STOPPED;
		};
	}

	/** Finishes the delete of an instance. */
	@FunctionalInterface
	public interface Terminator {

		void terminate(RequestContext context, String uuid, boolean destroyGuest);

	}

}
