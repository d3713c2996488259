package dev.novaboot.network.manager;

import dev.novaboot.service.driver.SelectedBy;
import dev.novaboot.service.manager.Manager;

/**
 * Owns networks and addresses. The overall strategy (flat, flat with DHCP, a VLAN per
 * project) differs at this level; how the host is configured differs at the driver level.
 */
@SelectedBy(property = "nova.network.manager", choices = { "flat", "flat-dhcp", "vlan" })
public interface NetworkManager extends Manager {

	/** The value of {@code nova.network.manager} that selects this strategy. */
	String strategy();

}
