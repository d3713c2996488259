package dev.novaboot.service.rpc.api;

import java.util.List;

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
 */
public record VirtualInterface(String portId, String macAddress, String networkId, String networkName, String bridge,
		Integer vlan, String cidr, String address, String gateway, List<String> dns, boolean dhcp,
		List<String> floatingAddresses) {

	public VirtualInterface {
		dns = List.copyOf(dns);
		floatingAddresses = List.copyOf(floatingAddresses);
	}

}
