package dev.novaboot.network.manager;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.novaboot.network.manager.PortService.NewPort;
import dev.novaboot.network.store.Network;
import dev.novaboot.network.store.NetworkRepository;
import dev.novaboot.network.store.PortRepository;
import dev.novaboot.network.store.Subnet;
import dev.novaboot.network.store.UniqueKeys;
import dev.novaboot.service.context.RequestContext;
import dev.novaboot.service.rpc.api.RequestedNetwork;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * An instance's new ports on the networks it asked for, made in one transaction: the look
 * for ports it has already, its security groups, the networks and their subnets (read once,
 * for the ports and for the host), then each port's quota check, row, addresses and groups.
 * A failure on any network rolls back every port and address of the allocation (the
 * instance gets all its networks or none), and an allocation takes a connection once.
 * <p>
 * What needs a transaction of its own is seen missing before anything is written, made,
 * and the allocation's transaction run again: the project's default security group (made
 * on first use) and the claim of a network no host carries yet. No exception of a joined
 * transaction is ever caught inside the transaction, so none is left rollback-only. Host
 * commands are the caller's, after the commit.
 */
@Component
class InstancePorts {

	// a MAC address collision, or a prerequisite made by another request meanwhile, runs the transaction again
	private static final int ATTEMPTS = 10;

	private final PortService ports;

	private final PortRepository portRows;

	private final SecurityGroupService securityGroups;

	private final HostNetworking host;

	private final TransactionTemplate tx;

	InstancePorts(PortService ports, PortRepository portRows, SecurityGroupService securityGroups, HostNetworking host,
			TransactionTemplate tx) {
		this.ports = ports;
		this.portRows = portRows;
		this.securityGroups = securityGroups;
		this.host = host;
		this.tx = tx;
	}

	/**
	 * Makes the instance's ports, all or none.
	 * @param groupNames the security groups named at boot ({@code null}: the project's default group)
	 * @param checkDevice whether to look for ports the instance has already (an allocation
	 * asked for again gets them, and no new ones); false when the caller has looked
	 * @return the new ports, or {@link Allocation#existing()} when the instance has ports
	 */
	Allocation allocate(RequestContext context, String instanceUuid, String projectId, String computeHost,
			List<RequestedNetwork> wanted, List<String> groupNames, boolean checkDevice) {
		Access.checkWrite(context);
		String project = Access.owner(context, projectId);
		DataIntegrityViolationException collision = null;
		for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
			Outcome outcome;
			try {
				outcome = this.tx.execute((status) -> attempt(context, instanceUuid, project, computeHost, wanted,
						groupNames, checkDevice));
			}
			catch (DataIntegrityViolationException ex) {
				// only a MAC address collision is worth another attempt: everything was rolled back
				if (!UniqueKeys.violated(ex, PortService.PORTS_MAC_KEY)) {
					throw ex;
				}
				collision = ex;
				continue;
			}
			if (outcome instanceof Allocation allocation) {
				return allocation;
			}
			((Missing) outcome).make().run();
		}
		if (collision != null) {
			throw NetworkException.conflict("MacAddressGenerationFailure",
					"Unable to generate unique mac on network " + wanted.get(0).networkId() + ".");
		}
		throw new IllegalStateException("The allocation of instance " + instanceUuid + " found its security group or "
				+ "network changed " + ATTEMPTS + " times");
	}

	private Outcome attempt(RequestContext context, String instanceUuid, String project, String computeHost,
			List<RequestedNetwork> wanted, List<String> groupNames, boolean checkDevice) {
		if (checkDevice && !this.portRows.findByDeviceIdOrderById(instanceUuid).isEmpty()) {
			return Allocation.EXISTING;
		}
		String owner = NetworkOperations.COMPUTE_OWNER_PREFIX + "nova";
		Optional<List<Long>> groups = (groupNames != null)
				? this.securityGroups.existingByNames(context, project, groupNames)
				: this.securityGroups.existingForPort(context, project, null, owner);
		if (groups.isEmpty()) {
			return new Missing(() -> this.securityGroups.ensureDefault(project));
		}
		// every network read (and checked) before anything is written
		Map<String, Target> targets = new LinkedHashMap<>();
		for (RequestedNetwork requested : wanted) {
			if (targets.containsKey(requested.networkId())) {
				continue;
			}
			NetworkRepository.WithSubnets read = this.ports.usableNetworkWithSubnets(context, requested.networkId());
			Network network = read.network();
			if (network.getHost() == null && !network.isExternal()) {
				// the claim commits on its own, as it did before the allocation's transaction
				return new Missing(() -> this.host.claim(network.getId()));
			}
			targets.put(requested.networkId(), new Target(network, read.subnets()));
		}
		List<Created> created = new ArrayList<>();
		for (RequestedNetwork requested : wanted) {
			Target target = targets.get(requested.networkId());
			List<PortSpec.FixedIpRequest> fixed = (requested.fixedIp() != null)
					? List.of(new PortSpec.FixedIpRequest(null, requested.fixedIp())) : null;
			NewPort port = this.ports.createInTransaction(context,
					new PortSpec(requested.networkId(), project, "", "", null, fixed, instanceUuid, owner, true,
							computeHost, null),
					target.network(), target.subnets(), groups.get());
			created.add(new Created(port, target.network(), target.subnets()));
		}
		return new Allocation(false, created);
	}

	private sealed interface Outcome permits Allocation, Missing {
	}

	/** Something the allocation needs that is made in a transaction of its own. */
	private record Missing(Runnable make) implements Outcome {
	}

	private record Target(Network network, List<Subnet> subnets) {
	}

	/** A new port with the network and subnets it was made on, as read in its transaction. */
	record Created(NewPort port, Network network, List<Subnet> subnets) {
	}

	/**
	 * The new ports, in the order of the networks asked for; or none, {@code existing},
	 * when the instance had ports already.
	 */
	record Allocation(boolean existing, List<Created> created) implements Outcome {

		static final Allocation EXISTING = new Allocation(true, List.of());

	}

}
