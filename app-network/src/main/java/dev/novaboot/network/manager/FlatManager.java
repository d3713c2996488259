package dev.novaboot.network.manager;

import dev.novaboot.network.driver.NetworkDriver;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Service;

/**
 * Instances get fixed addresses from pre-created networks bridged to an existing bridge; no DHCP server.
 */
@Service
@ConditionalOnProperty(name = "nova.network.manager", havingValue = "flat", matchIfMissing = true)
public class FlatManager implements NetworkManager {

	private final NetworkDriver driver;

	public FlatManager(NetworkDriver driver) {
		this.driver = driver;
	}

	@Override
	public String strategy() {
		return "flat";
	}

	NetworkDriver driver() {
		return this.driver;
	}

}
