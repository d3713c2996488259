package dev.novaboot.compute.manager;

import java.util.List;

/**
 * A port bound to an instance, as the network service tells it now (what Nova's
 * {@code os-interface} shows of a Neutron port).
 *
 * @param portId the port's id
 * @param networkId its network
 * @param macAddress its MAC address
 * @param portState its status ({@code ACTIVE} while bound to an instance)
 * @param fixedIps its addresses with their subnets
 */
public record AttachedPort(String portId, String networkId, String macAddress, String portState,
		List<FixedIp> fixedIps) {

	public AttachedPort {
		fixedIps = List.copyOf(fixedIps);
	}

	/** @param subnetId the address's subnet, null when the network service did not name it */
	public record FixedIp(String subnetId, String ipAddress) {
	}

}
