package dev.novaboot.network.manager;

/**
 * Like flat, and this host runs a DHCP server (dnsmasq) for each network, with one host entry per
 * allocated address, and holds each network's gateway address on its bridge. Everything
 * else, including the periodic release of vanished instances' addresses, is flat's.
 */
public class FlatDhcpManager extends FlatManager {

	public FlatDhcpManager(NetworkOperations operations, NetworkService networks) {
		super(operations, networks);
	}

	@Override
	public String strategy() {
		return "flat-dhcp";
	}

	@Override
	public boolean runsDhcp() {
		return true;
	}

}
