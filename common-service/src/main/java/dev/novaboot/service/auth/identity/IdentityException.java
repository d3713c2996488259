package dev.novaboot.service.auth.identity;

import org.springframework.http.HttpStatus;

/**
 * A refused identity request, answered in Keystone's error shape with this status and
 * message.
 */
public class IdentityException extends RuntimeException {

	private final HttpStatus status;

	IdentityException(HttpStatus status, String message) {
		super(message);
		this.status = status;
	}

	public HttpStatus getStatus() {
		return this.status;
	}

	static IdentityException badRequest(String message) {
		return new IdentityException(HttpStatus.BAD_REQUEST, message);
	}

	static IdentityException unauthorized(String message) {
		return new IdentityException(HttpStatus.UNAUTHORIZED, message);
	}

	static IdentityException notFound(String message) {
		return new IdentityException(HttpStatus.NOT_FOUND, message);
	}

	static IdentityException conflict(String message) {
		return new IdentityException(HttpStatus.CONFLICT, message);
	}

}
