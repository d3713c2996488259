package dev.novaboot.compute.manager;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import dev.novaboot.compute.driver.ComputeDriver;
import dev.novaboot.compute.driver.LiveMigrationAbortedException;
import dev.novaboot.compute.driver.LiveMigrationTarget;
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
import dev.novaboot.service.rpc.api.ComputeRpcApi.LiveMigrateData;
import dev.novaboot.service.rpc.api.ComputeRpcApi.MigrateInstance;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The hosts' side of a live migration, Nova's steps: the source ({@code live_migration})
 * asks the destination to get ready ({@code pre_live_migration}: the volumes connected
 * there, a guest waiting for the incoming state), has its driver move the running guest,
 * then the destination takes the instance ({@code post_live_migration_at_destination}:
 * the ports bound there, the guest running, the instance's host that one) and the source
 * drops its guest. The migration's row goes {@code queued}, {@code preparing},
 * {@code running}, {@code completed}. A failure before the guest moved leaves it running
 * on the source with no task, its volumes back there, the destination's waiting guest
 * gone and the migration {@code error} (the destination could not get ready),
 * {@code failed} (the move failed) or {@code cancelled} (an abort), as Nova's
 * {@code _rollback_live_migration}.
 */
@Component
public class LiveMigrations {

	/** A live migration under way (Nova's {@code migration_get_in_progress_by_instance}). */
	public static final Set<String> IN_PROGRESS = Set.of("queued", "preparing", "running", "post-migrating");

	public static final String TYPE = "live-migration";

	private static final Log logger = LogFactory.getLog(LiveMigrations.class);

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

	LiveMigrations(ServiceIdentity identity, ComputeDriver driver, InstanceRepository instances, InstanceStates states,
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

	/** The instance's live migrations under way, oldest first. */
	public List<MigrationRecord> inProgress(String instanceUuid) {
		return this.migrations.findByInstanceUuidAndMigrationTypeAndStatusInOrderByIdAsc(instanceUuid, TYPE,
				IN_PROGRESS);
	}

	/** One of the instance's migrations, whatever its type or status. */
	public Optional<MigrationRecord> find(String instanceUuid, long migrationId) {
		return this.migrations.findById(migrationId)
			.filter((migration) -> migration.getInstanceUuid().equals(instanceUuid));
	}

	/** The source's whole side; the lock is held throughout, so that no other task starts meanwhile. */
	boolean liveMigration(RequestContext context, MigrateInstance request) {
		String uuid = request.instanceUuid();
		MigrationRecord migration = this.migrations.findByUuid(request.migrationUuid()).orElse(null);
		if (migration == null) {
			return true;
		}
		status(migration, "queued");
		return this.locks.withLock(uuid, () -> {
			Instance instance = this.instances.findLive(uuid).orElse(null);
			if (instance == null || instance.getTaskState() != TaskState.MIGRATING) {
				logger.info("Instance " + uuid + " is no longer migrating; skipping its live migration");
				status(migration, "error");
				return true;
			}
			ComputeRpcApi destination = this.hosts.getObject().host(migration.getDestCompute());
			status(migration, "preparing");
			LiveMigrateData data;
			try {
				data = destination.preLiveMigration(context, request);
			}
			catch (RuntimeException ex) {
				logger.warn("Destination " + migration.getDestCompute() + " could not get ready for " + uuid, ex);
				rollBack(context, instance, migration, "error");
				return false;
			}
			status(migration, "running");
			try {
				this.driver.liveMigration(uuid, new LiveMigrationTarget(data.uri()));
			}
			catch (LiveMigrationAbortedException ex) {
				logger.info(ex.getMessage() + "; the guest runs on here");
				rollBack(context, instance, migration, "cancelled");
				return true;
			}
			catch (RuntimeException ex) {
				logger.warn("Live migration of " + uuid + " to " + migration.getDestCompute() + " failed", ex);
				rollBack(context, instance, migration, "failed");
				return false;
			}
			try {
				destination.postLiveMigrationAtDestination(context, request);
			}
			catch (RuntimeException ex) {
				// the guest's state is on the destination: Nova leaves the instance in error there
				logger.warn("Destination " + migration.getDestCompute() + " did not take " + uuid, ex);
				this.states.fail(uuid, "Live migration of instance " + uuid + " failed on "
						+ migration.getDestCompute() + ": " + ex.getMessage());
				status(migration, "error");
				return false;
			}
			try {
				this.driver.destroy(uuid);
			}
			catch (RuntimeException ex) {
				logger.warn("Removing the source guest of " + uuid + " after its live migration failed", ex);
			}
			status(migration, "completed");
			this.resources.refreshUsage();
			return true;
		});
	}

	/** The destination's preparation: volumes connected here, a guest waiting for the state. */
	LiveMigrateData preLiveMigration(RequestContext context, MigrateInstance request) {
		String uuid = request.instanceUuid();
		return this.locks.withLock(uuid, () -> {
			Instance instance = migrating(uuid);
			MigrationRecord migration = this.migrations.findByUuid(request.migrationUuid())
				.orElseThrow(() -> new IllegalStateException("Migration " + request.migrationUuid() + " not found"));
			this.volumes.moveHere(context, uuid, migration.getSourceCompute());
			LiveMigrationTarget target = this.driver.preLiveMigration(this.specs.of(instance));
			return new LiveMigrateData(target.uri());
		});
	}

	/** The guest runs here: ports bound here, the instance this host's, as it was before. */
	boolean postLiveMigrationAtDestination(RequestContext context, MigrateInstance request) {
		String uuid = request.instanceUuid();
		return this.locks.withLock(uuid, () -> {
			Instance instance = migrating(uuid);
			if (!this.specs.networkInfo(instance).vifs().isEmpty()) {
				this.network.bindToHost(context, uuid, this.host);
			}
			this.driver.postLiveMigrationAtDestination(uuid, instance.getVmState() == VmState.ACTIVE);
			this.states.liveMigrated(uuid, this.host, this.driver.getInfo(uuid));
			this.resources.refreshUsage();
			return true;
		});
	}

	/** The waiting guest goes, unless the instance lives here (then it is no waiting guest). */
	boolean rollbackAtDestination(MigrateInstance request) {
		String uuid = request.instanceUuid();
		return this.locks.withLock(uuid, () -> {
			Instance instance = this.instances.findLive(uuid).orElse(null);
			if (instance != null && this.host.equals(instance.getHost())) {
				logger.warn("Instance " + uuid + " lives on " + this.host + ": its guest is kept");
				return true;
			}
			this.driver.destroy(uuid);
			this.resources.refreshUsage();
			return true;
		});
	}

	/** An abort, without the instance's lock: the source's migration holds it until the driver gives up. */
	boolean abort(MigrateInstance request) {
		this.driver.abortLiveMigration(request.instanceUuid());
		return true;
	}

	/** A force-complete, without the lock, as an abort. */
	boolean forceComplete(MigrateInstance request) {
		this.driver.forceCompleteLiveMigration(request.instanceUuid());
		return true;
	}

	/**
	 * At start-up (Nova's {@code _init_instance} of a {@code migrating} instance): the
	 * live migrations this host ran or received that a stop cut short are {@code error};
	 * the instance's task is cleared by the crash recovery.
	 */
	void interruptedHere() {
		this.transactions.executeWithoutResult((tx) -> {
			for (MigrationRecord migration : this.migrations.findByMigrationTypeAndStatusIn(TYPE, IN_PROGRESS)) {
				if (this.host.equals(migration.getSourceCompute())) {
					logger.info("Live migration " + migration.getUuid() + " of " + migration.getInstanceUuid()
							+ " was cut short by a stop of " + this.host);
					migration.setStatus("error", this.clock.now());
					this.migrations.save(migration);
				}
			}
		});
	}

	// the source's rollback: the destination's guest dropped, volumes back, the instance as it was
	private void rollBack(RequestContext context, Instance instance, MigrationRecord migration, String status) {
		String uuid = instance.getUuid();
		MigrateInstance request = new MigrateInstance(uuid, migration.getUuid());
		try {
			this.hosts.getObject().host(migration.getDestCompute()).rollbackLiveMigrationAtDestination(context, request);
		}
		catch (RuntimeException ex) {
			logger.warn("Could not tell " + migration.getDestCompute() + " to drop the waiting guest of " + uuid, ex);
		}
		try {
			this.volumes.moveHere(context, uuid, migration.getDestCompute());
		}
		catch (RuntimeException ex) {
			logger.warn("Could not move the volumes of " + uuid + " back to " + this.host, ex);
		}
		this.states.finish(uuid, TaskState.MIGRATING, instance.getVmState(), this.driver.getInfo(uuid));
		status(migration, status);
	}

	private Instance migrating(String uuid) {
		Instance instance = this.instances.findLive(uuid).orElse(null);
		if (instance == null || instance.getTaskState() != TaskState.MIGRATING) {
			throw new IllegalStateException("Instance " + uuid + " is not migrating");
		}
		return instance;
	}

	private void status(MigrationRecord migration, String status) {
		this.transactions.executeWithoutResult((tx) -> this.migrations.findById(migration.getId()).ifPresent((row) -> {
			row.setStatus(status, this.clock.now());
			this.migrations.save(row);
		}));
	}

}
