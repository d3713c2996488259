package dev.novaboot.compute.manager;

import java.util.List;

import dev.novaboot.compute.driver.GuestVif;

/**
 * The network interfaces of an instance, shaped like Nova's {@code network_info} model
 * (a list of VIFs, each with its network, subnets and fixed addresses); stored as JSON in
 * {@code instances.network_info}.
 */
public record NetworkInfo(List<Vif> vifs) {

	public NetworkInfo {
		vifs = (vifs != null) ? List.copyOf(vifs) : List.of();
	}

	/** @param address the MAC address */
	public record Vif(String id, String address, Network network) {
	}

	public record Network(String id, String label, String bridge, List<Subnet> subnets) {
	}

	public record Subnet(String cidr, String gateway, List<String> dns, List<FixedIp> ips) {
	}

	/** @param type {@code fixed} or {@code floating} */
	public record FixedIp(String address, String type, int version) {
	}

	/** The MAC addresses, in interface order. */
	public List<String> macAddresses() {
		return this.vifs.stream().map(Vif::address).toList();
	}

	/** What the driver plugs: each interface's port, MAC address and bridge, in order. */
	public List<GuestVif> guestVifs() {
		return this.vifs.stream()
			.map((vif) -> new GuestVif(vif.id(), vif.address(), (vif.network() != null) ? vif.network().bridge() : null))
			.toList();
	}

}
