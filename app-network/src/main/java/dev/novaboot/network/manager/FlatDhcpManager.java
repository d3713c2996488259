package dev.novaboot.network.manager;

import java.util.List;

import dev.novaboot.network.NetworkProperties;
import dev.novaboot.network.store.Network;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * Like flat, and this host runs a DHCP server (dnsmasq) for each network, with one host entry per
 * allocated address, and holds each network's gateway address on its bridge.
 */
@Service
@ConditionalOnProperty(name = "nova.network.manager", havingValue = "flat-dhcp")
public class FlatDhcpManager implements NetworkManager {

	private final NetworkOperations operations;

	private final NetworkService networks;

	private final NetworkProperties properties;

	public FlatDhcpManager(NetworkOperations operations, NetworkService networks, NetworkProperties properties) {
		this.operations = operations;
		this.networks = networks;
		this.properties = properties;
	}

	@Override
	public String strategy() {
		return "flat-dhcp";
	}

	@Override
	public String defaultNetworkType() {
		return Network.FLAT;
	}

	@Override
	public boolean runsDhcp() {
		return true;
	}

	@Override
	public List<Network> defaultNetworks(String projectId) {
		return this.networks.usableBy(projectId);
	}

	@Override
	public NetworkOperations operations() {
		return this.operations;
	}

	@Override
	@Scheduled(fixedDelayString = "${nova.network.release.interval:60s}",
			initialDelayString = "${nova.network.release.interval:60s}")
	public List<String> releaseVanishedInstances() {
		return this.operations.releaseVanishedInstances(this.properties.release().gracePeriod(), runsDhcp());
	}

}
