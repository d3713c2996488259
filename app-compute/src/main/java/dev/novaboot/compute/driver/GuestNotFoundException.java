package dev.novaboot.compute.driver;

/**
 * The hypervisor has no such guest.
 */
public class GuestNotFoundException extends RuntimeException {

	public GuestNotFoundException(String uuid) {
		super("Guest " + uuid + " does not exist on this host");
	}

}
