package dev.novaboot.compute.manager;

/**
 * No such instance, or not one the caller may see (Nova's message).
 */
public class InstanceNotFoundException extends RuntimeException {

	public InstanceNotFoundException(String uuid) {
		super("Instance " + uuid + " could not be found.");
	}

}
