package dev.novaboot.compute.manager;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonProperty;

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

	/**
	 * @param address the MAC address
	 * @param preserveOnDelete Nova's {@code preserve_on_delete}: the user gave the port (an
	 * interface attached with {@code port_id}), so a detach or delete unbinds it and keeps it
	 * @param tag the device tag an attach gave it (microversion 2.49), or null
	 */
	public record Vif(String id, String address, Network network,
			@JsonProperty("preserve_on_delete") boolean preserveOnDelete, String tag) {

		/** A port the network service made for the instance, untagged. */
		public Vif(String id, String address, Network network) {
			this(id, address, network, false, null);
		}

	}

	public record Network(String id, String label, String bridge, List<Subnet> subnets) {
	}

	public record Subnet(String cidr, String gateway, List<String> dns, List<FixedIp> ips) {
	}

	/** @param type {@code fixed} or {@code floating} */
	public record FixedIp(String address, String type, int version) {
	}

	/** The interface of the port, if the instance has it. */
	public Optional<Vif> vif(String portId) {
		return this.vifs.stream().filter((vif) -> vif.id() != null && vif.id().equals(portId)).findFirst();
	}

	/** This network info with one more interface, last. */
	public NetworkInfo with(Vif vif) {
		List<Vif> more = new ArrayList<>(this.vifs);
		more.add(vif);
		return new NetworkInfo(more);
	}

	/** This network info without the port's interface. */
	public NetworkInfo without(String portId) {
		return new NetworkInfo(this.vifs.stream().filter((vif) -> vif.id() == null || !vif.id().equals(portId)).toList());
	}

	/**
	 * This network info as the network service tells it, with what only compute knows of
	 * each interface taken from the recorded one: whether the user gave the port, and its tag.
	 */
	public NetworkInfo keepingWhatComputeKnows(NetworkInfo recorded) {
		return new NetworkInfo(this.vifs.stream()
			.map((vif) -> recorded.vif(vif.id())
				.map((known) -> new Vif(vif.id(), vif.address(), vif.network(), known.preserveOnDelete(), known.tag()))
				.orElse(vif))
			.toList());
	}

	/** The ports the user gave, which a delete unbinds rather than deletes. */
	public List<String> preservedPortIds() {
		return this.vifs.stream().filter(Vif::preserveOnDelete).map(Vif::id).toList();
	}

	/** The MAC addresses, in interface order. */
	public List<String> macAddresses() {
		return this.vifs.stream().map(Vif::address).toList();
	}

	/** What the driver plugs: each interface's port, MAC address and bridge, in order. */
	public List<GuestVif> guestVifs() {
		return this.vifs.stream().map(NetworkInfo::guestVif).toList();
	}

	/** What the driver plugs for one interface. */
	public static GuestVif guestVif(Vif vif) {
		return new GuestVif(vif.id(), vif.address(), (vif.network() != null) ? vif.network().bridge() : null);
	}

}
