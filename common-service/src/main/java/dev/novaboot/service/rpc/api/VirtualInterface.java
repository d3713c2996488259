package dev.novaboot.service.rpc.api;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One interface of an instance: its port, MAC and address, and the network it is on.
 *
 * @param portId the port's uuid
 * @param macAddress the MAC address to give the instance's NIC
 * @param networkId the network's uuid
 * @param networkName the network's name (Nova's label)
 * @param bridge the bridge to plug the NIC into
 * @param vlan the VLAN id of a {@code vlan} network, {@code null} for a flat one
 * @param cidr the subnet of the address
 * @param address the fixed IP
 * @param gateway the subnet's gateway, or {@code null}
 * @param dns the DNS servers
 * @param dhcp whether nova-network serves this address by DHCP
 * @param floatingAddresses floating IPs associated with the address
 * @param subnetId the subnet of the address (since network 2.2; {@code null} from an older
 * network service), as Nova's {@code os-interface} shows each fixed IP
 */
public record VirtualInterface(String portId, String macAddress, String networkId, String networkName, String bridge,
		Integer vlan, String cidr, String address, String gateway, List<String> dns, boolean dhcp,
		List<String> floatingAddresses, @JsonProperty("subnet_id") String subnetId) {

	public VirtualInterface {
		dns = List.copyOf(dns);
		floatingAddresses = List.copyOf(floatingAddresses);
	}

	/** An interface whose subnet is not named. */
	public VirtualInterface(String portId, String macAddress, String networkId, String networkName, String bridge,
			Integer vlan, String cidr, String address, String gateway, List<String> dns, boolean dhcp,
			List<String> floatingAddresses) {
		this(portId, macAddress, networkId, networkName, bridge, vlan, cidr, address, gateway, dns, dhcp,
				floatingAddresses, null);
	}

}
