package dev.novaboot.compute.manager;

/**
 * No up, enabled compute host has room for the instance (Nova's {@code NoValidHost}).
 */
public class NoValidHostException extends RuntimeException {

	public NoValidHostException() {
		super("No valid host was found. There are not enough hosts available.");
	}

}
