package dev.novaboot.network.manager;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import dev.novaboot.network.manager.AddressAllocator.Holder;
import dev.novaboot.network.manager.PortService.Binding;
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
import dev.novaboot.service.context.RequestContext;
import dev.novaboot.service.record.DatabaseClock;

import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Floating IPs: addresses of an external network ({@code router:external}) held by a
 * project and associated with one of its ports' fixed IPs. The address itself is a row of
 * the external network taken by the same {@link AddressAllocator} as fixed IPs, so
 * floating IPs are never handed out twice either.
 */
@Service
public class FloatingIpService {

	private final NetworkRepository networks;

	private final SubnetRepository subnets;

	private final PortRepository ports;

	private final FixedIpRepository fixedIps;

	private final FloatingIpRepository floatingIps;

	private final AddressAllocator allocator;

	// the time every row written is stamped with: the database's, which all hosts share
	private final DatabaseClock clock;

	private final RouterService routers;

	private final RouterRepository routerRows;

	private final QuotaService quotas;

	public FloatingIpService(NetworkRepository networks, SubnetRepository subnets, PortRepository ports,
			FixedIpRepository fixedIps, FloatingIpRepository floatingIps, AddressAllocator allocator,
			DatabaseClock clock, RouterService routers, RouterRepository routerRows, QuotaService quotas) {
		this.quotas = quotas;
		this.routers = routers;
		this.routerRows = routerRows;
		this.networks = networks;
		this.subnets = subnets;
		this.ports = ports;
		this.fixedIps = fixedIps;
		this.floatingIps = floatingIps;
		this.allocator = allocator;
		this.clock = clock;
	}

	/**
	 * Allocates a floating IP to a project, associated at once when {@code portId} is given.
	 * @param networkRef the external network's uuid or name; {@code null} for the only one
	 */
	@Transactional
	public Change create(RequestContext context, String networkRef, String projectId, String address, String portId,
			String fixedAddress, String description) {
		Access.checkWrite(context);
		String project = Access.owner(context, projectId);
		if (address != null && !context.isAdmin()) {
			throw NetworkException.forbidden("(rule:create_floatingip:floating_ip_address) is disallowed by policy");
		}
		this.quotas.checkCreate(project, "floatingip");
		Network network = externalNetwork(networkRef);
		List<Long> subnetIds = this.subnets.findByNetworkIdOrderById(network.getId()).stream().map(Subnet::getId).toList();
		Holder holder = new Holder(null, null, null);
		AddressAllocator.Allocation allocation;
		if (address != null) {
			if (!Ipv4.isValid(address)) {
				throw NetworkException.invalidInput("'" + address + "' is not a valid IP address.");
			}
			allocation = this.allocator.allocateAddress(network.getId(), network.getUuid(), address, holder);
		}
		else {
			allocation = this.allocator.allocate(network.getUuid(), subnetIds, holder);
		}
		Instant now = this.clock.now();
		FloatingIp floating = new FloatingIp(now, project, network.getId(), allocation.id(), allocation.address());
		if (description != null) {
			floating.setDescription(NetworkService.checkLength("description", description));
		}
		floating = this.floatingIps.saveAndFlush(floating);
		if (portId != null) {
			return associate(context, floating, portId, fixedAddress, now, true);
		}
		return new Change(floating, null, null);
	}

	private Network externalNetwork(String ref) {
		List<Network> external = this.networks.findByExternalTrueOrderById();
		if (ref == null) {
			if (external.size() != 1) {
				throw NetworkException.badRequest("Failed to parse request. Required attribute 'floating_network_id' not "
						+ "specified (" + external.size() + " external networks).");
			}
			return external.get(0);
		}
		Network network = this.networks.findByUuid(ref)
			.or(() -> external.stream().filter((candidate) -> candidate.getName().equals(ref)).findFirst())
			.orElseThrow(() -> NetworkException.notFound("Network", ref));
		if (!network.isExternal()) {
			throw badFloatingIpRequest("Network " + ref + " is not a valid external network.");
		}
		return network;
	}

	public FloatingIp find(RequestContext context, String uuid) {
		return this.floatingIps.findByUuid(uuid)
			.filter((floating) -> Access.canSee(context, floating.getProjectId()))
			.orElseThrow(() -> NetworkException.notFound("Floating IP", uuid));
	}

	public FloatingIp findByAddress(RequestContext context, String address) {
		return this.floatingIps.findByAddress(address)
			.filter((floating) -> Access.canSee(context, floating.getProjectId()))
			.orElseThrow(() -> NetworkException.notFound("Floating IP", address));
	}

	/**
	 * A page of the floating IPs the caller sees, in {@code order}: at most {@code size} after the
	 * row {@code afterId} (0 for the first page) whose attributes are one of the values
	 * asked for, all filtered in the database.
	 * @param filters the values asked for, by the entity's attribute name or a computed
	 * filter's name ({@link FloatingIpRepository#matching})
	 */
	public List<FloatingIp> list(RequestContext context, Map<String, List<String>> filters, ListOrder order, long afterId,
			int size) {
		Specification<FloatingIp> rows = Specification.allOf(ListFilters.ordered(FloatingIp.class, order, afterId, FloatingIpRepository.sortValues()),
				FloatingIpRepository.matching(filters));
		if (!context.isAdmin()) {
			rows = rows.and(FloatingIpRepository.visibleTo(context.projectId()));
		}
		return this.floatingIps.findBy(rows, (query) -> query.limit(size).all());
	}

	/**
	 * Associates with a port ({@code portId} given) or disassociates ({@code null}).
	 */
	@Transactional
	public Change update(RequestContext context, String uuid, boolean portGiven, String portId, String fixedAddress,
			String description) {
		Access.checkWrite(context);
		FloatingIp floating = find(context, uuid);
		Instant now = this.clock.now();
		if (description != null) {
			floating.setDescription(NetworkService.checkLength("description", description));
			floating.touch(now);
		}
		if (!portGiven) {
			return new Change(this.floatingIps.saveAndFlush(floating), null, null);
		}
		if (portId == null) {
			return disassociate(floating, now);
		}
		return associate(context, floating, portId, fixedAddress, now, true);
	}

	/** Associates by addresses (the RPC form): the fixed IP's port is looked up. */
	@Transactional
	public Change associateAddress(RequestContext context, String floatingAddress, String fixedAddress) {
		Access.checkWrite(context);
		FloatingIp floating = findByAddress(context, floatingAddress);
		FixedIp fixed = this.fixedIps.findByAddress(fixedAddress)
			.stream()
			.filter((candidate) -> candidate.isAllocated() && candidate.getPortId() != null)
			.filter((candidate) -> this.ports.findById(candidate.getPortId())
				.map((port) -> Access.canSee(context, port.getProjectId()))
				.orElse(false))
			.findFirst()
			.orElseThrow(() -> NetworkException.notFound("Fixed IP", fixedAddress));
		Port port = this.ports.findById(fixed.getPortId()).orElseThrow();
		return associate(context, floating, port.getUuid(), fixedAddress, this.clock.now(), false);
	}

	@Transactional
	public Change disassociateAddress(RequestContext context, String floatingAddress) {
		Access.checkWrite(context);
		return disassociate(findByAddress(context, floatingAddress), this.clock.now());
	}

	/**
	 * @param throughRouter the API's association, as Neutron: the router joining the port's
	 * subnet to the floating IP's network NATs it, and without one it is refused; over RPC
	 * (nova-network's associate) such a router is used when there is one, else the network
	 * host's own NAT chains
	 */
	private Change associate(RequestContext context, FloatingIp floating, String portId, String fixedAddress,
			Instant now, boolean throughRouter) {
		Port port = this.ports.findByUuid(portId)
			.filter((candidate) -> Access.canSee(context, candidate.getProjectId()))
			.orElseThrow(() -> NetworkException.notFound("Port", portId));
		if (!port.getProjectId().equals(floating.getProjectId())) {
			throw badFloatingIpRequest("port " + portId
					+ " belongs to another project than floating IP " + floating.getUuid() + ".");
		}
		List<FixedIp> addresses = this.fixedIps.findByPortIdOrderById(port.getId());
		// floating IPs are IPv4: a port's IPv6 addresses are never NATed to one
		FixedIp fixed = addresses.stream()
			.filter((candidate) -> Ipv4.isValid(candidate.getAddress()))
			.filter((candidate) -> fixedAddress == null || candidate.getAddress().equals(fixedAddress))
			.findFirst()
			.orElseThrow(() -> badFloatingIpRequest(""
					+ ((fixedAddress == null) ? "port " + portId + " has no fixed IP."
							: "port " + portId + " does not have fixed IP " + fixedAddress + ".")));
		Network network = this.networks.findById(port.getNetworkId()).orElseThrow();
		if (network.isExternal()) {
			throw badFloatingIpRequest("port " + portId + " is on an external network.");
		}
		for (FloatingIp other : this.floatingIps.findByPortId(port.getId())) {
			if (!other.getId().equals(floating.getId()) && fixed.getAddress().equals(other.getFixedAddress())) {
				throw NetworkException.conflict("FloatingIPPortAlreadyAssociated", "Cannot associate floating IP "
						+ floating.getAddress() + " with port " + portId + " using fixed IP " + fixed.getAddress()
						+ ", as that fixed IP already has a floating IP (" + other.getAddress() + ").");
			}
		}
		Router router;
		if (throughRouter) {
			router = this.routers.routerForFloatingIp(port, fixed, floating.getNetworkId());
		}
		else {
			try {
				router = this.routers.routerForFloatingIp(port, fixed, floating.getNetworkId());
			}
			catch (NetworkException ex) {
				router = null;
			}
		}
		Binding before = binding(floating);
		if (router != null) {
			floating.associate(port.getId(), fixed.getAddress(), null, router.getId(), now);
		}
		else {
			floating.associate(port.getId(), fixed.getAddress(), network.getHost(), now);
		}
		floating = this.floatingIps.saveAndFlush(floating);
		return new Change(floating, before, binding(floating));
	}

	private Change disassociate(FloatingIp floating, Instant now) {
		Binding before = binding(floating);
		floating.disassociate(now);
		return new Change(this.floatingIps.saveAndFlush(floating), before, null);
	}

	/** Gives the address back to the external network. */
	@Transactional
	public Binding delete(RequestContext context, String uuid) {
		Access.checkWrite(context);
		return remove(find(context, uuid));
	}

	@Transactional
	public Binding deleteByAddress(RequestContext context, String address) {
		Access.checkWrite(context);
		return remove(findByAddress(context, address));
	}

	private Binding remove(FloatingIp floating) {
		Binding before = binding(floating);
		this.floatingIps.delete(floating);
		this.floatingIps.flush();
		this.allocator.release(floating.getAddressId());
		return before;
	}

	public String portUuid(FloatingIp floating) {
		return (floating.getPortId() != null) ? this.ports.findById(floating.getPortId()).map(Port::getUuid).orElse(null)
				: null;
	}

	public String networkUuid(FloatingIp floating) {
		return this.networks.findById(floating.getNetworkId()).map(Network::getUuid).orElseThrow();
	}

	public List<FloatingIp> ofPort(Port port) {
		return this.floatingIps.findByPortId(port.getId());
	}

	/** Neutron's {@code BadRequest} for floating IPs: "Bad floatingip request: ...". */
	private static NetworkException badFloatingIpRequest(String reason) {
		return new NetworkException(NetworkException.Kind.INVALID, "BadRequest",
				"Bad floatingip request: " + reason);
	}

	private Binding binding(FloatingIp floating) {
		return (floating.getFixedAddress() != null) ? Binding.of(floating, this.routerRows) : null;
	}

	/** The uuid of the router that NATs the floating IP, or {@code null}. */
	public String routerUuid(FloatingIp floating) {
		return this.routers.byId(floating.getRouterId()).map(Router::getUuid).orElse(null);
	}

	/**
	 * A floating IP after a change, with its NAT binding before and after (either
	 * {@code null} when unbound), for the host to apply.
	 */
	public record Change(FloatingIp floatingIp, Binding before, Binding after) {
	}

}
