package dev.novaboot.network.manager;

import java.util.List;

/**
 * What a caller asks for when creating a port; {@code null} means "not given".
 */
public record PortSpec(String networkId, String projectId, String name, String description, String macAddress,
		List<FixedIpRequest> fixedIps, String deviceId, String deviceOwner, Boolean adminStateUp, String host,
		List<String> securityGroups) {

	/** A port in the default security groups ({@code security_groups} not given). */
	public PortSpec(String networkId, String projectId, String name, String description, String macAddress,
			List<FixedIpRequest> fixedIps, String deviceId, String deviceOwner, Boolean adminStateUp, String host) {
		this(networkId, projectId, name, description, macAddress, fixedIps, deviceId, deviceOwner, adminStateUp, host,
				null);
	}

	/** An address wanted: on a subnet, a given address, or both. */
	public record FixedIpRequest(String subnetId, String ipAddress) {
	}

}
