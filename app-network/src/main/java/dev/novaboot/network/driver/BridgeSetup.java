package dev.novaboot.network.driver;

/**
 * What a network needs on the host.
 *
 * @param bridge the bridge name
 * @param vlanId the VLAN id of a VLAN network, or {@code null}
 * @param vlanInterface the interface that carries the VLAN ({@code nova.network.vlan-interface}),
 * or {@code null}
 * @param gatewayCidr the gateway address with the prefix length, such as {@code 10.0.0.1/24},
 * or {@code null} when this host is not the network's gateway (flat)
 */
public record BridgeSetup(String bridge, Integer vlanId, String vlanInterface, String gatewayCidr) {

	/** The name of the VLAN interface, {@code vlan<id>} (Nova's naming). */
	public String vlanDevice() {
		return (this.vlanId != null) ? "vlan" + this.vlanId : null;
	}

}
