package dev.novaboot.service.api;

/**
 * The request is malformed or asks for something the API does not allow; answered with
 * 400 and this message.
 */
public class BadRequestException extends RuntimeException {

	public BadRequestException(String message) {
		super(message);
	}

}
