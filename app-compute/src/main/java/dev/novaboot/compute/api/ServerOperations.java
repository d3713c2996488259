package dev.novaboot.compute.api;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import dev.novaboot.compute.ComputeProperties;
import dev.novaboot.compute.manager.ComputeHostDispatcher;
import dev.novaboot.compute.manager.ComputeHostUnreachableException;
import dev.novaboot.compute.manager.ComputeImages;
import dev.novaboot.compute.manager.ComputeManager;
import dev.novaboot.compute.manager.ComputeQuotas;
import dev.novaboot.compute.manager.ComputeServices;
import dev.novaboot.compute.manager.FlavorCatalog;
import dev.novaboot.compute.manager.InstanceAction;
import dev.novaboot.compute.manager.InstanceInvalidStateException;
import dev.novaboot.compute.manager.InstanceNotFoundException;
import dev.novaboot.compute.manager.InstanceQueries;
import dev.novaboot.compute.manager.InstanceQueries.TagFilter;
import dev.novaboot.compute.manager.InstanceStates;
import dev.novaboot.compute.manager.InstanceTags;
import dev.novaboot.compute.manager.MarkerNotFoundException;
import dev.novaboot.compute.manager.NetworkAllocator;
import dev.novaboot.compute.manager.NetworkInfo;
import dev.novaboot.compute.manager.NoValidHostException;
import dev.novaboot.compute.manager.Scheduler;
import dev.novaboot.compute.manager.VolumeAttachments;
import dev.novaboot.compute.manager.VolumeConnector;
import dev.novaboot.compute.store.FlavorRecord;
import dev.novaboot.compute.store.Instance;
import dev.novaboot.compute.store.TaskState;
import dev.novaboot.compute.store.VmState;
import dev.novaboot.compute.store.VolumeAttachmentRecord;
import dev.novaboot.service.api.BadRequestException;
import dev.novaboot.service.api.Uuids;
import dev.novaboot.service.context.RequestContext;
import dev.novaboot.service.rpc.api.ComputeRpcApi;
import dev.novaboot.service.rpc.api.RequestedNetwork;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

/**
 * What the Compute API does for a request (Nova's {@code nova.compute.api.API}): checks
 * the caller may see the instance (another project's is "not found"), checks the action
 * against the state machine and begins its task, then casts the work to the instance's
 * host; a new instance is recorded, scheduled and cast to its host.
 */
@Component
class ServerOperations {

	private final InstanceQueries instances;

	private final InstanceStates states;

	private final FlavorCatalog flavors;

	private final ComputeImages images;

	private final Scheduler scheduler;

	private final ComputeHostDispatcher dispatcher;

	private final ComputeManager manager;

	private final VolumeAttachments volumes;

	private final ComputeServices services;

	private final NetworkAllocator network;

	private final VolumeConnector volumeService;

	private final JsonMapper json;

	private final InstanceTags tags;

	private final ComputeQuotas quotas;

	private final Duration reclaimInstanceInterval;

	ServerOperations(InstanceQueries instances, InstanceStates states, FlavorCatalog flavors, ComputeImages images,
			Scheduler scheduler, ComputeHostDispatcher dispatcher, ComputeManager manager, VolumeAttachments volumes,
			ComputeServices services, NetworkAllocator network, VolumeConnector volumeService, JsonMapper json,
			InstanceTags tags, ComputeQuotas quotas, ComputeProperties properties) {
		this.reclaimInstanceInterval = properties.reclaimInstanceInterval();
		this.tags = tags;
		this.quotas = quotas;
		this.instances = instances;
		this.states = states;
		this.flavors = flavors;
		this.images = images;
		this.scheduler = scheduler;
		this.dispatcher = dispatcher;
		this.manager = manager;
		this.volumes = volumes;
		this.services = services;
		this.network = network;
		this.volumeService = volumeService;
		this.json = json;
	}

	Instance create(RequestContext context, ServerRequests.CreateServer request) {
		// a private flavor the project may not use, or a disabled one, is no flavor to it (Nova)
		FlavorRecord flavor = this.flavors.findVisible(request.flavorRef(), context.projectId(), context.isAdmin())
			.filter((found) -> !found.isDisabled())
			.orElseThrow(() -> new BadRequestException("Flavor " + request.flavorRef() + " could not be found."));
		if (this.images.find(request.imageRef()).isEmpty()) {
			throw new BadRequestException("Image " + request.imageRef() + " could not be found.");
		}
		if (request.blockDevices().stream().map(ComputeRpcApi.BlockDevice::volumeId).distinct().count() != request
			.blockDevices()
			.size()) {
			throw new BadRequestException("A volume can be attached only once to an instance.");
		}
		// refused now rather than an instance in error later, on its host
		if (!RequestedNetwork.isNone(request.networks()) && !this.network.available()) {
			throw new ConflictException("The network service is not available: no nova-network service is up. "
					+ "Boot with \"networks\": \"none\", or start nova-network.");
		}
		if (!request.blockDevices().isEmpty() && !this.volumeService.available()) {
			throw volumeServiceNotAvailable();
		}
		String extraSpecs = this.json.writeValueAsString(
				this.flavors.extraSpecs(flavor.getFlavorid(), context.projectId(), context.isAdmin()));
		Instance instance = this.quotas.createInstances(context.projectId(), flavor.getVcpus(), flavor.getMemoryMb(), 1,
				1, (count) -> {
					Instance created = this.states.create(request.name(), context.projectId(), context.userId(),
							flavor.getFlavorid(), flavor.getVcpus(), flavor.getMemoryMb(), flavor.getRootGb(),
							request.imageRef(), request.description(), flavor.getName(), extraSpecs);
					if (!request.tags().isEmpty()) {
						this.tags.tagNew(created.getUuid(), request.tags());
					}
					return created;
				});
		String host;
		try {
			host = this.scheduler.schedule(instance);
		}
		catch (NoValidHostException ex) {
			this.states.fail(instance.getUuid(), ex.getMessage());
			return instance;
		}
		try {
			this.dispatcher.host(host)
				.runInstance(context, new ComputeRpcApi.RunInstance(instance.getUuid(), request.networks(),
						request.blockDevices()));
		}
		catch (ComputeHostUnreachableException ex) {
			this.states.fail(instance.getUuid(), ex.getMessage());
		}
		return instance;
	}

	/**
	 * A page of the caller's instances: after the one named by {@code marker} (Nova's
	 * paging), at most {@code limit} of them, those whose name matches {@code name} (a
	 * regular expression) and whose status is {@code status}.
	 */
	List<Instance> list(RequestContext context, String name, String status, Integer limit, String marker) {
		return list(context, name, status, TagFilter.NONE, limit, marker);
	}

	/** {@link #list(RequestContext, String, String, Integer, String)} among the servers {@code tags} admits. */
	List<Instance> list(RequestContext context, String name, String status, TagFilter tags, Integer limit,
			String marker) {
		Pattern namePattern = null;
		if (name != null) {
			try {
				namePattern = Pattern.compile(name);
			}
			catch (PatternSyntaxException ex) {
				throw new BadRequestException("Invalid name filter: " + ex.getDescription());
			}
		}
		try {
			return this.instances.page(context.projectId(), namePattern, ServerView.statusFilter(status), tags, limit,
					marker);
		}
		catch (MarkerNotFoundException ex) {
			throw new BadRequestException("marker [" + ServerRequests.shown(marker) + "] not found");
		}
	}

	/**
	 * The instance, if the caller's project owns it (admins see every project's). An id
	 * that is no uuid names no instance: not found, without a lookup.
	 */
	Instance find(RequestContext context, String uuid) {
		if (!Uuids.isUuid(uuid)) {
			throw new InstanceNotFoundException(ServerRequests.shown(uuid));
		}
		return this.instances.findLive(uuid)
			.filter((instance) -> context.isAdmin() || instance.getProjectId().equals(context.projectId()))
			.orElseThrow(() -> new InstanceNotFoundException(uuid));
	}

	/**
	 * Nova's {@code host_status} (2.16): {@code UP}, {@code DOWN} when the service is forced
	 * down, {@code MAINTENANCE} when it is disabled, {@code UNKNOWN} when its heartbeat is
	 * late, empty when the server has no host or its host no service.
	 */
	String hostStatus(Instance instance) {
		if (instance.getHost() == null) {
			return "";
		}
		return this.services.find(instance.getHost()).map((service) -> {
			if (service.isForcedDown()) {
				return "DOWN";
			}
			if (service.isDisabled()) {
				return "MAINTENANCE";
			}
			return this.services.isUp(service) ? "UP" : "UNKNOWN";
		}).orElse("");
	}

	/** The name of the flavor the server was booted with; for rows older than the column, the flavor's now. */
	String flavorName(Instance instance) {
		if (instance.getFlavorName() != null) {
			return instance.getFlavorName();
		}
		return this.flavors.find(instance.getFlavorId()).map(FlavorRecord::getName).orElse(instance.getFlavorId());
	}

	/** The flavor's extra specs the server was booted with (none for rows older than the column). */
	@SuppressWarnings("unchecked")
	Map<String, String> flavorExtraSpecs(Instance instance) {
		return (instance.getFlavorExtraSpecs() != null) ? this.json.readValue(instance.getFlavorExtraSpecs(), Map.class)
				: Map.of();
	}

	List<String> tags(Instance instance) {
		return this.tags.of(instance.getUuid());
	}

	Map<String, List<String>> tags(List<Instance> instances) {
		return this.tags.of(instances.stream().map(Instance::getUuid).toList());
	}

	NetworkInfo networkInfo(Instance instance) {
		return (instance.getNetworkInfo() != null) ? this.json.readValue(instance.getNetworkInfo(), NetworkInfo.class)
				: new NetworkInfo(List.of());
	}

	List<VolumeAttachmentRecord> attachments(Instance instance) {
		return this.volumes.list(instance.getUuid());
	}

	void delete(RequestContext context, String uuid) {
		Instance instance = find(context, uuid);
		checkLock(context, instance);
		// Nova's deferred delete: soft when the reclaim interval is set, and the instance may be
		// soft-deleted (launched, no task under way); otherwise deleted at once
		if (!this.reclaimInstanceInterval.isZero() && softDelete(context, instance)) {
			return;
		}
		terminate(context, instance, InstanceAction.DELETE);
	}

	/** Deletes the instance now, through its host when that is up (Nova's delete and force delete). */
	void terminate(RequestContext context, Instance instance, InstanceAction action) {
		String uuid = instance.getUuid();
		if (!this.states.begin(uuid, action)) {
			return;
		}
		ComputeRpcApi.InstanceRef ref = new ComputeRpcApi.InstanceRef(uuid);
		if (instance.getHost() == null || !hostIsUp(instance.getHost())) {
			// Nova's local delete: no compute service will ever act on this instance
			this.manager.deleteWithoutHost(context, uuid);
			return;
		}
		try {
			this.dispatcher.host(instance.getHost()).terminateInstance(context, ref);
		}
		catch (ComputeHostUnreachableException ex) {
			this.manager.deleteWithoutHost(context, uuid);
		}
	}

	void reboot(RequestContext context, String uuid, String type) {
		Instance instance = find(context, uuid);
		checkLock(context, instance);
		InstanceAction action = "HARD".equals(type) ? InstanceAction.REBOOT_HARD : InstanceAction.REBOOT_SOFT;
		begin(instance, action, () -> host(instance).rebootInstance(context, new ComputeRpcApi.RebootInstance(uuid, type)));
	}

	void stop(RequestContext context, String uuid) {
		Instance instance = find(context, uuid);
		checkLock(context, instance);
		begin(instance, InstanceAction.STOP, () -> host(instance).stopInstance(context, new ComputeRpcApi.InstanceRef(uuid)));
	}

	/** Checked here, cast to the host, no task begun (as Nova). */
	void triggerCrashDump(RequestContext context, String uuid) {
		Instance instance = find(context, uuid);
		checkLock(context, instance);
		InstanceAction.TRIGGER_CRASH_DUMP.check(uuid, instance.getVmState(), instance.getTaskState());
		host(instance).triggerCrashDump(context, new ComputeRpcApi.InstanceRef(uuid));
	}

	void start(RequestContext context, String uuid) {
		Instance instance = find(context, uuid);
		checkLock(context, instance);
		begin(instance, InstanceAction.START, () -> host(instance).startInstance(context, new ComputeRpcApi.InstanceRef(uuid)));
	}

	String consoleOutput(RequestContext context, String uuid, Integer length) {
		Instance instance = find(context, uuid);
		InstanceAction.GET_CONSOLE_OUTPUT.check(uuid, instance.getVmState(), instance.getTaskState());
		return host(instance).getConsoleOutput(context, new ComputeRpcApi.GetConsoleOutput(uuid, length)).output();
	}

	ComputeRpcApi.VolumeAttachment attach(RequestContext context, String uuid, String volumeId, String device) {
		Instance instance = find(context, uuid);
		checkLock(context, instance);
		InstanceAction.ATTACH_VOLUME.check(uuid, instance.getVmState(), instance.getTaskState());
		if (!this.volumeService.available()) {
			throw volumeServiceNotAvailable();
		}
		return host(instance).attachVolume(context, new ComputeRpcApi.AttachVolume(uuid, volumeId, device));
	}

	void detach(RequestContext context, String uuid, String volumeId) {
		Instance instance = find(context, uuid);
		checkLock(context, instance);
		InstanceAction.DETACH_VOLUME.check(uuid, instance.getVmState(), instance.getTaskState());
		host(instance).detachVolume(context, new ComputeRpcApi.DetachVolume(uuid, volumeId));
	}

	private static ConflictException volumeServiceNotAvailable() {
		return new ConflictException("The volume service is not available: no nova-volume service is up.");
	}

	/** Begins the action's task and casts it; an unreachable host ends the task at once. */
	void begin(Instance instance, InstanceAction action, Runnable cast) {
		if (instance.getHost() == null) {
			throw new ConflictException("Instance " + instance.getUuid() + " has no host: it was never built.");
		}
		this.states.begin(instance.getUuid(), action);
		try {
			cast.run();
		}
		catch (ComputeHostUnreachableException ex) {
			TaskState task = action.task();
			this.states.finish(instance.getUuid(), task, instance.getVmState(), instance.getPowerState());
			throw ex;
		}
	}

	private ComputeRpcApi host(Instance instance) {
		if (instance.getHost() == null) {
			throw new ConflictException("Instance " + instance.getUuid() + " has no host: it was never built.");
		}
		return this.dispatcher.host(instance.getHost());
	}

	private boolean hostIsUp(String host) {
		return this.services.isUp(host);
	}

	// the server actions (ServerActions) reach the instance's host and services through these

	/**
	 * Nova's {@code check_instance_lock}: a locked instance refuses every action of a
	 * caller who is not an admin, before its state is looked at.
	 */
	void checkLock(RequestContext context, Instance instance) {
		if (instance.isLocked() && !context.isAdmin()) {
			throw new ConflictException("Instance " + instance.getUuid() + " is locked");
		}
	}

	/**
	 * Soft-deletes the instance if it may be (launched, no task under way) and answers
	 * true; false leaves it for a delete now, as Nova's API falls back to one.
	 */
	boolean softDelete(RequestContext context, Instance instance) {
		String uuid = instance.getUuid();
		if (instance.getVmState() == VmState.SOFT_DELETED) {
			return false; // deleting a soft-deleted server deletes it for good
		}
		try {
			InstanceAction.SOFT_DELETE.check(uuid, instance.getVmState(), instance.getTaskState(),
					instance.getLaunchedAt());
		}
		catch (InstanceInvalidStateException ex) {
			return false;
		}
		if (instance.getHost() == null || !hostIsUp(instance.getHost())) {
			return false;
		}
		this.states.beginSoftDelete(uuid);
		try {
			this.dispatcher.host(instance.getHost()).softDeleteInstance(context, new ComputeRpcApi.InstanceRef(uuid));
		}
		catch (ComputeHostUnreachableException ex) {
			this.states.finish(uuid, TaskState.SOFT_DELETING, instance.getVmState(), instance.getPowerState());
			return false;
		}
		return true;
	}

	ComputeRpcApi hostOf(Instance instance) {
		return host(instance);
	}

	boolean isHostUp(Instance instance) {
		return instance.getHost() != null && hostIsUp(instance.getHost());
	}

}
