package dev.novaboot.network.manager;

import java.util.List;
import java.util.Optional;

import dev.novaboot.network.NetworkProperties;
import dev.novaboot.network.store.Network;

/**
 * Each project gets its own network on its own VLAN: a VLAN interface {@code vlan<id>} on
 * {@code nova.network.vlan-interface} in a bridge {@code br<id>}, created on the project's
 * first use from the range {@code nova.network.vlan.*}; this host is its gateway and DHCP
 * server.
 */
public class VlanManager implements NetworkManager {

	private final NetworkOperations operations;

	private final NetworkService networks;

	public VlanManager(NetworkOperations operations, NetworkService networks, NetworkProperties properties) {
		NetworkProperties.Vlan vlan = properties.vlan();
		NetworkOperations.checkVlanRange(vlan.fixedRange(), vlan.networkSize(), vlan.numNetworks(), vlan.start());
		this.operations = operations;
		this.networks = networks;
	}

	@Override
	public String strategy() {
		return "vlan";
	}

	@Override
	public String defaultNetworkType() {
		return Network.VLAN;
	}

	@Override
	public boolean runsDhcp() {
		return true;
	}

	/** The project's own VLAN network, created on first use. */
	@Override
	public List<Network> defaultNetworks(String projectId) {
		return List.of(this.networks.projectVlanNetwork(projectId));
	}

	/** The project's own VLAN network, created on first use: what "auto" gets when it has none. */
	@Override
	public Optional<Network> autoAllocatedNetwork(String projectId) {
		return Optional.of(this.networks.projectVlanNetwork(projectId));
	}

	@Override
	public NetworkOperations operations() {
		return this.operations;
	}

}
