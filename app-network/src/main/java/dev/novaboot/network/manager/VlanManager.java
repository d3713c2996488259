package dev.novaboot.network.manager;

import dev.novaboot.network.driver.NetworkDriver;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Service;

/**
 * Each project gets its own network on its own VLAN.
 */
@Service
@ConditionalOnProperty(name = "nova.network.manager", havingValue = "vlan")
public class VlanManager implements NetworkManager {

	private final NetworkDriver driver;

	public VlanManager(NetworkDriver driver) {
		this.driver = driver;
	}

	@Override
	public String strategy() {
		return "vlan";
	}

	NetworkDriver driver() {
		return this.driver;
	}

}
