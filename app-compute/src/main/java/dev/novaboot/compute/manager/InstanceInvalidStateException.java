package dev.novaboot.compute.manager;

/**
 * The action is not allowed in the instance's current state; the API answers 409
 * {@code conflictingRequest} and nothing changes.
 */
public class InstanceInvalidStateException extends RuntimeException {

	public InstanceInvalidStateException(String action, String uuid, String attribute, String state) {
		super("Cannot '" + action + "' instance " + uuid + " while it is in " + attribute + " " + state);
	}

}
