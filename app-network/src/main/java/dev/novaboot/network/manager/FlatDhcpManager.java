package dev.novaboot.network.manager;

import dev.novaboot.network.driver.NetworkDriver;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Service;

/**
 * Like flat, and this host runs a DHCP server for each network.
 */
@Service
@ConditionalOnProperty(name = "nova.network.manager", havingValue = "flat-dhcp")
public class FlatDhcpManager implements NetworkManager {

	private final NetworkDriver driver;

	public FlatDhcpManager(NetworkDriver driver) {
		this.driver = driver;
	}

	@Override
	public String strategy() {
		return "flat-dhcp";
	}

	NetworkDriver driver() {
		return this.driver;
	}

}
