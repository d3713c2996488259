package dev.novaboot.network.manager;

import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import dev.novaboot.network.manager.AddressAllocator.Holder;
import dev.novaboot.network.store.FixedIp;
import dev.novaboot.network.store.FixedIpRepository;
import dev.novaboot.network.store.FloatingIp;
import dev.novaboot.network.store.FloatingIpRepository;
import dev.novaboot.network.store.ListFilters;
import dev.novaboot.network.store.ListOrder;
import dev.novaboot.network.store.Network;
import dev.novaboot.network.store.NetworkRepository;
import dev.novaboot.network.store.Port;
import dev.novaboot.network.store.PortRepository;
import dev.novaboot.network.store.Router;
import dev.novaboot.network.store.RouterRepository;
import dev.novaboot.network.store.Subnet;
import dev.novaboot.network.store.SubnetRepository;
import dev.novaboot.network.store.UniqueKeys;
import dev.novaboot.service.context.RequestContext;
import dev.novaboot.service.record.DatabaseClock;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Ports and their fixed IPs. A port and its addresses are created in one transaction, so
 * a full network leaves no port behind.
 */
@Service
public class PortService {

	private static final int MAC_ATTEMPTS = 10;

	// Neutron's max_fixed_ips_per_port default
	static final int MAX_FIXED_IPS_PER_PORT = 5;

	// the unique key on ports.mac_address (named in V2__index_names.sql)
	static final String PORTS_MAC_KEY = "uq_ports_mac_address";

	private final NetworkRepository networks;

	private final SubnetRepository subnets;

	private final PortRepository ports;

	private final FixedIpRepository fixedIps;

	private final FloatingIpRepository floatingIps;

	private final AddressAllocator allocator;

	private final MacAddresses macAddresses = new MacAddresses();

	// the time every row written is stamped with: the database's, which all hosts share
	private final DatabaseClock clock;

	// create retries a MAC address collision: each attempt is a transaction of its own,
	// which a single @Transactional method cannot give
	private final TransactionTemplate tx;

	private final SecurityGroupService securityGroups;

	private final RouterRepository routers;

	private final QuotaService quotas;

	private final Ipv6Subnets ipv6;

	public PortService(NetworkRepository networks, SubnetRepository subnets, PortRepository ports,
			FixedIpRepository fixedIps, FloatingIpRepository floatingIps, AddressAllocator allocator,
			DatabaseClock clock, TransactionTemplate tx, SecurityGroupService securityGroups,
			RouterRepository routers, QuotaService quotas, Ipv6Subnets ipv6) {
		this.ipv6 = ipv6;
		this.quotas = quotas;
		this.securityGroups = securityGroups;
		this.routers = routers;
		this.networks = networks;
		this.subnets = subnets;
		this.ports = ports;
		this.fixedIps = fixedIps;
		this.floatingIps = floatingIps;
		this.allocator = allocator;
		this.clock = clock;
		this.tx = tx;
	}

	public Port create(RequestContext context, PortSpec spec) {
		Access.checkWrite(context);
		if (spec.networkId() == null) {
			throw NetworkException.badRequest("Failed to parse request. Required attribute 'network_id' not specified");
		}
		String project = Access.owner(context, spec.projectId());
		if (spec.macAddress() != null && !MacAddresses.isValid(spec.macAddress())) {
			throw NetworkException.invalidInput("'" + spec.macAddress() + "' is not a valid MAC address.");
		}
		List<Long> groups = this.securityGroups.forPort(context, project, spec.securityGroups(), spec.deviceOwner());
		for (int attempt = 0; attempt < MAC_ATTEMPTS; attempt++) {
			String mac = (spec.macAddress() != null) ? spec.macAddress().toLowerCase() : this.macAddresses.next();
			try {
				return this.tx.execute((status) -> {
					Instant now = this.quotas.checkCreate(project, "port");
					Network network = usableNetwork(context, spec.networkId());
					if (this.ports.existsByMacAddress(mac)) {
						throw new MacAddressTaken();
					}
					Port port = insert(spec, project, mac, now, network,
							this.subnets.findByNetworkIdOrderById(network.getId()), new ArrayList<>());
					this.securityGroups.bindNew(port.getId(), groups);
					return port;
				});
			}
			catch (MacAddressTaken | DataIntegrityViolationException ex) {
				// only a MAC collision is worth another attempt; any other data error
				// (a value too long, a null) fails the same way every time
				if (ex instanceof DataIntegrityViolationException integrity
						&& !UniqueKeys.violated(integrity, PORTS_MAC_KEY)) {
					throw integrity;
				}
				if (spec.macAddress() != null) {
					throw NetworkException.conflict("MacAddressInUse", "Unable to complete operation for network "
							+ spec.networkId() + ". The mac address " + spec.macAddress() + " is in use.");
				}
				if (TransactionSynchronizationManager.isActualTransactionActive()) {
					// inside a bulk create, whose transaction this failure aborted: the batch retries
					throw new BulkCreation.Collision(macGenerationFailure(spec));
				}
				// a random MAC address collided: draw another
			}
		}
		throw macGenerationFailure(spec);
	}

	private static NetworkException macGenerationFailure(PortSpec spec) {
		return NetworkException.conflict("MacAddressGenerationFailure",
				"Unable to generate unique mac on network " + spec.networkId() + ".");
	}

	/**
	 * A new port of an instance, in the caller's transaction, on a network and its subnets
	 * that the caller read there ({@link #usableNetwork}): the quota check, the port, its
	 * addresses and its security groups ({@code groupIds}, already resolved), nothing read
	 * twice. The MAC address is drawn without a look for a port that has it: a collision
	 * (one in 2^24 per existing port) fails the port's insert on the unique key
	 * {@link #PORTS_MAC_KEY}, a {@link DataIntegrityViolationException} that aborts the
	 * caller's transaction, which the caller then runs again from the start.
	 * @return the port and the addresses it got, in the order of their rows (as a read of
	 * the port's addresses would give them)
	 */
	NewPort createInTransaction(RequestContext context, PortSpec spec, Network network, List<Subnet> subnets,
			List<Long> groupIds) {
		Access.checkWrite(context);
		String project = Access.owner(context, spec.projectId());
		Instant now = this.quotas.checkCreate(project, "port");
		List<AddressAllocator.Allocation> taken = new ArrayList<>();
		Port port = insert(spec, project, this.macAddresses.next(), now, network, subnets, taken);
		this.securityGroups.bindNew(port.getId(), groupIds);
		taken.sort(Comparator.comparingLong(AddressAllocator.Allocation::id));
		return new NewPort(port, List.copyOf(taken));
	}

	/**
	 * The network of a new port, as the caller may use it: a network of the caller's
	 * project or a shared one; an external network only for admins.
	 */
	Network usableNetwork(RequestContext context, String networkUuid) {
		return usable(context, networkUuid, this.networks.findByUuid(networkUuid));
	}

	/** {@link #usableNetwork} with its subnets, in one statement. */
	NetworkRepository.WithSubnets usableNetworkWithSubnets(RequestContext context, String networkUuid) {
		Optional<NetworkRepository.WithSubnets> read = this.networks.withSubnets(networkUuid);
		usable(context, networkUuid, read.map(NetworkRepository.WithSubnets::network));
		return read.orElseThrow();
	}

	private static Network usable(RequestContext context, String networkUuid, Optional<Network> found) {
		Network network = found
			.filter((candidate) -> candidate.isShared() || Access.canSee(context, candidate.getProjectId()))
			.orElseThrow(() -> NetworkException.notFound("Network", networkUuid));
		if (network.isExternal() && !context.isAdmin()) {
			throw NetworkException.forbidden("Only admins create ports on external network " + network.getUuid() + ".");
		}
		return network;
	}

	// the port and its addresses (each one taken also added to taken)
	private Port insert(PortSpec spec, String project, String mac, Instant now, Network network, List<Subnet> subnets,
			List<AddressAllocator.Allocation> taken) {
		Port port = new Port(now, network.getId(), project, mac,
				(spec.deviceId() != null) ? spec.deviceId() : "", (spec.deviceOwner() != null) ? spec.deviceOwner() : "");
		if (spec.name() != null) {
			port.setName(NetworkService.checkLength("name", spec.name()));
		}
		if (spec.description() != null) {
			port.setDescription(NetworkService.checkLength("description", spec.description()));
		}
		if (spec.adminStateUp() != null) {
			port.setAdminStateUp(spec.adminStateUp());
		}
		port.setHost(spec.host());
		port = this.ports.saveAndFlush(port);
		Holder holder = new Holder(port.getId(), instanceOf(port), network.getHost());
		if (spec.fixedIps() == null) {
			// as Neutron's _allocate_ips_for_port: one IPv4 address and one DHCPv6 address,
			// each from the first subnet of its kind with room
			List<Long> ipv4 = subnets.stream().filter((subnet) -> subnet.getIpVersion() == 4).map(Subnet::getId).toList();
			if (!ipv4.isEmpty()) {
				taken.add(this.allocator.allocate(network.getUuid(), ipv4, holder));
			}
			List<Subnet> stateful = subnets.stream()
				.filter((subnet) -> subnet.getIpVersion() == 6 && !subnet.isAutoAddress())
				.toList();
			if (!stateful.isEmpty()) {
				taken.add(allocateIpv6(network, stateful, holder));
			}
		}
		else {
			for (PortSpec.FixedIpRequest request : spec.fixedIps()) {
				allocate(network, subnets, request, holder, port, taken);
			}
		}
		// what the port holds is what was just taken: no read of its addresses
		addAutoAddresses(network, subnets, port, holder, taken,
				() -> taken.stream().map(AddressAllocator.Allocation::subnetId).toList());
		return port;
	}

	/**
	 * Gives the port its EUI-64 address on every SLAAC or DHCPv6-stateless subnet of the
	 * network it has none on yet (Neutron's {@code _get_auto_address_ips}); router
	 * interfaces get none.
	 */
	private void addAutoAddresses(Network network, List<Subnet> subnets, Port port, Holder holder,
			List<AddressAllocator.Allocation> taken, Supplier<List<Long>> heldSubnets) {
		if (port.getDeviceOwner().equals(RouterService.INTERFACE_OWNER)) {
			return;
		}
		if (subnets.stream().noneMatch(Subnet::isAutoAddress)) {
			// nothing to add: spare every allocation on an IPv4 network the read of the port's addresses
			return;
		}
		List<Long> held = heldSubnets.get();
		for (Subnet subnet : subnets) {
			if (subnet.isAutoAddress() && !held.contains(subnet.getId())) {
				Ipv6Cidr cidr = Ipv6Cidr.parse(subnet.getCidr());
				taken.add(this.allocator.allocateIpv6Address(network.getId(), network.getUuid(), subnet.getId(), cidr,
						Ipv6.eui64(cidr, port.getMacAddress()), holder));
			}
		}
	}

	private AddressAllocator.Allocation allocateIpv6(Network network, List<Subnet> subnets, Holder holder) {
		for (Subnet subnet : subnets) {
			Optional<AddressAllocator.Allocation> allocation = this.allocator.allocateIpv6(network.getId(),
					subnet.getId(), Ipv6Cidr.parse(subnet.getCidr()), this.ipv6.poolsOf(subnet), holder);
			if (allocation.isPresent()) {
				return allocation.get();
			}
		}
		throw new NoMoreAddressesException(network.getUuid());
	}

	/**
	 * An address asked for on an IPv6 subnet, checked as Neutron's
	 * {@code _get_subnet_for_fixed_ip} and {@code _test_fixed_ips_for_port} do: it must be
	 * in the subnet named (or some subnet of the network), and on a SLAAC or
	 * DHCPv6-stateless subnet it must be the port's EUI-64 address.
	 */
	private AddressAllocator.Allocation allocateIpv6Address(Network network, List<Subnet> subnets, Subnet named,
			String requested, Holder holder, Port port) {
		BigInteger address = Ipv6.parse(requested);
		Subnet subnet = (named != null) ? named : subnets.stream()
			.filter((candidate) -> candidate.getIpVersion() == 6
					&& Ipv6Cidr.parse(candidate.getCidr()).contains(address))
			.findFirst()
			.orElseThrow(() -> new NetworkException(NetworkException.Kind.INVALID, "InvalidIpForNetwork",
					"IP address " + requested + " is not a valid IP for any of the subnets on the specified network."));
		Ipv6Cidr cidr = (subnet.getIpVersion() == 6) ? Ipv6Cidr.parse(subnet.getCidr()) : null;
		if (cidr == null || !cidr.contains(address) || address.equals(cidr.network())
				|| Ipv6.format(address).equals(subnet.getGatewayIp())) {
			throw new NetworkException(NetworkException.Kind.INVALID, "InvalidIpForSubnet",
					"IP address " + requested + " is not a valid IP for the specified subnet.");
		}
		if (subnet.isAutoAddress() && !port.getDeviceOwner().equals(RouterService.INTERFACE_OWNER)
				&& !address.equals(Ipv6.eui64(cidr, port.getMacAddress()))) {
			throw new NetworkException(NetworkException.Kind.INVALID, "AllocationOnAutoAddressSubnet",
					"IPv6 address " + requested + " cannot be directly assigned to a port on subnet " + subnet.getUuid()
							+ " as the subnet is configured for automatic addresses");
		}
		return this.allocator.allocateIpv6Address(network.getId(), network.getUuid(), subnet.getId(), cidr, address,
				holder);
	}

	private void allocate(Network network, List<Subnet> subnets, PortSpec.FixedIpRequest request, Holder holder,
			Port port, List<AddressAllocator.Allocation> taken) {
		if (request == null || (request.subnetId() == null && request.ipAddress() == null)) {
			throw NetworkException.invalidInput("Each fixed_ips entry needs a 'subnet_id' or an 'ip_address'.");
		}
		Subnet subnet = null;
		if (request.subnetId() != null) {
			subnet = subnets.stream()
				.filter((candidate) -> candidate.getUuid().equals(request.subnetId()))
				.findFirst()
				.orElseThrow(() -> NetworkException.invalidInput("Subnet " + request.subnetId() + " is not a subnet of network "
						+ network.getUuid() + "."));
		}
		if (request.ipAddress() != null && Ipv6.isValid(request.ipAddress())) {
			taken.add(allocateIpv6Address(network, subnets, subnet, request.ipAddress(), holder, port));
		}
		else if (request.ipAddress() != null) {
			if (!Ipv4.isValid(request.ipAddress())) {
				throw NetworkException.invalidInput("'" + request.ipAddress() + "' is not a valid IP address.");
			}
			AddressAllocator.Allocation allocation = this.allocator.allocateAddress(network.getId(), network.getUuid(),
					request.ipAddress(), holder);
			if (subnet != null && allocation.subnetId() != subnet.getId()) {
				throw NetworkException.invalidInput("IP address " + request.ipAddress() + " is not in subnet "
						+ request.subnetId() + ".");
			}
			taken.add(allocation);
		}
		else if (subnet.getIpVersion() == 6 && !subnet.isAutoAddress()) {
			taken.add(allocateIpv6(network, List.of(subnet), holder));
		}
		else if (subnet.getIpVersion() == 4) {
			taken.add(this.allocator.allocate(network.getUuid(), List.of(subnet.getId()), holder));
		}
		// a SLAAC or DHCPv6-stateless subnet alone: the port's EUI-64 address, added with the others
	}

	private static String instanceOf(Port port) {
		return port.getDeviceOwner().startsWith("compute:") && !port.getDeviceId().isEmpty() ? port.getDeviceId() : null;
	}

	public Port find(RequestContext context, String uuid) {
		return this.ports.findByUuid(uuid)
			.filter((port) -> Access.canSee(context, port.getProjectId()))
			.orElseThrow(() -> NetworkException.notFound("Port", uuid));
	}

	/**
	 * A page of the ports the caller sees, in {@code order}: at most {@code size} after the
	 * row {@code afterId} (0 for the first page) whose attributes are one of the values
	 * asked for, all filtered in the database.
	 * @param filters the values asked for, by the entity's attribute name or a computed
	 * filter's name ({@link PortRepository#matching})
	 */
	public List<Port> list(RequestContext context, Map<String, List<String>> filters, ListOrder order, long afterId,
			int size) {
		Specification<Port> rows = Specification.allOf(ListFilters.ordered(Port.class, order, afterId, PortRepository.sortValues()),
				PortRepository.matching(filters));
		if (!context.isAdmin()) {
			rows = rows.and(PortRepository.visibleTo(context.projectId()));
		}
		return this.ports.findBy(rows, (query) -> query.limit(size).all());
	}

	public Optional<Port> byId(Long id) {
		return this.ports.findById(id);
	}

	public List<Port> ofDevice(String deviceId) {
		return this.ports.findByDeviceIdOrderById(deviceId);
	}

	public List<FixedIp> addressesOf(Port port) {
		return this.fixedIps.findByPortIdOrderById(port.getId());
	}

	/**
	 * What the views of {@code ports} show of other tables (their networks' and subnets'
	 * ids, their addresses and security groups), in five queries however many ports.
	 */
	@Transactional(readOnly = true)
	public PortLinks linksOf(List<Port> ports) {
		if (ports.isEmpty()) {
			return new PortLinks(Map.of(), Map.of(), Map.of());
		}
		List<Long> ids = ports.stream().map(Port::getId).toList();
		Map<Long, String> networkUuids = new HashMap<>();
		this.networks.findAllById(ports.stream().map(Port::getNetworkId).distinct().toList())
			.forEach((network) -> networkUuids.put(network.getId(), network.getUuid()));
		List<FixedIp> fixed = this.fixedIps.findByPortIdInOrderById(ids);
		Map<Long, String> subnetUuids = new HashMap<>();
		this.subnets.findAllById(fixed.stream().map(FixedIp::getSubnetId).distinct().toList())
			.forEach((subnet) -> subnetUuids.put(subnet.getId(), subnet.getUuid()));
		Map<Long, List<PortLinks.Address>> addresses = new HashMap<>();
		for (FixedIp ip : fixed) {
			addresses.computeIfAbsent(ip.getPortId(), (port) -> new ArrayList<>())
				.add(new PortLinks.Address(subnetUuids.getOrDefault(ip.getSubnetId(), ""), ip.getAddress()));
		}
		return new PortLinks(networkUuids, addresses, this.securityGroups.groupsOfPorts(ids));
	}

	@Transactional
	public Port update(RequestContext context, String uuid, PortSpec update) {
		Access.checkWrite(context);
		if (update.networkId() != null || update.macAddress() != null || update.projectId() != null) {
			throw NetworkException.badRequest("Only name, description, fixed_ips, security_groups, device_id, "
					+ "device_owner and admin_state_up of a port can be updated.");
		}
		Port port = find(context, uuid);
		if (update.fixedIps() != null) {
			changeFixedIps(context, port, update.fixedIps());
		}
		if (update.securityGroups() != null) {
			this.securityGroups.bind(port.getId(),
					this.securityGroups.forPort(context, port.getProjectId(), update.securityGroups(), port.getDeviceOwner()));
		}
		if (update.name() != null) {
			port.setName(NetworkService.checkLength("name", update.name()));
		}
		if (update.description() != null) {
			port.setDescription(NetworkService.checkLength("description", update.description()));
		}
		if (update.deviceId() != null) {
			port.setDeviceId(NetworkService.checkLength("device_id", update.deviceId()));
		}
		if (update.deviceOwner() != null) {
			port.setDeviceOwner(NetworkService.checkLength("device_owner", update.deviceOwner()));
		}
		if (update.adminStateUp() != null) {
			port.setAdminStateUp(update.adminStateUp());
		}
		port.touch(this.clock.now());
		return this.ports.saveAndFlush(port);
	}

	/**
	 * Makes the port's addresses the ones asked for, as Neutron's update of
	 * {@code fixed_ips}: the list is the whole new set; an address the port has is kept, a
	 * subnet without an address keeps the port's address on that subnet if it has one, and
	 * everything else is allocated (with the allocator's no-duplicates guarantee); the
	 * port's addresses no longer asked for go back to the pool. Only admins and the owner of
	 * the port's network may do it ({@code update_port:fixed_ips}).
	 */
	private void changeFixedIps(RequestContext context, Port port, List<PortSpec.FixedIpRequest> requested) {
		Network network = this.networks.findById(port.getNetworkId()).orElseThrow();
		if (!context.isAdmin() && !network.getProjectId().equals(context.projectId())) {
			throw NetworkException.forbidden("(rule:update_port and rule:update_port:fixed_ips) is disallowed by policy");
		}
		if (requested.size() > MAX_FIXED_IPS_PER_PORT) {
			throw NetworkException.invalidInput("Exceeded maximum amount of fixed ips per port.");
		}
		List<Subnet> subnets = this.subnets.findByNetworkIdOrderById(network.getId());
		Map<String, FixedIp> unclaimed = new LinkedHashMap<>();
		// a SLAAC or DHCPv6-stateless address stays while the port is on the subnet, as
		// Neutron's _is_ip_required_by_subnet has it
		List<Long> automatic = subnets.stream().filter(Subnet::isAutoAddress).map(Subnet::getId).toList();
		List<String> automaticAddresses = new ArrayList<>();
		for (FixedIp fixed : this.fixedIps.findByPortIdOrderById(port.getId())) {
			if (automatic.contains(fixed.getSubnetId())) {
				automaticAddresses.add(fixed.getAddress());
			}
			else {
				unclaimed.put(fixed.getAddress(), fixed);
			}
		}
		List<PortSpec.FixedIpRequest> added = new ArrayList<>();
		// addresses first, then subnets alone, as Neutron claims the port's addresses
		for (PortSpec.FixedIpRequest request : requested) {
			if (request == null || (request.subnetId() == null && request.ipAddress() == null)) {
				throw NetworkException.invalidInput("Each fixed_ips entry needs a 'subnet_id' or an 'ip_address'.");
			}
			if (request.ipAddress() != null) {
				String address = Ipv6.isValid(request.ipAddress()) ? Ipv6.canonical(request.ipAddress())
						: request.ipAddress();
				FixedIp kept = unclaimed.remove(address);
				if (kept == null && automaticAddresses.contains(address)) {
					continue;
				}
				if (kept == null) {
					added.add(request);
				}
				else if (request.subnetId() != null && !request.subnetId().equals(uuidOf(subnets, kept.getSubnetId()))) {
					throw NetworkException.invalidInput("IP address " + request.ipAddress() + " is not in subnet "
							+ request.subnetId() + ".");
				}
			}
		}
		for (PortSpec.FixedIpRequest request : requested) {
			if (request.ipAddress() == null) {
				Subnet subnet = subnets.stream()
					.filter((candidate) -> candidate.getUuid().equals(request.subnetId()))
					.findFirst()
					.orElseThrow(() -> NetworkException.invalidInput("Subnet " + request.subnetId()
							+ " is not a subnet of network " + network.getUuid() + "."));
				Optional<FixedIp> onSubnet = unclaimed.values()
					.stream()
					.filter((fixed) -> fixed.getSubnetId().equals(subnet.getId()))
					.findFirst();
				if (onSubnet.isPresent()) {
					unclaimed.remove(onSubnet.get().getAddress());
				}
				else if (!subnet.isAutoAddress()) {
					added.add(request);
				}
			}
		}
		for (FixedIp removed : unclaimed.values()) {
			// the floating IP's NAT points at this address: it must be disassociated first
			for (FloatingIp floating : this.floatingIps.findByPortId(port.getId())) {
				if (removed.getAddress().equals(floating.getFixedAddress())) {
					throw NetworkException.conflict("Conflict", "Unable to remove IP address " + removed.getAddress()
							+ " from port " + port.getUuid() + ": floating IP " + floating.getAddress()
							+ " is associated with it. Disassociate the floating IP first.");
				}
			}
			this.allocator.release(removed.getId());
		}
		Holder holder = new Holder(port.getId(), instanceOf(port), network.getHost());
		List<AddressAllocator.Allocation> taken = new ArrayList<>();
		for (PortSpec.FixedIpRequest request : added) {
			allocate(network, subnets, request, holder, port, taken);
		}
		addAutoAddresses(network, subnets, port, holder, taken, () -> this.fixedIps.findByPortIdOrderById(port.getId())
			.stream()
			.map(FixedIp::getSubnetId)
			.toList());
	}

	private static String uuidOf(List<Subnet> subnets, Long subnetId) {
		return subnets.stream().filter((subnet) -> subnet.getId().equals(subnetId)).map(Subnet::getUuid).findFirst()
			.orElse(null);
	}

	/**
	 * Deletes a port: its addresses go back to the pool and its floating IPs are
	 * disassociated (they stay with the project).
	 * @return what the host must undo: the port's network and its former NAT bindings
	 */
	@Transactional
	public RemovedPort delete(RequestContext context, String uuid) {
		Access.checkWrite(context);
		Port port = find(context, uuid);
		// a router's ports go with remove_router_interface and the gateway (l3_db's prevent_l3_port_deletion)
		if (port.getDeviceOwner().equals(RouterService.INTERFACE_OWNER)
				|| port.getDeviceOwner().equals(RouterService.GATEWAY_OWNER)) {
			throw NetworkException.conflict("ServicePortInUse", "Port " + uuid
					+ " cannot be deleted directly via the port API: has device owner " + port.getDeviceOwner() + ".");
		}
		return remove(port, this.clock.now());
	}

	/** Deletes the instance's ports, in the caller's transaction. */
	@Transactional
	public List<RemovedPort> deleteForDevice(String deviceId) {
		List<RemovedPort> removed = new ArrayList<>();
		Instant now = this.clock.now();
		for (Port port : this.ports.findByDeviceIdOrderById(deviceId)) {
			removed.add(remove(port, now));
		}
		return removed;
	}

	private RemovedPort remove(Port port, Instant now) {
		List<Binding> unbound = new ArrayList<>();
		for (FloatingIp floating : this.floatingIps.findByPortId(port.getId())) {
			unbound.add(Binding.of(floating, this.routers));
			floating.disassociate(now);
			this.floatingIps.save(floating);
		}
		this.floatingIps.flush();
		this.allocator.releasePort(port.getId());
		this.securityGroups.bind(port.getId(), List.of());
		this.ports.delete(port);
		this.ports.flush();
		String network = this.networks.findById(port.getNetworkId()).map(Network::getUuid).orElseThrow();
		return new RemovedPort(port.getUuid(), network, unbound);
	}

	/**
	 * Binds a user's unbound port to an instance (what Nova's attach with {@code port_id}
	 * sets: {@code device_id}, {@code device_owner} and {@code binding:host_id}); its
	 * addresses follow the instance.
	 */
	@Transactional
	public Port bindToInstance(Port port, String instanceUuid, String deviceOwner, String host) {
		Instant now = this.clock.now();
		Port bound = this.ports.findById(port.getId()).orElseThrow(() -> NetworkException.notFound("Port", port.getUuid()));
		bound.setDeviceId(instanceUuid);
		bound.setDeviceOwner(deviceOwner);
		bound.setHost(host);
		bound.touch(now);
		bound = this.ports.saveAndFlush(bound);
		this.fixedIps.rebindPort(bound.getId(), instanceUuid, host, now);
		return bound;
	}

	/**
	 * Binds the instance's ports and their fixed IPs to the host the instance moved to
	 * (their {@code binding:host_id}); an instance with no ports is fine.
	 * @return how many ports moved
	 */
	@Transactional
	public int moveToHost(String instanceUuid, String host) {
		Instant now = this.clock.now();
		List<Port> bound = this.ports.findByDeviceIdOrderById(instanceUuid);
		for (Port port : bound) {
			port.setHost(host);
			port.touch(now);
			this.fixedIps.rebindPort(port.getId(), instanceUuid, host, now);
		}
		return bound.size();
	}

	/**
	 * Unbinds the instance's port and keeps it (Nova's {@code _unbind_ports} for a port the
	 * user gave): no device, owner or host; a port gone or no longer the instance's is left
	 * alone.
	 * @return whether a port was unbound
	 */
	@Transactional
	public boolean unbindFromInstance(String portUuid, String instanceUuid) {
		Optional<Port> found = this.ports.findByUuid(portUuid).filter((port) -> port.getDeviceId().equals(instanceUuid));
		if (found.isEmpty()) {
			return false;
		}
		Instant now = this.clock.now();
		Port port = found.get();
		port.setDeviceId("");
		port.setDeviceOwner("");
		port.setHost(null);
		port.touch(now);
		this.ports.saveAndFlush(port);
		this.fixedIps.rebindPort(port.getId(), null, null, now);
		return true;
	}

	/**
	 * Deletes one port of the instance (Nova's {@code _delete_ports} for a port it made); a
	 * port gone or no longer the instance's is left alone.
	 */
	@Transactional
	public Optional<RemovedPort> deleteOfDevice(String deviceId, String portUuid) {
		return this.ports.findByUuid(portUuid)
			.filter((port) -> port.getDeviceId().equals(deviceId))
			.map((port) -> remove(port, this.clock.now()));
	}

	/** The MAC address drawn for a new port is already some port's: seen before the insert. */
	private static final class MacAddressTaken extends RuntimeException {

		MacAddressTaken() {
			super(null, null, false, false);
		}

	}

	/** A new port and the addresses it took, in the order of their rows. */
	record NewPort(Port port, List<AddressAllocator.Allocation> addresses) {
	}

	/** A deleted port: its network (whose DHCP hosts change) and the NAT bindings to undo. */
	public record RemovedPort(String portId, String networkId, List<Binding> unbound) {
	}

	/**
	 * A floating IP's NAT binding: on a network host's own NAT chains, or by a router
	 * ({@code routerId} set, {@code host} null) whose namespace is set up again; with the
	 * port whose instance learns of the change.
	 */
	public record Binding(String floatingAddress, String fixedAddress, String host, String routerId, Long portId) {

		public Binding(String floatingAddress, String fixedAddress, String host) {
			this(floatingAddress, fixedAddress, host, null, null);
		}

		/** The binding of an associated floating IP. */
		static Binding of(FloatingIp floating, RouterRepository routers) {
			String router = (floating.getRouterId() != null)
					? routers.findById(floating.getRouterId()).map(Router::getUuid).orElse(null)
					: null;
			return new Binding(floating.getAddress(), floating.getFixedAddress(), floating.getHost(), router,
					floating.getPortId());
		}

	}

}
