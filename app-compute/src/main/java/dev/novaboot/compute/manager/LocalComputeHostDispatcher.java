package dev.novaboot.compute.manager;

import java.util.concurrent.Executor;

import dev.novaboot.service.context.RequestContext;
import dev.novaboot.service.rpc.api.ComputeRpcApi;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.ObjectProvider;

/**
 * Reaches this host's own manager in process: casts run on the build executor (a fixed,
 * explicitly sized pool), calls run on the caller's thread. Other hosts are unreachable
 * without an RPC transport.
 */
public class LocalComputeHostDispatcher implements ComputeHostDispatcher {

	private static final Log logger = LogFactory.getLog(LocalComputeHostDispatcher.class);

	private final String thisHost;

	private final ObjectProvider<ComputeRpcApi> manager;

	private final Executor executor;

	public LocalComputeHostDispatcher(String thisHost, ObjectProvider<ComputeRpcApi> manager, Executor executor) {
		this.thisHost = thisHost;
		this.manager = manager;
		this.executor = executor;
	}

	@Override
	public ComputeRpcApi host(String host) {
		if (!this.thisHost.equals(host)) {
			throw new ComputeHostUnreachableException(host);
		}
		return new LocalHost(this.manager.getObject());
	}

	private final class LocalHost implements ComputeRpcApi {

		private final ComputeRpcApi target;

		LocalHost(ComputeRpcApi target) {
			this.target = target;
		}

		private void cast(String method, Runnable work) {
			LocalComputeHostDispatcher.this.executor.execute(() -> {
				try {
					work.run();
				}
				catch (RuntimeException ex) {
					// as with a remote cast, the caller is gone: the manager records failures in the instance
					logger.error("Cast " + method + " failed", ex);
				}
			});
		}

		@Override
		public void runInstance(RequestContext context, RunInstance request) {
			cast("run_instance", () -> this.target.runInstance(context, request));
		}

		@Override
		public void terminateInstance(RequestContext context, InstanceRef instance) {
			cast("terminate_instance", () -> this.target.terminateInstance(context, instance));
		}

		@Override
		public void rebootInstance(RequestContext context, RebootInstance request) {
			cast("reboot_instance", () -> this.target.rebootInstance(context, request));
		}

		@Override
		public void stopInstance(RequestContext context, InstanceRef instance) {
			cast("stop_instance", () -> this.target.stopInstance(context, instance));
		}

		@Override
		public void startInstance(RequestContext context, InstanceRef instance) {
			cast("start_instance", () -> this.target.startInstance(context, instance));
		}

		@Override
		public void triggerCrashDump(RequestContext context, InstanceRef instance) {
			cast("trigger_crash_dump", () -> this.target.triggerCrashDump(context, instance));
		}

		@Override
		public void rebuildInstance(RequestContext context, RebuildInstance request) {
			cast("rebuild_instance", () -> this.target.rebuildInstance(context, request));
		}

		@Override
		public void pauseInstance(RequestContext context, InstanceRef instance) {
			cast("pause_instance", () -> this.target.pauseInstance(context, instance));
		}

		@Override
		public void unpauseInstance(RequestContext context, InstanceRef instance) {
			cast("unpause_instance", () -> this.target.unpauseInstance(context, instance));
		}

		@Override
		public void suspendInstance(RequestContext context, InstanceRef instance) {
			cast("suspend_instance", () -> this.target.suspendInstance(context, instance));
		}

		@Override
		public void resumeInstance(RequestContext context, InstanceRef instance) {
			cast("resume_instance", () -> this.target.resumeInstance(context, instance));
		}

		@Override
		public void prepResize(RequestContext context, ResizeInstance request) {
			cast("prep_resize", () -> this.target.prepResize(context, request));
		}

		@Override
		public void confirmResize(RequestContext context, InstanceRef instance) {
			cast("confirm_resize", () -> this.target.confirmResize(context, instance));
		}

		@Override
		public void revertResize(RequestContext context, InstanceRef instance) {
			cast("revert_resize", () -> this.target.revertResize(context, instance));
		}

		@Override
		public void resizeInstance(RequestContext context, MigrateInstance request) {
			cast("resize_instance", () -> this.target.resizeInstance(context, request));
		}

		@Override
		public void finishResize(RequestContext context, MigrateInstance request) {
			cast("finish_resize", () -> this.target.finishResize(context, request));
		}

		@Override
		public void finishRevertResize(RequestContext context, MigrateInstance request) {
			cast("finish_revert_resize", () -> this.target.finishRevertResize(context, request));
		}

		@Override
		public void softDeleteInstance(RequestContext context, InstanceRef instance) {
			cast("soft_delete_instance", () -> this.target.softDeleteInstance(context, instance));
		}

		@Override
		public void restoreInstance(RequestContext context, InstanceRef instance) {
			cast("restore_instance", () -> this.target.restoreInstance(context, instance));
		}

		@Override
		public VolumeAttachment attachVolume(RequestContext context, AttachVolume request) {
			return this.target.attachVolume(context, request);
		}

		@Override
		public void detachVolume(RequestContext context, DetachVolume request) {
			this.target.detachVolume(context, request);
		}

		@Override
		public InterfaceAttachment attachInterface(RequestContext context, AttachInterface request) {
			return this.target.attachInterface(context, request);
		}

		@Override
		public void detachInterface(RequestContext context, DetachInterface request) {
			cast("detach_interface", () -> this.target.detachInterface(context, request));
		}

		@Override
		public ConsoleOutput getConsoleOutput(RequestContext context, GetConsoleOutput request) {
			return this.target.getConsoleOutput(context, request);
		}

		@Override
		public boolean instanceExists(RequestContext context, InstanceRef instance) {
			return this.target.instanceExists(context, instance);
		}

		@Override
		public void externalInstanceEvent(RequestContext context, ExternalInstanceEvent event) {
			cast("external_instance_event", () -> this.target.externalInstanceEvent(context, event));
		}

		@Override
		public void liveMigration(RequestContext context, MigrateInstance request) {
			cast("live_migration", () -> this.target.liveMigration(context, request));
		}

		@Override
		public LiveMigrateData preLiveMigration(RequestContext context, MigrateInstance request) {
			return this.target.preLiveMigration(context, request);
		}

		@Override
		public void postLiveMigrationAtDestination(RequestContext context, MigrateInstance request) {
			this.target.postLiveMigrationAtDestination(context, request);
		}

		@Override
		public void rollbackLiveMigrationAtDestination(RequestContext context, MigrateInstance request) {
			cast("rollback_live_migration_at_destination",
					() -> this.target.rollbackLiveMigrationAtDestination(context, request));
		}

		@Override
		public void liveMigrationAbort(RequestContext context, MigrateInstance request) {
			cast("live_migration_abort", () -> this.target.liveMigrationAbort(context, request));
		}

		@Override
		public void liveMigrationForceComplete(RequestContext context, MigrateInstance request) {
			cast("live_migration_force_complete", () -> this.target.liveMigrationForceComplete(context, request));
		}

	}

}
