package dev.novaboot.compute.manager;

import dev.novaboot.service.api.NotFoundException;

/**
 * No such instance, or not one the caller may see; 404 with Nova's message.
 */
public class InstanceNotFoundException extends NotFoundException {

	public InstanceNotFoundException(String uuid) {
		super("Instance " + uuid + " could not be found.");
	}

}
