package dev.novaboot.compute.manager;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

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
import dev.novaboot.service.record.DatabaseClock;
import dev.novaboot.service.rpc.api.ComputeRpcApi;
import dev.novaboot.service.rpc.api.ComputeRpcApi.MigrateInstance;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The hosts' side of a cold migration between hosts, Nova's steps: on the source
 * {@code resize_instance} (the guest powered off, its disk handed over), on the
 * destination {@code finish_resize} (the ports bound and the volumes connected there, the
 * guest made, the instance's host the destination, {@code resized}); a confirm on the
 * source drops the guest kept there, a revert on the destination drops its guest and the
 * source's {@code finish_revert_resize} takes the ports, volumes and guest back. The
 * migration's row says where it is at each step.
 */
@Component
public class Migrations {

	/** A migration a confirm or revert may act on (Nova's {@code finished}). */
	public static final String FINISHED = "finished";

	static final Set<String> PENDING = Set.of(FINISHED);

	/**
	 * An evacuation from a host that its host, back up, must leave alone (Nova's
	 * {@code _destroy_evacuated_instances}): accepted, under way on the destination, or done.
	 */
	static final Set<String> EVACUATING = Set.of("accepted", "pre-migrating", "done");

	private static final Log logger = LogFactory.getLog(Migrations.class);

	private final String host;

	private final ComputeDriver driver;

	private final InstanceRepository instances;

	private final InstanceStates states;

	private final InstanceLocks locks;

	private final GuestSpecs specs;

	private final NetworkAllocator network;

	private final VolumeAttachments volumes;

	private final ResourceTracker resources;

	private final MigrationRepository migrations;

	private final DatabaseClock clock;

	private final ObjectProvider<ComputeHostDispatcher> hosts;

	private final TransactionTemplate transactions;

	Migrations(ServiceIdentity identity, ComputeDriver driver, InstanceRepository instances, InstanceStates states,
			InstanceLocks locks, GuestSpecs specs, NetworkAllocator network, VolumeAttachments volumes,
			ResourceTracker resources, MigrationRepository migrations, DatabaseClock clock,
			ObjectProvider<ComputeHostDispatcher> hosts, PlatformTransactionManager transactionManager) {
		this.host = identity.host();
		this.driver = driver;
		this.instances = instances;
		this.states = states;
		this.locks = locks;
		this.specs = specs;
		this.network = network;
		this.volumes = volumes;
		this.resources = resources;
		this.migrations = migrations;
		this.clock = clock;
		this.hosts = hosts;
		this.transactions = new TransactionTemplate(transactionManager);
	}

	/**
	 * Records a move of the instance from its host (Nova's {@code Migration.create}).
	 * @param destination the destination, {@code null} until the scheduler chose it
	 */
	public MigrationRecord record(Instance instance, String migrationType, String status, String destination) {
		return this.transactions.execute((tx) -> this.migrations.save(new MigrationRecord(UUID.randomUUID().toString(),
				instance.getUuid(), migrationType, status, instance.getHost(), destination, instance.getFlavorId(),
				instance.getProjectId(), instance.getUserId(), this.clock.now())));
	}

	/** An evacuation's destination, once chosen. */
	public void destination(MigrationRecord migration, String host) {
		migration.setDestCompute(host);
		this.transactions.executeWithoutResult((tx) -> this.migrations.findById(migration.getId()).ifPresent((row) -> {
			row.setDestCompute(host);
			row.touch(this.clock.now());
			this.migrations.save(row);
		}));
	}

	/** A migration's status from now on (Nova's names). */
	public void mark(MigrationRecord migration, String status) {
		status(migration, status);
	}

	/**
	 * {@code GET /os-migrations}: newest first, each filter {@code null} for any; {@code host}
	 * is the source or the destination.
	 */
	public List<MigrationRecord> list(String instanceUuid, String status, String migrationType, String host) {
		return this.migrations.filtered(instanceUuid, status, migrationType, host, null);
	}

	/** The instance's migration awaiting a confirm or revert, if it moved between hosts. */
	public Optional<MigrationRecord> pending(String instanceUuid) {
		return this.migrations.findFirstByInstanceUuidAndStatusInOrderByIdDesc(instanceUuid, PENDING)
			.filter((migration) -> !migration.getSourceCompute().equals(migration.getDestCompute()));
	}

	/** The source's half: power off, hand the disk over, cast {@code finish_resize} to the destination. */
	boolean resizeInstance(RequestContext context, MigrateInstance request) {
		String uuid = request.instanceUuid();
		return this.locks.withLock(uuid, () -> {
			Instance instance = current(uuid, TaskState.RESIZE_PREP);
			MigrationRecord migration = this.migrations.findByUuid(request.migrationUuid()).orElse(null);
			if (instance == null || migration == null) {
				return true;
			}
			boolean powerOn = instance.getVmState() == VmState.ACTIVE;
			try {
				status(migration, "migrating");
				step(uuid, TaskState.RESIZE_PREP, TaskState.RESIZE_MIGRATING);
				this.driver.migrateDiskAndPowerOff(uuid);
				step(uuid, TaskState.RESIZE_MIGRATING, TaskState.RESIZE_MIGRATED);
				status(migration, "post-migrating");
				this.hosts.getObject().host(migration.getDestCompute()).finishResize(context, request);
				return true;
			}
			catch (RuntimeException ex) {
				// Nova's InstanceFaultRollback: the guest as it was on the source, no error
				logger.warn("Migration of instance " + uuid + " failed on its source; rolling back", ex);
				rollBack(instance, powerOn);
				status(migration, "error");
				return false;
			}
		});
	}

	/** The destination's half: ports and volumes here, the guest made, {@code resized}. */
	boolean finishResize(RequestContext context, MigrateInstance request) {
		String uuid = request.instanceUuid();
		return this.locks.withLock(uuid, () -> {
			Instance instance = current(uuid, TaskState.RESIZE_MIGRATED);
			MigrationRecord migration = this.migrations.findByUuid(request.migrationUuid()).orElse(null);
			if (instance == null || migration == null) {
				return true;
			}
			boolean powerOn = instance.getVmState() == VmState.ACTIVE;
			try {
				step(uuid, TaskState.RESIZE_MIGRATED, TaskState.RESIZE_FINISH);
				moveHere(context, instance, migration.getSourceCompute());
				this.driver.finishMigrationFromHost(this.specs.of(instance), migration.getSourceCompute(), powerOn);
				this.states.migrated(uuid, this.host, this.driver.getInfo(uuid));
				status(migration, FINISHED);
				this.resources.refreshUsage();
				return true;
			}
			catch (RuntimeException ex) {
				// as Nova's finish_resize: the instance in error, the migration too; the
				// source still has the guest, powered off
				logger.warn("Migration of instance " + uuid + " failed on its destination", ex);
				this.driver.destroy(uuid);
				this.states.fail(uuid, "Migration of instance " + uuid + " failed: " + ex.getMessage());
				status(migration, "error");
				return false;
			}
		});
	}

	/** A confirm on the source: the guest kept for a revert goes; the instance stays on the destination. */
	boolean confirmOnSource(MigrationRecord migration) {
		String uuid = migration.getInstanceUuid();
		return this.locks.withLock(uuid, () -> {
			Instance instance = this.instances.findLive(uuid).orElse(null);
			if (instance == null || instance.getVmState() != VmState.RESIZED || instance.getTaskState() != null) {
				logger.info("Instance " + uuid + " has no migration to confirm; skipping");
				return true;
			}
			try {
				this.driver.destroy(uuid);
			}
			catch (RuntimeException ex) {
				logger.warn("Removing the source guest of " + uuid + " failed; confirming anyway", ex);
			}
			PowerState power = instance.getPowerState();
			this.states.confirmed(uuid, (power == PowerState.SHUTDOWN) ? VmState.STOPPED : VmState.ACTIVE, power);
			status(migration, "confirmed");
			this.resources.refreshUsage();
			return true;
		});
	}

	/** A revert on the destination: its guest goes, the source takes the instance back. */
	boolean revertOnDestination(RequestContext context, MigrationRecord migration) {
		String uuid = migration.getInstanceUuid();
		return this.locks.withLock(uuid, () -> {
			Instance instance = current(uuid, TaskState.RESIZE_REVERTING);
			if (instance == null) {
				return true;
			}
			try {
				this.driver.destroy(uuid);
				status(migration, "reverting");
				this.hosts.getObject()
					.host(migration.getSourceCompute())
					.finishRevertResize(context, new MigrateInstance(uuid, migration.getUuid()));
				return true;
			}
			catch (RuntimeException ex) {
				logger.warn("Revert of the migration of " + uuid + " failed", ex);
				this.states.fail(uuid, "Revert of the migration of instance " + uuid + " failed: " + ex.getMessage());
				status(migration, "error");
				return false;
			}
		});
	}

	/** The source's half of a revert: ports and volumes back here, the kept guest running again if it ran. */
	boolean finishRevertResize(RequestContext context, MigrateInstance request) {
		String uuid = request.instanceUuid();
		return this.locks.withLock(uuid, () -> {
			Instance instance = current(uuid, TaskState.RESIZE_REVERTING);
			MigrationRecord migration = this.migrations.findByUuid(request.migrationUuid()).orElse(null);
			if (instance == null || migration == null) {
				return true;
			}
			boolean powerOn = instance.getPowerState() == PowerState.RUNNING;
			try {
				moveHere(context, instance, migration.getDestCompute());
				this.driver.finishRevertMigration(this.specs.withSizes(instance, instance.getOldVcpus(),
						instance.getOldMemoryMb(), instance.getOldRootGb()), powerOn);
				this.states.revertedTo(uuid, this.host, powerOn ? VmState.ACTIVE : VmState.STOPPED,
						this.driver.getInfo(uuid));
				status(migration, "reverted");
				this.resources.refreshUsage();
				return true;
			}
			catch (RuntimeException ex) {
				logger.warn("Revert of the migration of " + uuid + " failed on its source", ex);
				this.states.fail(uuid, "Revert of the migration of instance " + uuid + " failed: " + ex.getMessage());
				status(migration, "error");
				return false;
			}
		});
	}

	/**
	 * Nova's rebuild with {@code recreate} on the destination of an evacuation: the
	 * instance's host becomes this one, its ports are bound and its volumes connected
	 * here, the guest is spawned from its image (no shared storage: the source's disk is
	 * out of reach) with the same addresses and volumes, and it ends {@code active}, or
	 * {@code stopped} if it was. A failure leaves it in {@code error} here, the migration
	 * {@code failed}, as Nova does.
	 */
	boolean evacuate(RequestContext context, ComputeRpcApi.RebuildInstance request) {
		String uuid = request.instanceUuid();
		return this.locks.withLock(uuid, () -> {
			Instance instance = current(uuid, TaskState.REBUILDING);
			MigrationRecord migration = this.migrations.findByUuid(request.migrationUuid()).orElse(null);
			if (instance == null || migration == null) {
				return true;
			}
			VmState before = instance.getVmState();
			try {
				status(migration, "pre-migrating");
				this.states.scheduled(uuid, this.host, instance.getAvailabilityZone());
				step(uuid, TaskState.REBUILDING, TaskState.REBUILD_BLOCK_DEVICE_MAPPING);
				moveHere(context, instance, migration.getSourceCompute());
				step(uuid, TaskState.REBUILD_BLOCK_DEVICE_MAPPING, TaskState.REBUILD_SPAWNING);
				this.driver.spawn(this.specs.of(instance));
				VmState after = VmState.ACTIVE;
				if (before == VmState.STOPPED) {
					this.driver.powerOff(uuid);
					after = VmState.STOPPED;
				}
				this.states.finish(uuid, TaskState.REBUILD_SPAWNING, after, this.driver.getInfo(uuid));
				status(migration, "done");
				this.resources.refreshUsage();
				return true;
			}
			catch (RuntimeException ex) {
				logger.warn("Evacuation of instance " + uuid + " to " + this.host + " failed", ex);
				this.driver.destroy(uuid);
				this.states.fail(uuid, "Evacuation of instance " + uuid + " failed: " + ex.getMessage());
				status(migration, "failed");
				this.resources.refreshUsage();
				return false;
			}
		});
	}

	/**
	 * At start-up, after the crash recovery destroyed the guests no instance of this host
	 * owns (those evacuated while it was down among them): their evacuations are
	 * {@code completed}, as Nova's {@code _destroy_evacuated_instances} marks them.
	 */
	void evacuatedFromHere() {
		this.transactions.executeWithoutResult((tx) -> {
			for (MigrationRecord migration : this.migrations.findBySourceComputeAndMigrationTypeAndStatusIn(this.host,
					"evacuation", EVACUATING)) {
				logger.info("Instance " + migration.getInstanceUuid() + " was evacuated from " + this.host
						+ " while it was down; its guest here is gone");
				migration.setStatus("completed", this.clock.now());
				this.migrations.save(migration);
			}
		});
	}

	// the instance's ports bound to this host and its volumes connected here
	private void moveHere(RequestContext context, Instance instance, String fromHost) {
		if (!this.specs.networkInfo(instance).vifs().isEmpty()) {
			this.network.bindToHost(context, instance.getUuid(), this.host);
		}
		this.volumes.moveHere(context, instance.getUuid(), fromHost);
	}

	private void rollBack(Instance instance, boolean powerOn) {
		String uuid = instance.getUuid();
		TaskState task = this.instances.findLive(uuid).map(Instance::getTaskState).orElse(null);
		try {
			this.driver.finishRevertMigration(this.specs.of(instance), powerOn);
			if (task != null) {
				this.states.finish(uuid, task, instance.getVmState(), this.driver.getInfo(uuid));
			}
		}
		catch (RuntimeException ex) {
			logger.warn("Rollback of the migration of instance " + uuid + " failed", ex);
			this.states.fail(uuid, "Migration of instance " + uuid + " failed: " + ex.getMessage());
		}
	}

	private void status(MigrationRecord migration, String status) {
		this.transactions.executeWithoutResult((tx) -> this.migrations.findById(migration.getId()).ifPresent((row) -> {
			row.setStatus(status, this.clock.now());
			this.migrations.save(row);
		}));
	}

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
