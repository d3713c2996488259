package dev.novaboot.service.auth.token;

/**
 * The token strategy has no usable signing key: start-up stops rather than run with a
 * key that is in the repository or that the other apps of the suite do not share.
 */
public class MissingTokenKeyException extends RuntimeException {

	MissingTokenKeyException(String message) {
		super(message);
	}

}
