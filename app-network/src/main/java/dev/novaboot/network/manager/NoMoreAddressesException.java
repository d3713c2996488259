package dev.novaboot.network.manager;

/**
 * Every address of a network is taken (Neutron's {@code IpAddressGenerationFailure}, a conflict).
 */
public class NoMoreAddressesException extends NetworkException {

	public NoMoreAddressesException(String networkUuid) {
		super(Kind.CONFLICT, "IpAddressGenerationFailure",
				"No more IP addresses available on network " + networkUuid + ".");
	}

}
