package dev.novaboot.compute.api;

import dev.novaboot.compute.manager.ComputeHostUnreachableException;
import dev.novaboot.compute.manager.ComputeImages;
import dev.novaboot.compute.manager.FlavorCatalog;
import dev.novaboot.compute.manager.InstanceAction;
import dev.novaboot.compute.manager.InstanceStates;
import dev.novaboot.compute.store.FlavorRecord;
import dev.novaboot.compute.store.Instance;
import dev.novaboot.service.api.BadRequestException;
import dev.novaboot.service.context.RequestContext;
import dev.novaboot.service.rpc.api.ComputeRpcApi;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

/**
 * The API's side of rebuild, lock, pause, suspend, resize and deferred delete (Nova's
 * {@code nova.compute.api.API} methods for them): the caller must see the instance, a
 * locked instance refuses a non-admin (409 "Instance <uuid> is locked"), the state machine
 * ({@link InstanceAction}, Nova's {@code check_instance_state}) allows the action or
 * answers 409, the task begins, and the instance's host is cast to. Lock and unlock change
 * the row only, as Nova's do.
 */
@Component
class ServerActions {

	private final ServerOperations servers;

	private final InstanceStates states;

	private final FlavorCatalog flavors;

	private final ComputeImages images;

	private final JsonMapper json;

	private final ServerMigrations migrations;

	ServerActions(ServerOperations servers, InstanceStates states, FlavorCatalog flavors, ComputeImages images,
			JsonMapper json, ServerMigrations migrations) {
		this.migrations = migrations;
		this.servers = servers;
		this.states = states;
		this.flavors = flavors;
		this.images = images;
		this.json = json;
	}

	/**
	 * Nova's lock: {@code locked_by} is {@code owner} when the caller's project owns the
	 * instance, {@code admin} otherwise; the owner locking again changes nothing.
	 */
	void lock(RequestContext context, String uuid) {
		Instance instance = this.servers.find(context, uuid);
		boolean owner = instance.getProjectId().equals(context.projectId());
		if (instance.isLocked() && owner) {
			return;
		}
		this.states.lock(instance.getUuid(), owner ? "owner" : "admin");
	}

	/** An admin's lock is lifted by an admin only (Nova's {@code unlock_override} policy). */
	void unlock(RequestContext context, String uuid) {
		Instance instance = this.servers.find(context, uuid);
		String expected = instance.getProjectId().equals(context.projectId()) ? "owner" : "admin";
		if (instance.getLockedBy() != null && !instance.getLockedBy().equals(expected) && !context.isAdmin()) {
			throw new PolicyForbiddenException("os_compute_api:os-lock-server:unlock:unlock_override");
		}
		this.states.lock(instance.getUuid(), null);
	}

	void pause(RequestContext context, String uuid) {
		cast(context, uuid, InstanceAction.PAUSE, ComputeRpcApi::pauseInstance);
	}

	void unpause(RequestContext context, String uuid) {
		cast(context, uuid, InstanceAction.UNPAUSE, ComputeRpcApi::unpauseInstance);
	}

	void suspend(RequestContext context, String uuid) {
		cast(context, uuid, InstanceAction.SUSPEND, ComputeRpcApi::suspendInstance);
	}

	void resume(RequestContext context, String uuid) {
		cast(context, uuid, InstanceAction.RESUME, ComputeRpcApi::resumeInstance);
	}

	void revertResize(RequestContext context, String uuid) {
		cast(context, uuid, InstanceAction.REVERT_RESIZE, ComputeRpcApi::revertResize);
	}

	/** Checked here and cast: Nova sets no task on the instance for a confirm. */
	void confirmResize(RequestContext context, String uuid) {
		Instance instance = this.servers.find(context, uuid);
		this.servers.checkLock(context, instance);
		InstanceAction.CONFIRM_RESIZE.check(instance.getUuid(), instance.getVmState(), instance.getTaskState(),
				instance.getLaunchedAt());
		this.servers.recordAction(context, instance, InstanceAction.CONFIRM_RESIZE);
		// a migration between hosts is confirmed on its source, which still holds the guest
		this.migrations.confirmHost(instance).confirmResize(context, new ComputeRpcApi.InstanceRef(instance.getUuid()));
	}

	/** Nova's restore of a soft-deleted instance: its task is {@code restoring} until the host powers it on. */
	void restore(RequestContext context, String uuid) {
		Instance instance = this.servers.find(context, uuid);
		this.servers.checkLock(context, instance);
		ComputeRpcApi host = this.servers.hostOf(instance);
		this.states.beginRestore(instance.getUuid());
		this.servers.recordAction(context, instance, InstanceAction.RESTORE);
		ComputeRpcApi.InstanceRef ref = new ComputeRpcApi.InstanceRef(instance.getUuid());
		castOrEnd(instance, InstanceAction.RESTORE, () -> host.restoreInstance(context, ref));
	}

	/** Nova's force delete: any vm_state, no task under way, deleted now whatever the reclaim interval. */
	void forceDelete(RequestContext context, String uuid) {
		Instance instance = this.servers.find(context, uuid);
		this.servers.checkLock(context, instance);
		this.servers.terminate(context, instance, InstanceAction.FORCE_DELETE);
	}

	/**
	 * Nova's rebuild: lock and state first, then the image (400 "Cannot find image for
	 * rebuild"); the new image, name and description are recorded with the task, and the
	 * host rebuilds the guest with the same addresses and volumes.
	 */
	Instance rebuild(RequestContext context, String uuid, ServerActionRequests.Rebuild request) {
		Instance instance = this.servers.find(context, uuid);
		this.servers.checkLock(context, instance);
		InstanceAction.REBUILD.check(instance.getUuid(), instance.getVmState(), instance.getTaskState(),
				instance.getLaunchedAt());
		if (this.images.find(request.imageRef()).isEmpty()) {
			throw new BadRequestException("Cannot find image for rebuild");
		}
		ComputeRpcApi host = this.servers.hostOf(instance);
		this.states.beginRebuild(instance.getUuid(), request.imageRef(), request.name(), request.descriptionGiven(),
				request.description());
		this.servers.recordAction(context, instance, InstanceAction.REBUILD);
		// Nova's rebuild replaces the metadata and access addresses it is given
		this.servers.rebuildDetails(instance, request.metadata(), request.accessIpV4(), request.accessIpV6());
		ComputeRpcApi.RebuildInstance cast = new ComputeRpcApi.RebuildInstance(instance.getUuid(), request.imageRef(),
				instance.getImageRef());
		castOrEnd(instance, InstanceAction.REBUILD, () -> host.rebuildInstance(context, cast));
		return this.servers.find(context, uuid);
	}

	/**
	 * Nova's resize on one host: lock and state first; the flavor must be one the caller
	 * may use (400 "Flavor <id> could not be found."), another than the instance's (400
	 * "When resizing, instances must change flavor!"), and not a zero-disk one for an
	 * instance with a disk; the instance's host must be up.
	 */
	void resize(RequestContext context, String uuid, String flavorRef) {
		Instance instance = this.servers.find(context, uuid);
		this.servers.checkLock(context, instance);
		InstanceAction.RESIZE.check(instance.getUuid(), instance.getVmState(), instance.getTaskState(),
				instance.getLaunchedAt());
		FlavorRecord flavor = this.flavors.findVisible(flavorRef, context.projectId(), context.isAdmin())
			.orElseThrow(() -> new BadRequestException("Flavor " + flavorRef + " could not be found."));
		if (flavor.getRootGb() == 0 && instance.getRootGb() != 0) {
			throw new BadRequestException(
					"Server disk was unable to be resized because: Resize to zero disk flavor is not allowed.");
		}
		boolean sameFlavor = flavor.getFlavorid().equals(instance.getFlavorId());
		if (!sameFlavor && flavor.isDisabled()) {
			throw new BadRequestException("Flavor " + flavorRef + " could not be found.");
		}
		if (sameFlavor) {
			throw new BadRequestException("When resizing, instances must change flavor!");
		}
		if (!this.servers.isHostUp(instance)) {
			throw new ConflictException("Service is unavailable at this time.");
		}
		String extraSpecs = this.json.writeValueAsString(
				this.flavors.extraSpecs(flavor.getFlavorid(), context.projectId(), context.isAdmin()));
		ComputeRpcApi.ResizeInstance cast = new ComputeRpcApi.ResizeInstance(instance.getUuid(), flavor.getFlavorid(),
				flavor.getName(), flavor.getVcpus(), flavor.getMemoryMb(), flavor.getRootGb(), extraSpecs);
		ComputeRpcApi host = this.servers.hostOf(instance);
		this.states.begin(instance.getUuid(), InstanceAction.RESIZE);
		this.servers.recordAction(context, instance, InstanceAction.RESIZE);
		castOrEnd(instance, InstanceAction.RESIZE, () -> host.prepResize(context, cast));
	}

	private void cast(RequestContext context, String uuid, InstanceAction action, HostCast call) {
		Instance instance = this.servers.find(context, uuid);
		this.servers.checkLock(context, instance);
		ComputeRpcApi.InstanceRef ref = new ComputeRpcApi.InstanceRef(instance.getUuid());
		this.servers.begin(context, instance, action, () -> call.cast(this.servers.hostOf(instance), context, ref));
	}

	// an unreachable host ends the task just begun, and the caller hears of it
	private void castOrEnd(Instance instance, InstanceAction action, Runnable cast) {
		try {
			cast.run();
		}
		catch (ComputeHostUnreachableException ex) {
			this.states.finish(instance.getUuid(), action.task(), instance.getVmState(), instance.getPowerState());
			throw ex;
		}
	}

	@FunctionalInterface
	private interface HostCast {

		void cast(ComputeRpcApi host, RequestContext context, ComputeRpcApi.InstanceRef instance);

	}

}
