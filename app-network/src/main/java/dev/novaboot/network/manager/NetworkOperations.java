package dev.novaboot.network.manager;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.stream.Stream;

import dev.novaboot.network.NetworkProperties;
import dev.novaboot.network.manager.FloatingIpService.Change;
import dev.novaboot.network.manager.PortService.Binding;
import dev.novaboot.network.manager.PortService.RemovedPort;
import dev.novaboot.network.store.FixedIp;
import dev.novaboot.network.store.FixedIpRepository;
import dev.novaboot.network.store.FloatingIp;
import dev.novaboot.network.store.Network;
import dev.novaboot.network.store.NetworkRepository;
import dev.novaboot.network.store.Port;
import dev.novaboot.network.store.Subnet;
import dev.novaboot.network.store.SubnetRepository;
import dev.novaboot.service.context.RequestContext;
import dev.novaboot.service.record.DatabaseClock;
import dev.novaboot.service.rpc.api.FloatingAddress;
import dev.novaboot.service.rpc.api.InstanceNetworkInfo;
import dev.novaboot.service.rpc.api.NetworkCheck;
import dev.novaboot.service.rpc.api.NetworkRpcApi.AllocatePortForInstance;
import dev.novaboot.service.rpc.api.NetworkRpcApi.DeallocatePortForInstance;
import dev.novaboot.service.rpc.api.PortAllocation;
import dev.novaboot.service.rpc.api.RequestedNetwork;
import dev.novaboot.service.rpc.api.VirtualInterface;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What every manager strategy does the same way: ports and addresses for instances,
 * floating IPs, keeping the host in step, and releasing the addresses of vanished
 * instances. The strategies differ only in which networks an instance gets by default
 * and whether this host serves DHCP; they pass those in.
 */
@Component
public class NetworkOperations {

	private static final Log logger = LogFactory.getLog(NetworkOperations.class);

	/** Nova's device_owner for an instance's port. */
	static final String COMPUTE_OWNER_PREFIX = "compute:";

	private final NetworkRepository networks;

	private final SubnetRepository subnets;

	private final FixedIpRepository fixedIps;

	private final PortService ports;

	private final FloatingIpService floatingIps;

	private final HostNetworking host;

	private final InstanceDirectory instances;

	private final DatabaseClock clock;

	private final Duration releaseGracePeriod;

	private final BootNetworkChecks bootChecks;

	private final InstanceSecurityGroups instanceGroups;

	private final InstanceEvents instanceEvents;

	private final InstancePorts instancePorts;

	// the instance's network info is read in one transaction: a connection taken once, not
	// once for each of its five reads
	private final TransactionTemplate readOnly;

	public NetworkOperations(NetworkRepository networks, SubnetRepository subnets, FixedIpRepository fixedIps,
			PortService ports, FloatingIpService floatingIps, HostNetworking host, InstanceDirectory instances,
			DatabaseClock clock, NetworkProperties properties, BootNetworkChecks bootChecks,
			InstanceSecurityGroups instanceGroups, InstanceEvents instanceEvents, InstancePorts instancePorts,
			TransactionTemplate tx) {
		this.instancePorts = instancePorts;
		this.readOnly = new TransactionTemplate(Objects.requireNonNull(tx.getTransactionManager()));
		this.readOnly.setReadOnly(true);
		this.instanceEvents = instanceEvents;
		this.bootChecks = bootChecks;
		this.instanceGroups = instanceGroups;
		this.networks = networks;
		this.subnets = subnets;
		this.fixedIps = fixedIps;
		this.ports = ports;
		this.floatingIps = floatingIps;
		this.host = host;
		this.instances = instances;
		this.clock = clock;
		this.releaseGracePeriod = properties.release().gracePeriod();
	}

	public HostNetworking host() {
		return this.host;
	}

	/**
	 * Gives the instance its ports.
	 * @param requested the networks asked for; empty for the defaults, or the single
	 * request {@code "none"} (no ports) or {@code "auto"} (Nova 2.37: the one network the
	 * project may use, the auto-allocated one when it may use none)
	 * @param defaults the strategy's networks for an instance that asks for none
	 * @param autoAllocated the network the strategy makes for a project that has none, if
	 * it can make one
	 */
	public InstanceNetworkInfo allocateForInstance(RequestContext context, String instanceUuid, String projectId,
			String computeHost, List<RequestedNetwork> requested, Supplier<List<Network>> defaults,
			Supplier<Optional<Network>> autoAllocated, boolean dhcp) {
		return allocateForInstance(context, instanceUuid, projectId, computeHost, requested, null, defaults,
				autoAllocated, dhcp);
	}

	/**
	 * {@link #allocateForInstance(RequestContext, String, String, String, List, Supplier, Supplier, boolean)}
	 * with the ports in the security groups named ({@code null}: the project's default group).
	 */
	public InstanceNetworkInfo allocateForInstance(RequestContext context, String instanceUuid, String projectId,
			String computeHost, List<RequestedNetwork> requested, List<String> securityGroupNames,
			Supplier<List<Network>> defaults, Supplier<Optional<Network>> autoAllocated, boolean dhcp) {
		checkUuid(instanceUuid);
		List<RequestedNetwork> wanted;
		// networks asked for by id: the look for the instance's ports is made in the allocation's transaction
		boolean byId = requested != null && !requested.isEmpty() && !single(requested, RequestedNetwork::noAllocate)
				&& !single(requested, RequestedNetwork::autoAllocate);
		if (byId) {
			wanted = requested;
		}
		else {
			// an allocation asked for again returns the instance's ports before any network is looked for
			if (!this.ports.ofDevice(instanceUuid).isEmpty() || single(requested, RequestedNetwork::noAllocate)) {
				return info(instanceUuid);
			}
			wanted = single(requested, RequestedNetwork::autoAllocate)
					? List.of(new RequestedNetwork(autoNetwork(projectId, autoAllocated).getUuid(), null))
					: defaults.get().stream().map((network) -> new RequestedNetwork(network.getUuid(), null)).toList();
		}
		if (wanted.isEmpty()) {
			throw NetworkException.conflict("NetworkNotFound", "No network is available to project " + projectId + ".");
		}
		// the ports, their addresses and groups in one transaction: a failure leaves none of them
		InstancePorts.Allocation allocation = this.instancePorts.allocate(context, instanceUuid, projectId, computeHost,
				wanted, securityGroupNames, byId);
		if (allocation.existing()) {
			return info(instanceUuid);
		}
		return new InstanceNetworkInfo(instanceUuid, followOnHost(instanceUuid, allocation, dhcp));
	}

	/**
	 * The host follows an allocation once its rows are committed (never under the
	 * transaction's locks); when it cannot, the allocation's ports are deleted again.
	 * @return the network info of the new ports, from the rows just written (a new port has
	 * no floating IP yet)
	 */
	private List<VirtualInterface> followOnHost(String instanceUuid, InstancePorts.Allocation allocation,
			boolean dhcp) {
		try {
			Set<Long> setUp = new HashSet<>();
			for (InstancePorts.Created created : allocation.created()) {
				if (setUp.add(created.network().getId())) {
					this.host.setUp(created.network(), created.subnets(), dhcp);
				}
			}
			// the new ports' security groups are enforced before the instance starts
			this.host.applyPortFilters(allocation.created().stream().map((created) -> created.port().port().getUuid())
				.toList());
		}
		catch (RuntimeException ex) {
			// the instance gets all its networks or none
			undo(instanceUuid, allocation.created(), dhcp, ex);
			throw ex;
		}
		List<VirtualInterface> interfaces = new ArrayList<>();
		for (InstancePorts.Created created : allocation.created()) {
			Map<Long, Subnet> subnets = new HashMap<>();
			created.subnets().forEach((subnet) -> subnets.put(subnet.getId(), subnet));
			for (AddressAllocator.Allocation address : created.port().addresses()) {
				interfaces.add(virtualInterface(created.port().port(), created.network(),
						subnets.get(address.subnetId()), address.address(), List.of()));
			}
		}
		return interfaces;
	}

	// deletes the committed ports of an allocation the host could not follow, and takes them off the host
	private void undo(String instanceUuid, List<InstancePorts.Created> created, boolean dhcp, RuntimeException cause) {
		List<RemovedPort> removed = new ArrayList<>();
		for (InstancePorts.Created port : created) {
			try {
				this.ports.deleteOfDevice(instanceUuid, port.port().port().getUuid()).ifPresent(removed::add);
			}
			catch (RuntimeException ex) {
				cause.addSuppressed(ex);
			}
		}
		try {
			afterPortsRemoved(removed, dhcp);
		}
		catch (RuntimeException ex) {
			cause.addSuppressed(ex);
		}
	}

	private static boolean single(List<RequestedNetwork> requested, Predicate<RequestedNetwork> kind) {
		return requested != null && requested.size() == 1 && kind.test(requested.get(0));
	}

	/**
	 * Nova's {@code "auto"} (its neutron API's {@code _auto_allocate_network} path): the
	 * one network the project may use (its own networks that are up, and shared ones;
	 * never external ones); several are ambiguous; with none, the network the strategy
	 * makes for the project, if it can make one.
	 */
	private Network autoNetwork(String projectId, Supplier<Optional<Network>> autoAllocated) {
		List<Network> available = this.networks.findUsableBy(projectId)
			.stream()
			// a project's own network counts only while it is up; a shared one always
			.filter((network) -> network.isShared() || network.isAdminStateUp())
			.toList();
		if (available.size() > 1) {
			throw AutoAllocationException.ambiguous();
		}
		if (available.size() == 1) {
			return available.get(0);
		}
		return autoAllocated.get().orElseThrow(() -> AutoAllocationException.unavailable(projectId));
	}

	/** Nova's {@code validate_networks}: see {@link BootNetworkChecks}. */
	public NetworkCheck validateNetworks(RequestContext context, String projectId, List<RequestedNetwork> requested,
			List<String> securityGroupNames) {
		return this.bootChecks.check(context, projectId, requested, securityGroupNames);
	}

	/** Adds the group to the instance's ports and enforces it at once. */
	public NetworkCheck addSecurityGroup(RequestContext context, String instanceUuid, String projectId, String group) {
		InstanceSecurityGroups.Change change = this.instanceGroups.add(context, instanceUuid, projectId, group);
		this.host.applyPortFilters(change.changedPorts());
		return change.check();
	}

	/** Takes the group off the instance's ports and enforces that at once. */
	public NetworkCheck removeSecurityGroup(RequestContext context, String instanceUuid, String projectId,
			String group) {
		InstanceSecurityGroups.Change change = this.instanceGroups.remove(context, instanceUuid, projectId, group);
		this.host.applyPortFilters(change.changedPorts());
		return change.check();
	}

	public void deallocateForInstance(String instanceUuid, boolean dhcp) {
		deallocateForInstance(instanceUuid, List.of(), dhcp);
	}

	/**
	 * Nova's {@code deallocate_for_instance}: the ports the user gave are unbound and kept,
	 * every other port of the instance is deleted.
	 */
	public void deallocateForInstance(String instanceUuid, List<String> preservedPortIds, boolean dhcp) {
		for (String port : preservedPortIds) {
			unbind(instanceUuid, port, dhcp);
		}
		List<RemovedPort> removed = this.ports.deleteForDevice(instanceUuid);
		afterPortsRemoved(removed, dhcp);
	}

	/**
	 * One more port for an instance, as Nova's {@code allocate_for_instance} does for an
	 * interface attach ({@code nova/network/neutron.py}): the user's port bound to it, or a
	 * new port on the network asked for, or on the one network the project may use. Every
	 * refusal is an answer named as Nova's exception, and leaves nothing behind.
	 */
	public PortAllocation allocatePortForInstance(RequestContext context, AllocatePortForInstance request,
			boolean dhcp) {
		checkUuid(request.instanceUuid());
		if (request.portId() != null) {
			return bindUserPort(context, request, dhcp);
		}
		String networkId = request.networkId();
		if (networkId == null) {
			// _validate_requested_network_ids without a network: the project's own and the shared ones
			List<Network> available = this.networks.findUsableBy(request.projectId());
			if (available.isEmpty()) {
				return PortAllocation.refused("InterfaceAttachFailedNoNetwork",
						"No specific network was requested and none are available for project '"
								+ request.projectId() + "'.");
			}
			if (available.size() > 1) {
				return PortAllocation.refused("NetworkAmbiguous",
						"Multiple possible networks found, use a Network ID to be more specific.");
			}
			networkId = available.get(0).getUuid();
		}
		NetworkCheck check = this.bootChecks.check(context, request.projectId(),
				List.of(new RequestedNetwork(networkId, request.fixedIp())), null);
		if (!check.isAccepted()) {
			return PortAllocation.refused(check.fault(), check.message());
		}
		InstancePorts.Allocation allocation;
		try {
			// an attach adds a port to those the instance has: no look for them
			allocation = this.instancePorts.allocate(context, request.instanceUuid(), request.projectId(),
					request.host(), List.of(new RequestedNetwork(networkId, request.fixedIp())), request.securityGroups(),
					false);
		}
		catch (NetworkException ex) {
			return refusal(ex, networkId, request.fixedIp());
		}
		return PortAllocation.accepted(followOnHost(request.instanceUuid(), allocation, dhcp), false);
	}

	// Nova's _validate_requested_port_ids, then the binding its _update_port makes
	private PortAllocation bindUserPort(RequestContext context, AllocatePortForInstance request, boolean dhcp) {
		Port port;
		try {
			port = this.ports.find(context, request.portId());
		}
		catch (NetworkException ex) {
			return PortAllocation.refused("PortNotFound", "Port id " + request.portId() + " could not be found.");
		}
		if (!port.getProjectId().equals(request.projectId())) {
			return PortAllocation.refused("PortNotUsable",
					"Port " + request.portId() + " not usable for instance " + request.instanceUuid() + ".");
		}
		if (!port.getDeviceId().isEmpty()) {
			return PortAllocation.refused("PortInUse", "Port " + request.portId() + " is still in use.");
		}
		if (this.ports.addressesOf(port).isEmpty()) {
			return PortAllocation.refused("PortRequiresFixedIP",
					"Port " + request.portId() + " requires a FixedIP in order to be used.");
		}
		String networkId = this.networks.findById(port.getNetworkId()).map(Network::getUuid).orElseThrow();
		this.host.setUp(networkId, dhcp);
		Port bound = this.ports.bindToInstance(port, request.instanceUuid(), COMPUTE_OWNER_PREFIX + "nova",
				request.host());
		if (dhcp) {
			this.host.refreshDhcp(networkId);
		}
		this.host.applyPortFilters(List.of(bound.getUuid()));
		return PortAllocation.accepted(interfacesOf(bound), true);
	}

	// the Neutron errors of a port create, as Nova's _create_port_minimal names them
	private static PortAllocation refusal(NetworkException ex, String networkId, String fixedIp) {
		return switch (ex.type()) {
			case "IpAddressGenerationFailure" ->
				PortAllocation.refused("NoMoreFixedIps", "No fixed IP addresses available for network: " + networkId);
			case "IpAddressAlreadyAllocated", "IpAddressInUse" ->
				PortAllocation.refused("FixedIpAlreadyInUse", "Fixed IP " + fixedIp + " is already in use.");
			case "InvalidIpForNetwork", "InvalidIpForSubnet" -> PortAllocation.refused("InvalidInput",
					"Invalid input received: Fixed IP " + fixedIp + " is not a valid ip address for network "
							+ networkId + ".");
			case "NetworkNotFound" ->
				PortAllocation.refused("NetworkNotFound", "Network " + networkId + " could not be found.");
			case "SecurityGroupNotFound" -> PortAllocation.refused("SecurityGroupNotFound", ex.getMessage());
			case "OverQuota" -> PortAllocation.refused("PortLimitExceeded", "Maximum number of ports exceeded");
			default -> PortAllocation.refused((ex.kind() == NetworkException.Kind.INVALID) ? "InvalidInput" : ex.type(),
					ex.getMessage());
		};
	}

	/**
	 * Nova's {@code setup_instance_network_on_host}: the instance's ports bound to the host
	 * it moved to. The guest's tap is the compute host's to plug; DHCP and the gateway stay
	 * on the network host, so nothing else changes here.
	 */
	public void bindToHost(String instanceUuid, String host) {
		int moved = this.ports.moveToHost(instanceUuid, host);
		logger.info("Bound " + moved + " port(s) of instance " + instanceUuid + " to host " + host);
	}

	/**
	 * Nova's {@code deallocate_port_for_instance}: the user's port unbound and kept, a port
	 * made for the instance deleted; a port already gone is fine.
	 */
	public void deallocatePortForInstance(DeallocatePortForInstance request, boolean dhcp) {
		if (request.preserve()) {
			unbind(request.instanceUuid(), request.portId(), dhcp);
			return;
		}
		this.ports.deleteOfDevice(request.instanceUuid(), request.portId())
			.ifPresent((removed) -> afterPortsRemoved(List.of(removed), dhcp));
	}

	// an unbound port is no instance's: it loses its filter (only instance ports are filtered)
	private void unbind(String instanceUuid, String portId, boolean dhcp) {
		Optional<Port> port = this.ports.ofDevice(instanceUuid)
			.stream()
			.filter((candidate) -> candidate.getUuid().equals(portId))
			.findFirst();
		if (port.isPresent() && this.ports.unbindFromInstance(portId, instanceUuid)) {
			this.host.removePortFilter(portId);
			if (dhcp) {
				this.networks.findById(port.get().getNetworkId()).map(Network::getUuid).ifPresent(this.host::refreshDhcp);
			}
		}
	}

	public void afterPortsRemoved(List<RemovedPort> removed, boolean dhcp) {
		for (RemovedPort port : removed) {
			port.unbound().forEach((binding) -> this.host.rebind(binding, null));
			this.host.removePortFilter(port.portId());
		}
		if (dhcp) {
			removed.stream().map(RemovedPort::networkId).distinct().forEach(this.host::refreshDhcp);
		}
	}

	public InstanceNetworkInfo info(String instanceUuid) {
		return this.readOnly.execute((status) -> {
			List<VirtualInterface> interfaces = new ArrayList<>();
			for (Port port : this.ports.ofDevice(instanceUuid)) {
				interfaces.addAll(interfacesOf(port));
			}
			return new InstanceNetworkInfo(instanceUuid, interfaces);
		});
	}

	// one entry per address of the port
	private List<VirtualInterface> interfacesOf(Port port) {
		List<VirtualInterface> interfaces = new ArrayList<>();
		Network network = this.networks.findById(port.getNetworkId()).orElseThrow();
		List<FloatingIp> floating = this.floatingIps.ofPort(port);
		for (FixedIp fixed : this.ports.addressesOf(port)) {
			Subnet subnet = this.subnets.findById(fixed.getSubnetId()).orElseThrow();
			interfaces.add(virtualInterface(port, network, subnet, fixed.getAddress(), floating.stream()
				.filter((f) -> fixed.getAddress().equals(f.getFixedAddress()))
				.map(FloatingIp::getAddress)
				.toList()));
		}
		return interfaces;
	}

	private static VirtualInterface virtualInterface(Port port, Network network, Subnet subnet, String address,
			List<String> floatingAddresses) {
		return new VirtualInterface(port.getUuid(), port.getMacAddress(), network.getUuid(), network.getName(),
				network.getBridge(), network.getSegmentationId(), subnet.getCidr(), address, subnet.getGatewayIp(),
				subnet.getDnsNameservers(), subnet.isEnableDhcp(), floatingAddresses, subnet.getUuid());
	}

	public FloatingAddress allocateFloatingIp(RequestContext context, String projectId, String pool) {
		Change change = this.floatingIps.create(context, pool, projectId, null, null, null, null);
		return floatingAddress(change.floatingIp());
	}

	public FloatingAddress associateFloatingIp(RequestContext context, String floatingAddress, String fixedAddress) {
		Change change = this.floatingIps.associateAddress(context, floatingAddress, fixedAddress);
		floatingIpMoved(change.before(), change.after());
		return floatingAddress(change.floatingIp());
	}

	public FloatingAddress disassociateFloatingIp(RequestContext context, String floatingAddress) {
		Change change = this.floatingIps.disassociateAddress(context, floatingAddress);
		floatingIpMoved(change.before(), change.after());
		return floatingAddress(change.floatingIp());
	}

	public void releaseFloatingIp(RequestContext context, String floatingAddress) {
		floatingIpMoved(this.floatingIps.deleteByAddress(context, floatingAddress), null);
	}

	/**
	 * After a floating IP was associated, moved, disassociated or released (and the change
	 * committed): its NAT follows it, and the compute host of each instance it left or
	 * reached is told {@code network-changed}, as Neutron's Nova notifier tells Nova, even
	 * when the NAT could not be set (the database, which the instance's addresses come
	 * from, has the change either way).
	 */
	public void floatingIpMoved(Binding before, Binding after) {
		try {
			this.host.rebind(before, after);
		}
		finally {
			Stream.of(before, after)
				.filter(Objects::nonNull)
				.map(Binding::portId)
				.filter(Objects::nonNull)
				.distinct()
				.flatMap((portId) -> this.ports.byId(portId).stream())
				.filter(NetworkOperations::isBoundInstancePort)
				.forEach((port) -> this.instanceEvents.networkChanged(port.getHost(), port.getDeviceId(), port.getUuid()));
		}
	}

	// Nova's ports: owned by compute:<zone>, on an instance, bound to the instance's host
	private static boolean isBoundInstancePort(Port port) {
		return port.getDeviceOwner() != null && port.getDeviceOwner().startsWith("compute:")
				&& port.getDeviceId() != null && !port.getDeviceId().isBlank() && port.getHost() != null
				&& !port.getHost().isBlank();
	}

	public FloatingAddress floatingAddress(FloatingIp floating) {
		return new FloatingAddress(floating.getUuid(), floating.getAddress(), floating.getProjectId(),
				this.floatingIps.networkUuid(floating), floating.getFixedAddress(), this.floatingIps.portUuid(floating));
	}

	/**
	 * Releases the addresses of instances that no longer exist, once their allocation is
	 * older than {@code nova.network.release.grace-period} (so an instance being built is
	 * never mistaken for a vanished one).
	 * @return the instances whose addresses were released
	 */
	public List<String> releaseVanishedInstances(boolean dhcp) {
		Instant before = this.clock.now().minus(this.releaseGracePeriod);
		List<String> released = new ArrayList<>();
		for (String instance : this.fixedIps.findInstancesAllocatedBefore(before)) {
			boolean exists;
			try {
				exists = this.instances.exists(instance);
			}
			catch (RuntimeException ex) {
				logger.warn("Cannot tell whether instance " + instance + " exists; keeping its addresses: " + ex);
				continue;
			}
			if (!exists) {
				logger.info("Releasing the addresses of instance " + instance + ", which no longer exists");
				deallocateForInstance(instance, dhcp);
				released.add(instance);
			}
		}
		return released;
	}

	/** The system's own context, for work no user asked for (periodic tasks). */
	public static RequestContext systemContext() {
		return new RequestContext("req-" + UUID.randomUUID(), "nova-network", "admin", Set.of("admin"));
	}

	private static void checkUuid(String instanceUuid) {
		try {
			UUID.fromString(instanceUuid);
		}
		catch (RuntimeException ex) {
			throw NetworkException.invalidInput("'" + instanceUuid + "' is not an instance uuid.");
		}
	}

	static void checkVlanRange(String fixedRange, int networkSize, int numNetworks, int start) {
		if (Integer.bitCount(networkSize) != 1 || networkSize < 4) {
			throw new IllegalStateException("nova.network.vlan.network-size must be a power of two of at least 4, not "
					+ networkSize);
		}
		Ipv4Cidr range = Ipv4Cidr.parse(fixedRange);
		if ((long) networkSize * numNetworks > range.size()) {
			throw new IllegalStateException("nova.network.vlan.fixed-range " + fixedRange + " cannot hold "
					+ numNetworks + " networks of " + networkSize + " addresses");
		}
		if (start < 1 || start + numNetworks - 1 > 4094) {
			throw new IllegalStateException("nova.network.vlan.start and num-networks must keep VLAN ids within 1-4094");
		}
	}

}
