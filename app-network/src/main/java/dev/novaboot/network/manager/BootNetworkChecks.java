package dev.novaboot.network.manager;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import dev.novaboot.network.store.FixedIp;
import dev.novaboot.network.store.FixedIpRepository;
import dev.novaboot.network.store.Network;
import dev.novaboot.network.store.NetworkRepository;
import dev.novaboot.network.store.PortRepository;
import dev.novaboot.network.store.SubnetRepository;
import dev.novaboot.service.context.RequestContext;
import dev.novaboot.service.rpc.api.NetworkCheck;
import dev.novaboot.service.rpc.api.RequestedNetwork;

import org.springframework.stereotype.Service;

/**
 * What the compute API asks before it records a boot (Nova's {@code validate_networks}
 * and its check of the requested security groups), so that a boot that names a network
 * the project cannot use, an address in use or an unknown group is refused with a 400
 * instead of ending as a server in error. Allocation checks all of it again: this is an
 * early answer, not a reservation. The answer names the groups, which a client may give by
 * id, so that the server shows their names as Nova does.
 */
@Service
public class BootNetworkChecks {

	private final NetworkRepository networks;

	private final SubnetRepository subnets;

	private final FixedIpRepository fixedIps;

	private final PortRepository ports;

	private final SecurityGroupService groups;

	BootNetworkChecks(NetworkRepository networks, SubnetRepository subnets, FixedIpRepository fixedIps,
			PortRepository ports, SecurityGroupService groups) {
		this.networks = networks;
		this.subnets = subnets;
		this.fixedIps = fixedIps;
		this.ports = ports;
		this.groups = groups;
	}

	// no transaction of its own: a project's default group is made on first use in one, and a
	// second connection held meanwhile would let concurrent first boots exhaust the pool
	public NetworkCheck check(RequestContext context, String projectId, List<RequestedNetwork> requested,
			List<String> securityGroups) {
		for (RequestedNetwork request : requested) {
			if (request.noAllocate() || request.autoAllocate()) {
				continue;
			}
			// Nova looks the networks up as the project's own or shared ones, for admins too
			Optional<Network> network = this.networks.findByUuid(request.networkId())
				.filter((found) -> found.isShared() || projectId.equals(found.getProjectId()));
			if (network.isEmpty()) {
				return NetworkCheck.refused("NetworkNotFound", "Network " + request.networkId() + " could not be found.");
			}
			if (this.subnets.findByNetworkIdOrderById(network.get().getId()).isEmpty()) {
				return NetworkCheck.refused("NetworkRequiresSubnet",
						"Network " + request.networkId() + " requires a subnet in order to boot instances on.");
			}
			if (request.fixedIp() != null) {
				Optional<String> holder = holderOf(network.get(), request.fixedIp());
				if (holder.isPresent()) {
					return NetworkCheck.refused("FixedIpAlreadyInUse", "Fixed IP address " + request.fixedIp()
							+ " is already in use on instance " + holder.get() + ".");
				}
			}
		}
		List<String> names = new ArrayList<>();
		if (securityGroups != null) {
			for (String name : securityGroups) {
				try {
					names.add(this.groups.resolve(context, projectId, name).getName());
				}
				catch (NetworkException ex) {
					if (ex.kind() == NetworkException.Kind.NOT_FOUND) {
						return NetworkCheck.refused("SecurityGroupNotFound", "Security group " + name + " not found.");
					}
					return NetworkCheck.refused(ex.type(), ex.getMessage());
				}
			}
		}
		return NetworkCheck.accepted(names);
	}

	// the device of the port that holds the address on the network, as Nova's list_ports search finds it
	private Optional<String> holderOf(Network network, String address) {
		return this.fixedIps.findByAddress(address)
			.stream()
			.filter((fixed) -> network.getId().equals(fixed.getNetworkId()) && fixed.getPortId() != null)
			.map(FixedIp::getPortId)
			.findFirst()
			.map((portId) -> this.ports.findById(portId).map((port) -> port.getDeviceId()).orElse(""));
	}

}
