package dev.novaboot.service.api;

/**
 * A service record cannot be deleted while what it runs is in use; answered with 409 and
 * this message, the record left as it was.
 */
public class ServiceInUseException extends RuntimeException {

	public ServiceInUseException(String message) {
		super(message);
	}

}
