package dev.novaboot.compute.api;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import dev.novaboot.compute.ComputeProperties;
import dev.novaboot.compute.manager.AttachedPort;
import dev.novaboot.compute.manager.AvailabilityZones;
import dev.novaboot.compute.manager.ComputeHostDispatcher;
import dev.novaboot.compute.manager.ComputeHostUnreachableException;
import dev.novaboot.compute.manager.ComputeImages;
import dev.novaboot.compute.manager.ComputeManager;
import dev.novaboot.compute.manager.ComputeQuotas;
import dev.novaboot.compute.manager.ComputeServices;
import dev.novaboot.compute.manager.FlavorCatalog;
import dev.novaboot.compute.manager.InstanceAction;
import dev.novaboot.compute.manager.InstanceActionLog;
import dev.novaboot.compute.manager.InstanceInvalidStateException;
import dev.novaboot.compute.manager.InstanceDetails;
import dev.novaboot.compute.manager.InstanceNotFoundException;
import dev.novaboot.compute.manager.InstanceQueries;
import dev.novaboot.compute.manager.InstanceStates;
import dev.novaboot.compute.manager.InstanceTags;
import dev.novaboot.compute.manager.KeyPairs;
import dev.novaboot.compute.manager.MarkerNotFoundException;
import dev.novaboot.compute.manager.NetworkAllocator;
import dev.novaboot.compute.manager.NetworkInfo;
import dev.novaboot.compute.manager.NetworkRequestRefusedException;
import dev.novaboot.compute.manager.NoValidHostException;
import dev.novaboot.compute.manager.Placement;
import dev.novaboot.compute.manager.Scheduler;
import dev.novaboot.compute.manager.ServerGroups;
import dev.novaboot.compute.manager.VolumeAttachments;
import dev.novaboot.compute.manager.VolumeConnector;
import dev.novaboot.compute.manager.VolumeUnavailableException;
import dev.novaboot.compute.store.FlavorRecord;
import dev.novaboot.compute.store.Instance;
import dev.novaboot.service.group.ServiceGroup.ServiceState;
import dev.novaboot.compute.store.KeyPairRecord;
import dev.novaboot.compute.store.ServerGroupRecord;
import dev.novaboot.compute.store.TaskState;
import dev.novaboot.compute.store.VmState;
import dev.novaboot.compute.store.VolumeAttachmentRecord;
import dev.novaboot.service.api.BadRequestException;
import dev.novaboot.service.api.NotFoundException;
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

	private final KeyPairs keyPairs;

	private final ServerGroups groups;

	private final AvailabilityZones zones;

	private final InstanceActionLog actionLog;

	private final Duration reclaimInstanceInterval;

	private final InstanceDetails details;

	ServerOperations(InstanceQueries instances, InstanceStates states, FlavorCatalog flavors, ComputeImages images,
			Scheduler scheduler, ComputeHostDispatcher dispatcher, ComputeManager manager, VolumeAttachments volumes,
			ComputeServices services, NetworkAllocator network, VolumeConnector volumeService, JsonMapper json,
			InstanceTags tags, ComputeProperties properties, InstanceDetails details, ComputeQuotas quotas,
			KeyPairs keyPairs, ServerGroups groups, AvailabilityZones zones, InstanceActionLog actionLog) {
		this.actionLog = actionLog;
		this.reclaimInstanceInterval = properties.reclaimInstanceInterval();
		this.tags = tags;
		this.details = details;
		this.quotas = quotas;
		this.keyPairs = keyPairs;
		this.groups = groups;
		this.zones = zones;
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

	/** The servers one boot request made, and the reservation id they share. */
	record Created(List<Instance> instances, String reservationId) {
	}

	/**
	 * Boots {@code maxCount} servers (no quota limits them here), named with Nova's
	 * {@code multi_instance_display_name_template} ({@code name-1}, {@code name-2}, ...)
	 * when more than one, each recorded, scheduled and cast to its host.
	 */
	Created create(RequestContext context, ServerRequests.CreateServer request) {
		// a private flavor the project may not use, or a disabled one, is no flavor to it (Nova)
		FlavorRecord flavor = this.flavors.findVisible(request.flavorRef(), context.projectId(), context.isAdmin())
			.filter((found) -> !found.isDisabled())
			.orElseThrow(() -> new BadRequestException("Flavor " + request.flavorRef() + " could not be found."));
		if (this.images.find(request.imageRef()).isEmpty()) {
			throw new BadRequestException("Image " + request.imageRef() + " could not be found.");
		}
		// a key pair is the caller's own, by name (Nova's KeypairNotFound answer)
		KeyPairRecord key = (request.keyName() == null) ? null
				: this.keyPairs.find(context.userId(), request.keyName())
					.orElseThrow(() -> new BadRequestException("Invalid key_name provided."));
		if (request.blockDevices().stream().map(ComputeRpcApi.BlockDevice::volumeId).distinct().count() != request
			.blockDevices()
			.size()) {
			throw new BadRequestException("A volume can be attached only once to an instance.");
		}
		if (!request.blockDevices().isEmpty() && request.maxCount() > 1) {
			// one volume cannot be attached to several new servers
			throw new BadRequestException("Failed to launch instances: max_count cannot be greater than 1 "
					+ "when volumes are attached at boot.");
		}
		// asked once per request: each answer is a read of the service group (a statement)
		boolean networkUp = this.network.available();
		// refused now rather than an instance in error later, on its host
		if (!RequestedNetwork.isNone(request.networks()) && !networkUp) {
			throw new ConflictException("The network service is not available: no nova-network service is up. "
					+ "Boot with \"networks\": \"none\", or start nova-network.");
		}
		// a network the project cannot use, an address in use or an unknown group: a 400 now (Nova)
		List<String> securityGroups = checkNetworks(context, request, networkUp);
		if (!request.blockDevices().isEmpty() && !this.volumeService.available()) {
			throw volumeServiceNotAvailable();
		}
		for (ComputeRpcApi.BlockDevice device : request.blockDevices()) {
			try {
				this.volumeService.checkAvailable(context, device.volumeId());
			}
			catch (VolumeUnavailableException ex) {
				// Nova's create answers VolumeNotFound and InvalidVolume with a 400
				throw new BadRequestException(ex.getMessage());
			}
		}
		String extraSpecs = this.json.writeValueAsString(
				this.flavors.extraSpecs(flavor.getFlavorid(), context.projectId(), context.isAdmin()));
		Placement placement = placement(context, request);
		List<Instance> created = this.quotas.createInstances(context.projectId(), flavor.getVcpus(),
				flavor.getMemoryMb(), request.minCount(), request.maxCount(), (count) -> {
					List<Instance> made = new ArrayList<>();
					String reservationId = null;
					for (int index = 0; index < count; index++) {
						String name = (count > 1) ? request.name() + "-" + (index + 1) : request.name();
						Instance instance = this.states.create(name, context.projectId(), context.userId(),
								flavor.getFlavorid(), flavor.getVcpus(), flavor.getMemoryMb(), flavor.getRootGb(),
								request.imageRef(), request.description(), flavor.getName(), extraSpecs);
						this.details.recordNew(instance.getUuid(), request.metadata(), request.accessIpV4(),
								request.accessIpV6(), reservationId);
						if (reservationId == null) {
							reservationId = instance.getReservationId();
						}
						if (securityGroups != null) {
							this.details.recordSecurityGroups(instance.getUuid(), securityGroups);
						}
						if (key != null) {
							this.details.recordKey(instance.getUuid(), key.getName(), key.getPublicKey());
						}
						if (!request.tags().isEmpty()) {
							this.tags.tagNew(instance.getUuid(), request.tags());
						}
						if (placement.group() != null) {
							this.groups.addMember(placement.group(), instance.getUuid(), context.userId());
						}
						made.add(instance);
					}
					return made;
				});
		created.forEach((instance) -> {
			this.actionLog.start(context, instance.getUuid(), "create");
			build(context, instance, request, placement);
		});
		return new Created(created, created.get(0).getReservationId());
	}

	/**
	 * Nova's {@code validate_networks}, when a network service is up to ask.
	 * @return the names of the groups the boot named (it may name them by id), {@code null}
	 * when it named none
	 */
	private List<String> checkNetworks(RequestContext context, ServerRequests.CreateServer request,
			boolean networkUp) {
		List<String> requested = request.securityGroups().isEmpty() ? null : request.securityGroups();
		if (!networkUp) {
			return requested;
		}
		try {
			List<String> names = this.network.validate(context, request.networks(), requested);
			return (requested != null) ? names : null;
		}
		catch (NetworkRequestRefusedException ex) {
			throw ex.isConflict() ? new ConflictException(ex.getMessage()) : new BadRequestException(ex.getMessage());
		}
	}

	// the requested zone must be one of the compute hosts' (Nova's 400), the group one the caller may use
	private Placement placement(RequestContext context, ServerRequests.CreateServer request) {
		if (request.availabilityZone() != null && !this.zones.computeZones().contains(request.availabilityZone())) {
			throw new BadRequestException("The requested availability zone is not available");
		}
		if (request.group() != null) {
			// another project's group is no group to the caller (Nova's InstanceGroupNotFound, a 400 here)
			boolean usable;
			try {
				ServerGroupRecord group = this.groups.get(request.group());
				usable = context.isAdmin() || group.getProjectId().equals(context.projectId());
			}
			catch (ServerGroups.ServerGroupNotFoundException ex) {
				usable = false;
			}
			if (!usable) {
				throw new BadRequestException("Instance group " + request.group() + " could not be found.");
			}
		}
		return new Placement(request.availabilityZone(), request.group());
	}

	// schedules the new instance and casts its build; a failure puts it in error
	private void build(RequestContext context, Instance instance, ServerRequests.CreateServer request,
			Placement placement) {
		String host;
		try {
			host = this.scheduler.schedule(instance, placement);
		}
		catch (NoValidHostException ex) {
			this.states.fail(instance.getUuid(), ex.getMessage());
			return;
		}
		try {
			this.dispatcher.host(host)
				.runInstance(context, new ComputeRpcApi.RunInstance(instance.getUuid(), request.networks(),
						request.blockDevices()));
		}
		catch (ComputeHostUnreachableException ex) {
			this.states.fail(instance.getUuid(), ex.getMessage());
		}
	}

	/**
	 * A page of servers as a list request reads it: the database filters and sorts,
	 * the name and address expressions are matched here (Nova matches them in Python too).
	 */
	List<Instance> list(ServerListQuery.Listing listing) {
		if (listing.nothing()) {
			return List.of();
		}
		Predicate<Instance> matches = null;
		if (listing.name() != null || listing.ip() != null || listing.ip6() != null) {
			matches = (instance) -> (listing.name() == null || listing.name().matcher(instance.getName()).find())
					&& (listing.ip() == null || addressMatches(instance, 4, listing.ip()))
					&& (listing.ip6() == null || addressMatches(instance, 6, listing.ip6()));
		}
		try {
			return this.instances.list(listing.criteria(), listing.sort(), listing.marker(), matches, listing.limit());
		}
		catch (MarkerNotFoundException ex) {
			throw new BadRequestException("marker [" + ServerRequests.shown(listing.marker()) + "] not found");
		}
	}

	private boolean addressMatches(Instance instance, int version, Pattern pattern) {
		return networkInfo(instance).vifs()
			.stream()
			.flatMap((vif) -> vif.network().subnets().stream())
			.flatMap((subnet) -> subnet.ips().stream())
			// Nova matches the fixed IPs only (its ports' fixed_ips with Neutron)
			.filter((ip) -> "fixed".equals(ip.type()))
			.anyMatch((ip) -> ip.version() == version && pattern.matcher(ip.address()).find());
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
		return this.services.find(instance.getHost())
			.map((service) -> hostStatus(new ServiceState(service, this.services.isUp(service))))
			.orElse("");
	}

	/**
	 * The host status of each host of a page of servers, by host: its services read in one
	 * query, not one per server. A host without a service has none.
	 */
	Map<String, String> hostStatuses(List<Instance> page) {
		Set<String> hosts = page.stream().map(Instance::getHost).filter(Objects::nonNull).collect(Collectors.toSet());
		Map<String, String> statuses = new HashMap<>();
		this.services.states(hosts).forEach((host, state) -> statuses.put(host, hostStatus(state)));
		return statuses;
	}

	// Nova's host_status: forced down, disabled (maintenance), up, or not heard from
	private static String hostStatus(ServiceState state) {
		if (state.service().isForcedDown()) {
			return "DOWN";
		}
		if (state.service().isDisabled()) {
			return "MAINTENANCE";
		}
		return state.up() ? "UP" : "UNKNOWN";
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

	/** The volume attachments of a page of servers by instance uuid, in one query. */
	Map<String, List<VolumeAttachmentRecord>> attachments(List<Instance> page) {
		return this.volumes.list(page.stream().map(Instance::getUuid).toList());
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
		this.actionLog.start(context, uuid, action.verb());
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
		begin(context, instance, action, () -> host(instance).rebootInstance(context, new ComputeRpcApi.RebootInstance(uuid, type)));
	}

	void stop(RequestContext context, String uuid) {
		Instance instance = find(context, uuid);
		checkLock(context, instance);
		begin(context, instance, InstanceAction.STOP, () -> host(instance).stopInstance(context, new ComputeRpcApi.InstanceRef(uuid)));
	}

	/** Checked here, cast to the host, no task begun (as Nova). */
	void triggerCrashDump(RequestContext context, String uuid) {
		Instance instance = find(context, uuid);
		checkLock(context, instance);
		InstanceAction.TRIGGER_CRASH_DUMP.check(uuid, instance.getVmState(), instance.getTaskState());
		this.actionLog.start(context, uuid, InstanceAction.TRIGGER_CRASH_DUMP.verb());
		host(instance).triggerCrashDump(context, new ComputeRpcApi.InstanceRef(uuid));
	}

	void start(RequestContext context, String uuid) {
		Instance instance = find(context, uuid);
		checkLock(context, instance);
		begin(context, instance, InstanceAction.START, () -> host(instance).startInstance(context, new ComputeRpcApi.InstanceRef(uuid)));
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
		ComputeRpcApi.VolumeAttachment attachment = host(instance).attachVolume(context,
				new ComputeRpcApi.AttachVolume(uuid, volumeId, device));
		// a call, not a cast: recorded once the host did it, as a refused attach changed nothing
		this.actionLog.start(context, uuid, InstanceAction.ATTACH_VOLUME.verb());
		return attachment;
	}

	void detach(RequestContext context, String uuid, String volumeId) {
		Instance instance = find(context, uuid);
		checkLock(context, instance);
		InstanceAction.DETACH_VOLUME.check(uuid, instance.getVmState(), instance.getTaskState());
		host(instance).detachVolume(context, new ComputeRpcApi.DetachVolume(uuid, volumeId));
		this.actionLog.start(context, uuid, InstanceAction.DETACH_VOLUME.verb());
	}

	/**
	 * The ports bound to the server now, as the network service tells them (Nova's
	 * {@code os-interface} index lists the Neutron ports whose device is the server).
	 */
	List<AttachedPort> interfaces(RequestContext context, Instance instance) {
		if (!this.network.available()) {
			throw networkServiceNotAvailable();
		}
		return this.network.ports(context, instance.getUuid());
	}

	/**
	 * Nova's {@code attach_interface}: the lock and state checks, the action recorded, then
	 * a call to the server's host, which answers the port attached or Nova's reason why not.
	 * @return the id of the port attached
	 */
	String attachInterface(RequestContext context, String uuid, InterfaceAttachmentRequests.AttachInterface request) {
		Instance instance = find(context, uuid);
		checkLock(context, instance);
		InstanceAction.ATTACH_INTERFACE.check(uuid, instance.getVmState(), instance.getTaskState());
		if (!this.network.available()) {
			throw networkServiceNotAvailable();
		}
		this.actionLog.start(context, uuid, InstanceAction.ATTACH_INTERFACE.verb());
		ComputeRpcApi.InterfaceAttachment answer = host(instance).attachInterface(context,
				new ComputeRpcApi.AttachInterface(uuid, request.netId(), request.portId(), request.requestedIp(),
						request.tag()));
		if (!answer.isAttached()) {
			throw new InterfaceAttachRefusedException(answer.fault(), answer.message());
		}
		return answer.portId();
	}

	/**
	 * Nova's {@code detach_interface}: the lock and state checks, a port the server does not
	 * have is 404 ({@code Port <id> is not attached}, the words of Nova's compute manager),
	 * the action recorded, then a cast to the server's host.
	 */
	void detachInterface(RequestContext context, String uuid, String portId) {
		Instance instance = find(context, uuid);
		checkLock(context, instance);
		InstanceAction.DETACH_INTERFACE.check(uuid, instance.getVmState(), instance.getTaskState());
		if (networkInfo(instance).vif(portId).isEmpty()) {
			throw new NotFoundException("Port " + ServerRequests.shown(portId) + " is not attached");
		}
		ComputeRpcApi host = host(instance);
		this.actionLog.start(context, uuid, InstanceAction.DETACH_INTERFACE.verb());
		host.detachInterface(context, new ComputeRpcApi.DetachInterface(uuid, portId));
	}

	private static ConflictException networkServiceNotAvailable() {
		return new ConflictException("The network service is not available: no nova-network service is up.");
	}

	private static ConflictException volumeServiceNotAvailable() {
		return new ConflictException("The volume service is not available: no nova-volume service is up.");
	}

	/**
	 * Begins the action's task, records the action and casts it; an unreachable host ends
	 * the task at once.
	 */
	void begin(RequestContext context, Instance instance, InstanceAction action, Runnable cast) {
		if (instance.getHost() == null) {
			throw new ConflictException("Instance " + instance.getUuid() + " has no host: it was never built.");
		}
		this.states.begin(instance.getUuid(), action);
		this.actionLog.start(context, instance.getUuid(), action.verb());
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
		// Nova records a soft delete as its delete action
		this.actionLog.start(context, uuid, InstanceAction.DELETE.verb());
		try {
			this.dispatcher.host(instance.getHost()).softDeleteInstance(context, new ComputeRpcApi.InstanceRef(uuid));
		}
		catch (ComputeHostUnreachableException ex) {
			this.states.finish(uuid, TaskState.SOFT_DELETING, instance.getVmState(), instance.getPowerState());
			return false;
		}
		return true;
	}

	/** What a rebuild gave besides the image: metadata (replacing all) and access addresses; null keeps each. */
	void rebuildDetails(Instance instance, Map<String, String> metadata, String accessIpV4, String accessIpV6) {
		if (metadata != null || accessIpV4 != null || accessIpV6 != null) {
			this.details.rebuilt(instance.getUuid(), metadata, accessIpV4, accessIpV6);
		}
	}

	/** Records that the caller asked for {@code action} on the instance (checks passed). */
	void recordAction(RequestContext context, Instance instance, InstanceAction action) {
		this.actionLog.start(context, instance.getUuid(), action.verb());
	}

	ComputeRpcApi hostOf(Instance instance) {
		return host(instance);
	}

	/** The compute host of that name (a migration's source or destination). */
	ComputeRpcApi host(String host) {
		return this.dispatcher.host(host);
	}

	boolean isHostUp(Instance instance) {
		return instance.getHost() != null && hostIsUp(instance.getHost());
	}

	/** Whether the compute service of that host reports up. */
	boolean isHostUp(String host) {
		return hostIsUp(host);
	}

	/** Renames the server, records its access addresses or describes it ({@code PUT /servers/{id}}). */
	Instance update(RequestContext context, String uuid, ServerRequests.UpdateServer update) {
		find(context, uuid);
		return this.details.edit(uuid, update.name(), update.accessIpV4(), update.accessIpV6(), update.describe(),
				update.description());
	}

	Map<String, String> metadata(Instance instance) {
		return this.details.metadata(instance.getUuid());
	}

	Map<String, Map<String, String>> metadata(List<Instance> instances) {
		return this.details.metadata(instances.stream().map(Instance::getUuid).toList());
	}

	/** Sets the given metadata keys; with {@code replace}, removes every other key. */
	Map<String, String> updateMetadata(RequestContext context, String uuid, Map<String, String> items,
			boolean replace) {
		find(context, uuid);
		return this.details.updateMetadata(uuid, items, replace);
	}

	void deleteMetadataItem(RequestContext context, String uuid, String key) {
		find(context, uuid);
		this.details.deleteMetadataItem(uuid, key);
	}

}
