package dev.novaboot.service.rpc.api;

import java.util.List;

/**
 * An instance's network info (Nova's {@code network_info}): what compute needs to plug
 * the instance's interfaces into the right bridges.
 */
public record InstanceNetworkInfo(String instanceUuid, List<VirtualInterface> interfaces) {

	public InstanceNetworkInfo {
		interfaces = List.copyOf(interfaces);
	}

}
