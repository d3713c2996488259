package dev.novaboot.compute.rpc;

import dev.novaboot.compute.manager.ComputeHostDispatcher;
import dev.novaboot.compute.manager.ComputeHostUnreachableException;
import dev.novaboot.service.context.RequestContext;
import dev.novaboot.service.rpc.RemoteRpcException;
import dev.novaboot.service.rpc.Rpc;
import dev.novaboot.service.rpc.RpcException;
import dev.novaboot.service.rpc.api.ComputeRpcApi;

/**
 * Reaches the compute manager of a host: this host through the local dispatcher (casts
 * on this service's own build executor), any other host over RPC to
 * {@code compute.<host>}: the instance operations as casts, the questions with an answer
 * (volume attach and detach, interface attach, console output, the destination's
 * steps of a live migration) as calls;
 * interface detach is a cast, as Nova's.
 */
public class RpcComputeHostDispatcher implements ComputeHostDispatcher {

	private final String thisHost;

	private final ComputeHostDispatcher local;

	private final Rpc rpc;

	public RpcComputeHostDispatcher(String thisHost, ComputeHostDispatcher local, Rpc rpc) {
		this.thisHost = thisHost;
		this.local = local;
		this.rpc = rpc;
	}

	@Override
	public ComputeRpcApi host(String host) {
		return this.thisHost.equals(host) ? this.local.host(host) : new RemoteHost(host);
	}

	private final class RemoteHost implements ComputeRpcApi {

		private final String host;

		RemoteHost(String host) {
			this.host = host;
		}

		private ComputeRpcApi cast() {
			return RpcComputeHostDispatcher.this.rpc.cast(ComputeRpcApi.class, this.host);
		}

		private ComputeRpcApi call() {
			return RpcComputeHostDispatcher.this.rpc.call(ComputeRpcApi.class, this.host);
		}

		private <T> T reach(java.util.function.Supplier<T> work) {
			try {
				return work.get();
			}
			catch (RemoteRpcException ex) {
				throw ex;
			}
			catch (RpcException ex) {
				throw new ComputeHostUnreachableException(this.host);
			}
		}

		@Override
		public void runInstance(RequestContext context, RunInstance request) {
			reach(() -> {
				cast().runInstance(context, request);
				return null;
			});
		}

		@Override
		public void terminateInstance(RequestContext context, InstanceRef instance) {
			reach(() -> {
				cast().terminateInstance(context, instance);
				return null;
			});
		}

		@Override
		public void rebootInstance(RequestContext context, RebootInstance request) {
			reach(() -> {
				cast().rebootInstance(context, request);
				return null;
			});
		}

		@Override
		public void stopInstance(RequestContext context, InstanceRef instance) {
			reach(() -> {
				cast().stopInstance(context, instance);
				return null;
			});
		}

		@Override
		public void startInstance(RequestContext context, InstanceRef instance) {
			reach(() -> {
				cast().startInstance(context, instance);
				return null;
			});
		}

		@Override
		public void triggerCrashDump(RequestContext context, InstanceRef instance) {
			reach(() -> {
				cast().triggerCrashDump(context, instance);
				return null;
			});
		}

		@Override
		public void rebuildInstance(RequestContext context, RebuildInstance request) {
			reach(() -> {
				cast().rebuildInstance(context, request);
				return null;
			});
		}

		@Override
		public void pauseInstance(RequestContext context, InstanceRef instance) {
			reach(() -> {
				cast().pauseInstance(context, instance);
				return null;
			});
		}

		@Override
		public void unpauseInstance(RequestContext context, InstanceRef instance) {
			reach(() -> {
				cast().unpauseInstance(context, instance);
				return null;
			});
		}

		@Override
		public void suspendInstance(RequestContext context, InstanceRef instance) {
			reach(() -> {
				cast().suspendInstance(context, instance);
				return null;
			});
		}

		@Override
		public void resumeInstance(RequestContext context, InstanceRef instance) {
			reach(() -> {
				cast().resumeInstance(context, instance);
				return null;
			});
		}

		@Override
		public void prepResize(RequestContext context, ResizeInstance request) {
			reach(() -> {
				cast().prepResize(context, request);
				return null;
			});
		}

		@Override
		public void confirmResize(RequestContext context, InstanceRef instance) {
			reach(() -> {
				cast().confirmResize(context, instance);
				return null;
			});
		}

		@Override
		public void revertResize(RequestContext context, InstanceRef instance) {
			reach(() -> {
				cast().revertResize(context, instance);
				return null;
			});
		}

		@Override
		public void resizeInstance(RequestContext context, MigrateInstance request) {
			reach(() -> {
				cast().resizeInstance(context, request);
				return null;
			});
		}

		@Override
		public void finishResize(RequestContext context, MigrateInstance request) {
			reach(() -> {
				cast().finishResize(context, request);
				return null;
			});
		}

		@Override
		public void finishRevertResize(RequestContext context, MigrateInstance request) {
			reach(() -> {
				cast().finishRevertResize(context, request);
				return null;
			});
		}

		@Override
		public void softDeleteInstance(RequestContext context, InstanceRef instance) {
			reach(() -> {
				cast().softDeleteInstance(context, instance);
				return null;
			});
		}

		@Override
		public void restoreInstance(RequestContext context, InstanceRef instance) {
			reach(() -> {
				cast().restoreInstance(context, instance);
				return null;
			});
		}

		@Override
		public VolumeAttachment attachVolume(RequestContext context, AttachVolume request) {
			return reach(() -> call().attachVolume(context, request));
		}

		@Override
		public void detachVolume(RequestContext context, DetachVolume request) {
			reach(() -> {
				call().detachVolume(context, request);
				return null;
			});
		}

		@Override
		public InterfaceAttachment attachInterface(RequestContext context, AttachInterface request) {
			return reach(() -> call().attachInterface(context, request));
		}

		@Override
		public void detachInterface(RequestContext context, DetachInterface request) {
			reach(() -> {
				cast().detachInterface(context, request);
				return null;
			});
		}

		@Override
		public ConsoleOutput getConsoleOutput(RequestContext context, GetConsoleOutput request) {
			return reach(() -> call().getConsoleOutput(context, request));
		}

		@Override
		public boolean instanceExists(RequestContext context, InstanceRef instance) {
			return reach(() -> call().instanceExists(context, instance));
		}

		@Override
		public void externalInstanceEvent(RequestContext context, ExternalInstanceEvent event) {
			reach(() -> {
				cast().externalInstanceEvent(context, event);
				return null;
			});
		}

		@Override
		public void liveMigration(RequestContext context, MigrateInstance request) {
			reach(() -> {
				cast().liveMigration(context, request);
				return null;
			});
		}

		@Override
		public LiveMigrateData preLiveMigration(RequestContext context, MigrateInstance request) {
			return reach(() -> call().preLiveMigration(context, request));
		}

		@Override
		public void postLiveMigrationAtDestination(RequestContext context, MigrateInstance request) {
			reach(() -> {
				call().postLiveMigrationAtDestination(context, request);
				return null;
			});
		}

		@Override
		public void rollbackLiveMigrationAtDestination(RequestContext context, MigrateInstance request) {
			reach(() -> {
				cast().rollbackLiveMigrationAtDestination(context, request);
				return null;
			});
		}

		@Override
		public void liveMigrationAbort(RequestContext context, MigrateInstance request) {
			reach(() -> {
				cast().liveMigrationAbort(context, request);
				return null;
			});
		}

		@Override
		public void liveMigrationForceComplete(RequestContext context, MigrateInstance request) {
			reach(() -> {
				cast().liveMigrationForceComplete(context, request);
				return null;
			});
		}

	}

}
