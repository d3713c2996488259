package dev.novaboot.network.manager;

import java.util.List;
import java.util.Map;

/**
 * What the API shows of a batch of ports from other tables, by the ports' and networks'
 * row ids: read for the batch at once ({@link PortService#linksOf}).
 *
 * @param networkUuids the uuid of each network row (empty when it is gone)
 * @param addresses each port's fixed addresses, in id order
 * @param securityGroups each port's security groups' uuids, in binding order
 */
public record PortLinks(Map<Long, String> networkUuids, Map<Long, List<Address>> addresses,
		Map<Long, List<String>> securityGroups) {

	public String networkUuid(Long networkId) {
		return this.networkUuids.getOrDefault(networkId, "");
	}

	public List<Address> addressesOf(Long portId) {
		return this.addresses.getOrDefault(portId, List.of());
	}

	public List<String> securityGroupsOf(Long portId) {
		return this.securityGroups.getOrDefault(portId, List.of());
	}

	/** A fixed address: its subnet's uuid and the address. */
	public record Address(String subnetUuid, String address) {
	}

}
