package dev.novaboot.network.driver;

import dev.novaboot.service.driver.Driver;
import dev.novaboot.service.driver.SelectedBy;

/**
 * How this host's networking is set up: bridges, VLAN interfaces, NAT rules, DHCP.
 */
@SelectedBy(property = "nova.network.driver", choices = { "noop", "linux" })
public interface NetworkDriver extends Driver {

}
