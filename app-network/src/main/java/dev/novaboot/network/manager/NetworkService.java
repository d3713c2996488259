package dev.novaboot.network.manager;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.novaboot.network.NetworkProperties;
import dev.novaboot.network.store.FloatingIpRepository;
import dev.novaboot.network.store.ListFilters;
import dev.novaboot.network.store.ListOrder;
import dev.novaboot.network.store.Network;
import dev.novaboot.network.store.NetworkRepository;
import dev.novaboot.network.store.PortRepository;
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
 * Networks: creation with provider attributes (VLAN ids from the configured range when
 * not given), project-scoped reads, updates and deletion.
 */
@Service
public class NetworkService {

	private static final int ATTEMPTS = 20;

	// the unique keys (named in V2__index_names.sql) that two hosts racing for a VLAN id run into
	private static final String SEGMENT_KEY = "uq_networks_network_type_segmentation_id";

	private static final String DEFAULT_KEY = "uq_networks_default_for_project";

	private final NetworkRepository networks;

	private final SubnetRepository subnets;

	private final PortRepository ports;

	private final FloatingIpRepository floatingIps;

	private final SubnetService subnetService;

	private final NetworkProperties properties;

	// the time every row written is stamped with: the database's, which all hosts share
	private final DatabaseClock clock;

	// create and projectVlanNetwork retry a lost race for a VLAN id: each attempt is a
	// transaction of its own, which a single @Transactional method cannot give
	private final TransactionTemplate tx;

	private final QuotaService quotas;

	public NetworkService(NetworkRepository networks, SubnetRepository subnets, PortRepository ports,
			FloatingIpRepository floatingIps, SubnetService subnetService, NetworkProperties properties,
			DatabaseClock clock, TransactionTemplate tx, QuotaService quotas) {
		this.networks = networks;
		this.subnets = subnets;
		this.ports = ports;
		this.floatingIps = floatingIps;
		this.subnetService = subnetService;
		this.properties = properties;
		this.clock = clock;
		this.tx = tx;
		this.quotas = quotas;
	}

	/**
	 * Creates a network.
	 * @param defaultType the type of a network created without provider attributes (the
	 * strategy's: {@code flat}, or {@code vlan} with an id from the range)
	 */
	public Network create(RequestContext context, NetworkSpec spec, String defaultType) {
		Access.checkWrite(context);
		String project = Access.owner(context, spec.projectId());
		if (!context.isAdmin() && (spec.hasProviderAttributes() || Boolean.TRUE.equals(spec.shared())
				|| Boolean.TRUE.equals(spec.external()))) {
			throw NetworkException.forbidden("(rule:create_network:provider or shared or router:external) is disallowed by policy");
		}
		String type = (spec.networkType() != null) ? spec.networkType() : defaultType;
		String physical = (spec.physicalNetwork() != null) ? spec.physicalNetwork() : this.properties.physicalNetwork();
		if (!type.equals(Network.FLAT) && !type.equals(Network.VLAN)) {
			throw NetworkException.invalidInput("provider:network_type value '" + type + "' not supported: flat or vlan.");
		}
		if (!physical.equals(this.properties.physicalNetwork())) {
			throw NetworkException.invalidInput("provider:physical_network '" + physical + "' is unknown; this host has '"
					+ this.properties.physicalNetwork() + "'.");
		}
		if (type.equals(Network.FLAT) && spec.segmentationId() != null) {
			throw NetworkException.invalidInput("provider:segmentation_id is not allowed for flat networks.");
		}
		if (spec.segmentationId() != null && (spec.segmentationId() < 1 || spec.segmentationId() > 4094)) {
			throw NetworkException.invalidInput("provider:segmentation_id " + spec.segmentationId()
					+ " is not a valid VLAN id (1 to 4094).");
		}
		String name = (spec.name() != null) ? checkLength("name", spec.name()) : "";
		for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
			Integer vlan = type.equals(Network.VLAN)
					? ((spec.segmentationId() != null) ? spec.segmentationId() : freeVlanId()) : null;
			try {
				return this.tx.execute((status) -> {
					this.quotas.checkCreate(project, "network");
					Network network = new Network(this.clock.now(), project, name, type, physical, vlan, bridgeFor(vlan));
					apply(network, spec.description(), spec.adminStateUp(), spec.shared());
					network.setExternal(Boolean.TRUE.equals(spec.external()));
					return this.networks.saveAndFlush(network);
				});
			}
			catch (DataIntegrityViolationException ex) {
				if (!UniqueKeys.violated(ex, SEGMENT_KEY)) {
					// not a VLAN id collision: it would fail again, so no retry
					throw ex;
				}
				if (spec.segmentationId() != null) {
					throw NetworkException.conflict("VlanIdInUse", "Unable to create the network. The VLAN "
							+ spec.segmentationId() + " on physical network " + physical + " is in use.");
				}
				if (TransactionSynchronizationManager.isActualTransactionActive()) {
					// inside a bulk create, whose transaction this failure aborted: the batch retries
					throw new BulkCreation.Collision(noVlanAvailable());
				}
				// another host took the same free VLAN id first: pick again
			}
		}
		throw noVlanAvailable();
	}

	/**
	 * The project's own network under the vlan strategy, created on first use with the next
	 * free VLAN id of the range and the matching slice of {@code fixed-range}. Two hosts
	 * racing to create it end with one (unique key on {@code default_for_project}).
	 */
	public Network projectVlanNetwork(String projectId) {
		NetworkProperties.Vlan vlan = this.properties.vlan();
		for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
			var existing = this.networks.findByDefaultForProject(projectId);
			if (existing.isPresent()) {
				return existing.get();
			}
			int id = freeVlanId();
			int index = id - vlan.start();
			int prefix = 32 - Integer.numberOfTrailingZeros(vlan.networkSize());
			try {
				return this.tx.execute((status) -> {
					// one time for the network and its subnet, as they are made together
					Instant now = this.clock.now();
					Network network = new Network(now, projectId, "vlan" + id, Network.VLAN,
							this.properties.physicalNetwork(), id, bridgeFor(id));
					network.setDefaultForProject(projectId);
					network = this.networks.saveAndFlush(network);
					String cidr = Ipv4Cidr.parse(vlan.fixedRange()).subnet(prefix, index).toString();
					this.subnetService.insert(network, new SubnetSpec(network.getUuid(), projectId, "vlan" + id, "",
							cidr, 4, false, null, null, vlan.dnsNameservers(), true), projectId, now);
					return network;
				});
			}
			catch (DataIntegrityViolationException ex) {
				if (!UniqueKeys.violated(ex, DEFAULT_KEY) && !UniqueKeys.violated(ex, SEGMENT_KEY)) {
					throw ex;
				}
				// another host created this project's network, or took this VLAN id: look again
			}
		}
		throw noVlanAvailable();
	}

	private int freeVlanId() {
		NetworkProperties.Vlan vlan = this.properties.vlan();
		Set<Integer> used = new HashSet<>(this.networks.findVlanIds());
		for (int id = vlan.start(); id < vlan.start() + vlan.numNetworks(); id++) {
			if (!used.contains(id)) {
				return id;
			}
		}
		throw noVlanAvailable();
	}

	private static NetworkException noVlanAvailable() {
		return new NetworkException(NetworkException.Kind.UNAVAILABLE, "NoNetworkAvailable",
				"Unable to create the network. No tenant network is available for allocation.");
	}

	private String bridgeFor(Integer vlan) {
		return (vlan != null) ? "br" + vlan : this.properties.flatBridge();
	}

	public Network find(RequestContext context, String uuid) {
		return this.networks.findByUuid(uuid)
			.filter((network) -> network.isShared() || network.isExternal() || Access.canSee(context, network.getProjectId()))
			.orElseThrow(() -> NetworkException.notFound("Network", uuid));
	}

	/** A network the caller may change: its own, or any for an admin. */
	public Network findOwned(RequestContext context, String uuid) {
		Network network = find(context, uuid);
		if (!Access.canSee(context, network.getProjectId())) {
			throw NetworkException.forbidden("Network " + uuid + " belongs to another project.");
		}
		return network;
	}

	/**
	 * A page of the networks the caller sees, in {@code order}: at most {@code size} after the
	 * row {@code afterId} (0 for the first page) whose attributes are one of the values
	 * asked for, all filtered in the database.
	 * @param filters the values asked for, by the entity's attribute name or a computed
	 * filter's name ({@link NetworkRepository#matching})
	 */
	public List<Network> list(RequestContext context, Map<String, List<String>> filters, ListOrder order, long afterId,
			int size) {
		Specification<Network> rows = Specification.allOf(ListFilters.ordered(Network.class, order, afterId, NetworkRepository.sortValues()),
				NetworkRepository.matching(filters));
		if (!context.isAdmin()) {
			rows = rows.and(NetworkRepository.visibleTo(context.projectId()));
		}
		return this.networks.findBy(rows, (query) -> query.limit(size).all());
	}

	/** The id the API shows for a network's row, or empty when it is gone. */
	public String uuidOf(Long networkId) {
		return this.networks.findById(networkId).map(Network::getUuid).orElse("");
	}

	/** Networks an instance of the project is put on when it asks for none (flat strategies). */
	public List<Network> usableBy(String projectId) {
		return this.networks.findUsableBy(projectId);
	}

	@Transactional
	public Network update(RequestContext context, String uuid, NetworkSpec update) {
		Access.checkWrite(context);
		if (update.hasProviderAttributes() || update.external() != null || update.projectId() != null) {
			throw NetworkException.badRequest("Updating provider attributes, router:external or the project of a network "
					+ "is not supported.");
		}
		if (update.shared() != null && !context.isAdmin()) {
			throw NetworkException.forbidden("(rule:update_network:shared) is disallowed by policy");
		}
		Network network = findOwned(context, uuid);
		if (update.name() != null) {
			network.setName(checkLength("name", update.name()));
		}
		apply(network, update.description(), update.adminStateUp(), update.shared());
		network.touch(this.clock.now());
		return this.networks.saveAndFlush(network);
	}

	/** Deletes a network without ports or floating IPs, with its subnets and their addresses. */
	@Transactional
	public RemovedNetwork delete(RequestContext context, String uuid) {
		Access.checkWrite(context);
		Network network = findOwned(context, uuid);
		if (this.ports.countByNetworkId(network.getId()) > 0 || this.floatingIps.countByNetworkId(network.getId()) > 0) {
			throw NetworkException.conflict("NetworkInUse", "Unable to complete operation on network " + uuid
					+ ". There are one or more ports still in use on the network.");
		}
		List<Subnet> subnets = this.subnets.findByNetworkIdOrderById(network.getId());
		List<String> gateways = subnets.stream()
			.filter((subnet) -> subnet.getGatewayIp() != null)
			.map(SubnetService::gatewayCidr)
			.toList();
		subnets.forEach(this.subnetService::remove);
		this.networks.delete(network);
		this.networks.flush();
		return new RemovedNetwork(network.getUuid(), network.getBridge(), network.getSegmentationId(),
				network.getHost(), gateways);
	}

	private static void apply(Network network, String description, Boolean adminStateUp, Boolean shared) {
		if (description != null) {
			network.setDescription(checkLength("description", description));
		}
		if (adminStateUp != null) {
			network.setAdminStateUp(adminStateUp);
		}
		if (shared != null) {
			network.setShared(shared);
		}
	}

	static String checkLength(String field, String value) {
		if (value.length() > 255) {
			throw NetworkException.invalidInput("'" + field + "' exceeds 255 characters.");
		}
		return value;
	}

}
