package dev.novaboot.network.manager;

import java.util.List;

/**
 * What a caller asks for when creating a port; {@code null} means "not given".
 */
public record PortSpec(String networkId, String projectId, String name, String description, String macAddress,
		List<FixedIpRequest> fixedIps, String deviceId, String deviceOwner, Boolean adminStateUp, String host) {

	/** An address wanted: on a subnet, a given address, or both. */
	public record FixedIpRequest(String subnetId, String ipAddress) {
	}

}
