package dev.novaboot.service.api;

/**
 * The resource does not exist (or is not visible to the caller); answered with 404 and
 * this message.
 */
public class NotFoundException extends RuntimeException {

	public NotFoundException(String message) {
		super(message);
	}

}
