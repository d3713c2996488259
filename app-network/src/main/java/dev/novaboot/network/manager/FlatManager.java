package dev.novaboot.network.manager;

import java.util.List;

import dev.novaboot.network.store.Network;

/**
 * Instances get fixed addresses from pre-created networks bridged to an existing bridge
 * ({@code nova.network.flat-bridge}); no DHCP server, and this host is not the gateway.
 */
public class FlatManager implements NetworkManager {

	private final NetworkOperations operations;

	private final NetworkService networks;

	public FlatManager(NetworkOperations operations, NetworkService networks) {
		this.operations = operations;
		this.networks = networks;
	}

	@Override
	public String strategy() {
		return "flat";
	}

	@Override
	public String defaultNetworkType() {
		return Network.FLAT;
	}

	@Override
	public boolean runsDhcp() {
		return false;
	}

	@Override
	public List<Network> defaultNetworks(String projectId) {
		return this.networks.usableBy(projectId);
	}

	@Override
	public NetworkOperations operations() {
		return this.operations;
	}

}
