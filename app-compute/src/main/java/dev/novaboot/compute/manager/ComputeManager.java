package dev.novaboot.compute.manager;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;

import dev.novaboot.compute.ComputeProperties;
import dev.novaboot.compute.driver.ComputeDriver;
import dev.novaboot.compute.driver.ComputeDriver.RebootType;
import dev.novaboot.compute.driver.GuestSpec;
import dev.novaboot.compute.driver.GuestVolume;
import dev.novaboot.compute.driver.PowerState;
import dev.novaboot.compute.store.Instance;
import dev.novaboot.compute.store.InstanceRepository;
import dev.novaboot.compute.store.TaskState;
import dev.novaboot.compute.store.VmState;
import dev.novaboot.service.ServiceIdentity;
import dev.novaboot.service.context.RequestContext;
import dev.novaboot.service.manager.Manager;
import dev.novaboot.service.rpc.api.ComputeRpcApi;
import dev.novaboot.service.rpc.api.RequestedNetwork;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Service;

/**
 * Owns the instances of this host: builds, reboots, powers and destroys them through the
 * compute driver, asking the network and volume services for what the guests need. The
 * manager decides; {@link InstanceStates} records, {@link ResourceTracker} accounts,
 * {@link CrashRecovery}, {@link PowerStateSync} and {@link DeadHostBuilds} reconcile.
 * Work on one instance is serialised by {@link InstanceLocks}.
 */
@Service
public class ComputeManager implements Manager, ComputeRpcApi {

	private static final Log logger = LogFactory.getLog(ComputeManager.class);

	private final ServiceIdentity identity;

	private final ComputeDriver driver;

	private final InstanceRepository instances;

	private final InstanceStates states;

	private final InstanceLocks locks;

	private final ComputeImages images;

	private final NetworkAllocator network;

	private final VolumeAttachments volumes;

	private final ResourceTracker resources;

	private final CrashRecovery crashRecovery;

	private final PowerStateSync powerStateSync;

	private final DeadHostBuilds deadHostBuilds;

	private final JsonMapper json;

	private final InstanceTasks tasks;

	private final InstanceActionLog actionLog;

	private final GuestSpecs specs;

	private final Duration reclaimInstanceInterval;

	private final InterfaceAttachments interfaces;

	private final Migrations migrations;

	private final LiveMigrations liveMigrations;

	public ComputeManager(ServiceIdentity identity, ComputeDriver driver, InstanceRepository instances,
			InstanceStates states, InstanceLocks locks, ComputeImages images, NetworkAllocator network,
			VolumeAttachments volumes, ResourceTracker resources, CrashRecovery crashRecovery,
			PowerStateSync powerStateSync, DeadHostBuilds deadHostBuilds, JsonMapper json, InstanceTasks tasks,
			GuestSpecs specs, ComputeProperties properties, InstanceActionLog actionLog,
			InterfaceAttachments interfaces, Migrations migrations, LiveMigrations liveMigrations) {
		this.migrations = migrations;
		this.liveMigrations = liveMigrations;
		this.interfaces = interfaces;
		this.actionLog = actionLog;
		this.tasks = tasks;
		this.specs = specs;
		this.reclaimInstanceInterval = properties.reclaimInstanceInterval();
		this.identity = identity;
		this.driver = driver;
		this.instances = instances;
		this.states = states;
		this.locks = locks;
		this.images = images;
		this.network = network;
		this.volumes = volumes;
		this.resources = resources;
		this.crashRecovery = crashRecovery;
		this.powerStateSync = powerStateSync;
		this.deadHostBuilds = deadHostBuilds;
		this.json = json;
	}

	ComputeDriver driver() {
		return this.driver;
	}

	/**
	 * Reconciles what a crash of this service left behind, then records the host's
	 * resources, so that the scheduler sees this host as soon as it reports up.
	 */
	@Override
	public void initHost() {
		this.driver.initHost();
		this.crashRecovery.recover(this::terminateLocally);
		this.migrations.evacuatedFromHere();
		this.liveMigrations.interruptedHere();
		this.resources.update();
	}

	/** Periodic (see {@link ComputePeriodicTasks}): records what the driver reports of the guests. */
	public void syncPowerStates() {
		this.powerStateSync.sync();
	}

	/** Periodic: this host's resources, for the scheduler. */
	public void updateAvailableResources() {
		this.resources.update();
	}

	/**
	 * Periodic (with {@code nova.compute.reclaim-instance-interval} set): deletes this
	 * host's servers soft-deleted longer than the interval ago (Nova's
	 * {@code _reclaim_queued_deletes}).
	 */
	public void reclaimQueuedDeletes() {
		if (this.reclaimInstanceInterval.isZero() || this.reclaimInstanceInterval.isNegative()) {
			return;
		}
		for (String uuid : this.states.softDeletedLongerThan(this.identity.host(), this.reclaimInstanceInterval)) {
			try {
				if (this.states.begin(uuid, InstanceAction.DELETE)) {
					logger.info("Reclaiming deleted instance " + uuid);
					terminateInstance(CrashRecovery.SERVICE_CONTEXT, new InstanceRef(uuid));
				}
			}
			catch (RuntimeException ex) {
				logger.warn("Periodic reclaim failed to delete instance " + uuid + ": " + ex.getMessage());
			}
		}
	}

	/** Periodic: builds that no compute host will finish go to error. */
	public void failBuildsOfDeadHosts() {
		this.deadHostBuilds.failStaleBuilds();
	}

	@Override
	public void runInstance(RequestContext context, RunInstance request) {
		String uuid = request.instanceUuid();
		event(context, uuid, "compute__do_build_and_run_instance", () -> build(context, request));
	}

	// true when the guest was built (or no longer needs to be), false when the build failed
	private boolean build(RequestContext context, RunInstance request) {
		String uuid = request.instanceUuid();
		return this.locks.withLock(uuid, () -> {
			if (!this.states.spawning(uuid)) {
				logger.info("Instance " + uuid + " is no longer building here; nothing to run");
				return true;
			}
			Instance instance = instance(uuid);
			try {
				Image image = this.images.find(instance.getImageRef())
					.orElseThrow(() -> new IllegalStateException("Image " + instance.getImageRef() + " could not be found."));
				// "networks": "none" asks nothing of the network service
				NetworkInfo networkInfo = RequestedNetwork.isNone(request.requestedNetworks())
						? new NetworkInfo(List.of())
						: this.network.allocate(context, uuid, this.identity.host(), request.requestedNetworks(),
								instance.getSecurityGroups());
				this.states.networkAllocated(uuid, this.json.writeValueAsString(networkInfo));
				List<GuestVolume> guestVolumes = this.volumes.connectAtBoot(context, uuid, request.blockDevices());
				this.driver.spawn(spec(instance, image, networkInfo, guestVolumes));
				if (!this.states.spawned(uuid, this.driver.getInfo(uuid))) {
					logger.info("Instance " + uuid + " was deleted while it spawned; the delete cleans up");
				}
				return true;
			}
			catch (RuntimeException ex) {
				logger.warn("Build of instance " + uuid + " failed", ex);
				cleanUpFailedBuild(context, uuid);
				this.states.fail(uuid, "Build of instance " + uuid + " aborted: " + ex.getMessage());
				this.resources.refreshUsage();
				return false;
			}
		});
	}

	// a step of the action the request began, recorded with its outcome (Nova's wrap_instance_event)
	private void event(RequestContext context, String uuid, String event, BooleanSupplier step) {
		this.actionLog.outcome(context, uuid, event, this.identity.host(), step);
	}

	private void cleanUpFailedBuild(RequestContext context, String uuid) {
		try {
			this.driver.destroy(uuid);
			this.volumes.disconnectAll(context, uuid);
			releaseAddresses(context, uuid);
		}
		catch (RuntimeException ex) {
			logger.warn("Clean-up after the failed build of " + uuid + " failed", ex);
		}
	}

	@Override
	public void terminateInstance(RequestContext context, InstanceRef ref) {
		this.actionLog.event(context, ref.instanceUuid(), "compute_terminate_instance", this.identity.host(),
				() -> this.locks.withLock(ref.instanceUuid(), () -> terminateLocally(context, ref.instanceUuid(), true)));
	}

	/**
	 * Deletes an instance whose host is gone or that never had one (Nova's local delete):
	 * addresses and volumes are released, there is no guest to destroy.
	 */
	public void deleteWithoutHost(RequestContext context, String uuid) {
		this.locks.withLock(uuid, () -> terminateLocally(context, uuid, false));
	}

	private void terminateLocally(RequestContext context, String uuid, boolean destroyGuest) {
		try {
			if (destroyGuest) {
				this.driver.destroy(uuid);
			}
			this.volumes.disconnectAll(context, uuid);
			releaseAddresses(context, uuid);
			this.states.deleted(uuid);
			this.resources.refreshUsage();
		}
		catch (RuntimeException ex) {
			logger.error("Delete of instance " + uuid + " failed", ex);
			this.states.clearTask(uuid, VmState.ERROR, this.driver.getInfo(uuid));
			this.states.fail(uuid, "Delete of instance " + uuid + " failed: " + ex.getMessage());
		}
	}

	/**
	 * Gives the instance's addresses back to the network service. An instance recorded
	 * with no interfaces ({@code "networks": "none"}) holds none; with no network service
	 * up, nova-network's periodic release of vanished instances' addresses gives back what
	 * a build may have taken, so that a delete never waits for a service that is not there.
	 */
	private void releaseAddresses(RequestContext context, String uuid) {
		String recorded = this.instances.findLive(uuid).map(Instance::getNetworkInfo).orElse(null);
		if (recorded != null && this.json.readValue(recorded, NetworkInfo.class).vifs().isEmpty()) {
			return;
		}
		if (!this.network.available()) {
			logger.info("No network service is up to release the addresses of instance " + uuid
					+ "; nova-network releases them when it finds the instance gone");
			return;
		}
		// the ports the user gave are unbound and kept, as Nova's preserve_on_delete
		List<String> preserved = (recorded != null) ? this.json.readValue(recorded, NetworkInfo.class).preservedPortIds()
				: List.of();
		this.network.deallocate(context, uuid, this.identity.host(), preserved);
	}

	@Override
	public void rebootInstance(RequestContext context, RebootInstance request) {
		RebootType type = "HARD".equals(request.type()) ? RebootType.HARD : RebootType.SOFT;
		event(context, request.instanceUuid(), "compute_reboot_instance",
				() -> this.tasks.run(request.instanceUuid(), TaskState.REBOOTING, VmState.ACTIVE,
						(instance) -> this.driver.reboot(spec(instance), type)));
	}

	@Override
	public void stopInstance(RequestContext context, InstanceRef ref) {
		event(context, ref.instanceUuid(), "compute_stop_instance",
				() -> this.tasks.run(ref.instanceUuid(), TaskState.POWERING_OFF, VmState.STOPPED,
						(instance) -> this.driver.powerOff(instance.getUuid())));
	}

	@Override
	public void startInstance(RequestContext context, InstanceRef ref) {
		event(context, ref.instanceUuid(), "compute_start_instance",
				() -> this.tasks.run(ref.instanceUuid(), TaskState.POWERING_ON, VmState.ACTIVE,
						(instance) -> this.driver.powerOn(spec(instance))));
	}

	/** No task state, as in Nova: the guest's OS decides what the interrupt does. */
	@Override
	public void triggerCrashDump(RequestContext context, InstanceRef ref) {
		this.locks.withLock(ref.instanceUuid(), () -> {
			Instance instance = instance(ref.instanceUuid());
			try {
				InstanceAction.TRIGGER_CRASH_DUMP.check(instance.getUuid(), instance.getVmState(),
						instance.getTaskState());
				this.driver.injectNmi(instance.getUuid());
			}
			catch (RuntimeException ex) {
				logger.warn("trigger_crash_dump of instance " + instance.getUuid() + " failed", ex);
			}
		});
	}

	/** A rebuild in place, or an evacuation to this host (the instance's own host is down). */
	@Override
	public void rebuildInstance(RequestContext context, RebuildInstance request) {
		event(context, request.instanceUuid(), "compute_rebuild_instance",
				() -> request.isEvacuation() ? this.migrations.evacuate(context, request) : this.tasks.rebuild(request));
	}

	@Override
	public void pauseInstance(RequestContext context, InstanceRef ref) {
		event(context, ref.instanceUuid(), "compute_pause_instance", () -> this.tasks.pause(ref.instanceUuid()));
	}

	@Override
	public void unpauseInstance(RequestContext context, InstanceRef ref) {
		event(context, ref.instanceUuid(), "compute_unpause_instance", () -> this.tasks.unpause(ref.instanceUuid()));
	}

	@Override
	public void suspendInstance(RequestContext context, InstanceRef ref) {
		event(context, ref.instanceUuid(), "compute_suspend_instance", () -> this.tasks.suspend(ref.instanceUuid()));
	}

	@Override
	public void resumeInstance(RequestContext context, InstanceRef ref) {
		event(context, ref.instanceUuid(), "compute_resume_instance", () -> this.tasks.resume(ref.instanceUuid()));
	}

	@Override
	public void prepResize(RequestContext context, ResizeInstance request) {
		event(context, request.instanceUuid(), "compute_prep_resize", () -> this.tasks.resize(request));
	}

	/** A migration between hosts is confirmed on its source (where the API casts it), a resize here. */
	@Override
	public void confirmResize(RequestContext context, InstanceRef ref) {
		String uuid = ref.instanceUuid();
		event(context, uuid, "compute_confirm_resize", () -> this.migrations.pending(uuid)
			.filter((migration) -> migration.getSourceCompute().equals(this.identity.host()))
			.map(this.migrations::confirmOnSource)
			.orElseGet(() -> this.tasks.confirmResize(uuid)));
	}

	/** A migration between hosts is reverted from its destination (the instance's host), a resize here. */
	@Override
	public void revertResize(RequestContext context, InstanceRef ref) {
		String uuid = ref.instanceUuid();
		event(context, uuid, "compute_revert_resize", () -> this.migrations.pending(uuid)
			.filter((migration) -> migration.getDestCompute().equals(this.identity.host()))
			.map((migration) -> this.migrations.revertOnDestination(context, migration))
			.orElseGet(() -> this.tasks.revertResize(uuid)));
	}

	@Override
	public void resizeInstance(RequestContext context, MigrateInstance request) {
		event(context, request.instanceUuid(), "compute_resize_instance",
				() -> this.migrations.resizeInstance(context, request));
	}

	@Override
	public void finishResize(RequestContext context, MigrateInstance request) {
		event(context, request.instanceUuid(), "compute_finish_resize",
				() -> this.migrations.finishResize(context, request));
	}

	@Override
	public void finishRevertResize(RequestContext context, MigrateInstance request) {
		event(context, request.instanceUuid(), "compute_finish_revert_resize",
				() -> this.migrations.finishRevertResize(context, request));
	}

	@Override
	public void liveMigration(RequestContext context, MigrateInstance request) {
		event(context, request.instanceUuid(), "compute_live_migration",
				() -> this.liveMigrations.liveMigration(context, request));
	}

	@Override
	public LiveMigrateData preLiveMigration(RequestContext context, MigrateInstance request) {
		return this.actionLog.event(context, request.instanceUuid(), "compute_pre_live_migration", this.identity.host(),
				() -> this.liveMigrations.preLiveMigration(context, request));
	}

	@Override
	public void postLiveMigrationAtDestination(RequestContext context, MigrateInstance request) {
		event(context, request.instanceUuid(), "compute_post_live_migration_at_destination",
				() -> this.liveMigrations.postLiveMigrationAtDestination(context, request));
	}

	@Override
	public void rollbackLiveMigrationAtDestination(RequestContext context, MigrateInstance request) {
		event(context, request.instanceUuid(), "compute_rollback_live_migration_at_destination",
				() -> this.liveMigrations.rollbackAtDestination(request));
	}

	@Override
	public void liveMigrationAbort(RequestContext context, MigrateInstance request) {
		event(context, request.instanceUuid(), "compute_live_migration_abort", () -> this.liveMigrations.abort(request));
	}

	@Override
	public void liveMigrationForceComplete(RequestContext context, MigrateInstance request) {
		event(context, request.instanceUuid(), "compute_live_migration_force_complete",
				() -> this.liveMigrations.forceComplete(request));
	}

	@Override
	public void softDeleteInstance(RequestContext context, InstanceRef ref) {
		event(context, ref.instanceUuid(), "compute_soft_delete_instance", () -> this.tasks.softDelete(ref.instanceUuid()));
	}

	@Override
	public void restoreInstance(RequestContext context, InstanceRef ref) {
		event(context, ref.instanceUuid(), "compute_restore_instance", () -> this.tasks.restore(ref.instanceUuid()));
	}

	@Override
	public VolumeAttachment attachVolume(RequestContext context, AttachVolume request) {
		return this.locks.withLock(request.instanceUuid(), () -> {
			Instance instance = instance(request.instanceUuid());
			InstanceAction.ATTACH_VOLUME.check(instance.getUuid(), instance.getVmState(), instance.getTaskState());
			return this.volumes.attach(context, instance.getUuid(), request.volumeId(), request.device());
		});
	}

	@Override
	public void detachVolume(RequestContext context, DetachVolume request) {
		this.locks.withLock(request.instanceUuid(), () -> {
			Instance instance = instance(request.instanceUuid());
			InstanceAction.DETACH_VOLUME.check(instance.getUuid(), instance.getVmState(), instance.getTaskState());
			this.volumes.detach(context, instance.getUuid(), request.volumeId());
		});
	}

	/**
	 * Nova's {@code attach_interface} on this host (a call): checked against the instance's
	 * state again under its lock, then {@link InterfaceAttachments#attach}; the step is
	 * recorded as the action's {@code compute_attach_interface} event.
	 */
	@Override
	public InterfaceAttachment attachInterface(RequestContext context, AttachInterface request) {
		String uuid = request.instanceUuid();
		AtomicReference<InterfaceAttachment> answer = new AtomicReference<>();
		// a refusal is the event's Error, as Nova's wrap_instance_event records the exception
		event(context, uuid, "compute_attach_interface", () -> {
			answer.set(this.locks.withLock(uuid, () -> {
				Instance instance = instance(uuid);
				try {
					InstanceAction.ATTACH_INTERFACE.check(uuid, instance.getVmState(), instance.getTaskState());
				}
				catch (InstanceInvalidStateException ex) {
					return InterfaceAttachment.refused("InstanceInvalidState", ex.getMessage());
				}
				return this.interfaces.attach(context, instance, request.networkId(), request.portId(),
						request.requestedIp(), request.tag());
			}));
			return answer.get().isAttached();
		});
		return answer.get();
	}

	/**
	 * Nova's {@code detach_interface} on this host (a cast): unplugged, the port given back,
	 * the network info without it; a failure is the {@code compute_detach_interface} event's
	 * {@code Error} and changes nothing.
	 */
	@Override
	public void detachInterface(RequestContext context, DetachInterface request) {
		String uuid = request.instanceUuid();
		this.actionLog.event(context, uuid, "compute_detach_interface", this.identity.host(),
				() -> this.locks.withLock(uuid, () -> {
					Instance instance = instance(uuid);
					InstanceAction.DETACH_INTERFACE.check(uuid, instance.getVmState(), instance.getTaskState());
					this.interfaces.detach(context, uuid, request.portId());
				}));
	}

	@Override
	public ConsoleOutput getConsoleOutput(RequestContext context, GetConsoleOutput request) {
		Instance instance = instance(request.instanceUuid());
		InstanceAction.GET_CONSOLE_OUTPUT.check(instance.getUuid(), instance.getVmState(), instance.getTaskState());
		return new ConsoleOutput(this.driver.getConsoleOutput(instance.getUuid(), request.length()));
	}

	@Override
	public boolean instanceExists(RequestContext context, InstanceRef instance) {
		return this.instances.findLive(instance.instanceUuid()).isPresent();
	}

	/**
	 * {@code network-changed}: the instance's network info is read again from the network
	 * service (Nova refreshes its info cache the same way), so that the server's addresses
	 * show a floating IP once associated and no longer once released. Other events, and
	 * events for instances that are gone, are dropped, as Nova's compute drops them.
	 */
	@Override
	public void externalInstanceEvent(RequestContext context, ExternalInstanceEvent event) {
		if (!ExternalInstanceEvent.NETWORK_CHANGED.equals(event.name())) {
			logger.debug("Dropping event " + event.name() + " for instance " + event.instanceUuid());
			return;
		}
		this.locks.withLock(event.instanceUuid(), () -> {
			if (this.instances.findLive(event.instanceUuid()).isEmpty()) {
				return;
			}
			NetworkInfo info = this.network.info(context, event.instanceUuid());
			// what only compute knows of each interface (the user's port, its tag) survives the
			// refresh, as Nova's info cache keeps preserve_on_delete
			NetworkInfo recorded = this.interfaces.networkInfo(event.instanceUuid());
			this.states.networkAllocated(event.instanceUuid(),
					this.json.writeValueAsString(info.keepingWhatComputeKnows(recorded)));
		});
	}

	private Instance instance(String uuid) {
		return this.instances.findLive(uuid).orElseThrow(() -> new InstanceNotFoundException(uuid));
	}

	/** What the driver needs to run an instance again (power on, hard reboot). */
	private GuestSpec spec(Instance instance) {
		return this.specs.of(instance);
	}

	private static GuestSpec spec(Instance instance, Image image, NetworkInfo networkInfo, List<GuestVolume> volumes) {
		return GuestSpecs.spec(instance, image, networkInfo, volumes);
	}

}
