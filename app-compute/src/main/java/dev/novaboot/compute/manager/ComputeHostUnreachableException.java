package dev.novaboot.compute.manager;

/**
 * The compute service of a host cannot be reached (Nova's {@code ComputeServiceUnavailable}).
 */
public class ComputeHostUnreachableException extends RuntimeException {

	public ComputeHostUnreachableException(String host) {
		super("Compute service of " + host + " is unavailable at this time.");
	}

}
