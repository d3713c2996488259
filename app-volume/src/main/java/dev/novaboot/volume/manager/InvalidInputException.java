package dev.novaboot.volume.manager;

import dev.novaboot.service.api.BadRequestException;

/**
 * An argument is out of range or malformed (Cinder's {@code InvalidInput}, a 400).
 */
public class InvalidInputException extends BadRequestException {

	public InvalidInputException(String message) {
		super("Invalid input received: " + message);
	}

}
