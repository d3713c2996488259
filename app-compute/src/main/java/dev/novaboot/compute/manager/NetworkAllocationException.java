package dev.novaboot.compute.manager;

/**
 * The network service could not give the instance what it asked for.
 */
public class NetworkAllocationException extends RuntimeException {

	public NetworkAllocationException(String message) {
		super(message);
	}

}
