package dev.novaboot.network.ipam;

import dev.novaboot.network.NetworkFault;

import org.springframework.http.HttpStatus;

/**
 * Every address of a network is taken (Neutron's {@code IpAddressGenerationFailure}, 409).
 */
public class NoMoreAddressesException extends NetworkFault {

	public NoMoreAddressesException(String networkUuid) {
		super(HttpStatus.CONFLICT, "IpAddressGenerationFailure",
				"No more IP addresses available on network " + networkUuid + ".");
	}

}
