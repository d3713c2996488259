package dev.novaboot.compute.api;

/**
 * The request conflicts with the resource's state; answered 409 {@code conflictingRequest}.
 */
class ConflictException extends RuntimeException {

	ConflictException(String message) {
		super(message);
	}

}
