package dev.novaboot.volume.api;

/**
 * The caller's roles do not allow the call (a reader trying to change something);
 * answered with 403.
 */
public class ForbiddenException extends RuntimeException {

	public ForbiddenException(String message) {
		super(message);
	}

}
