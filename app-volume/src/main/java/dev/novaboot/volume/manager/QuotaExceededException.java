package dev.novaboot.volume.manager;

/**
 * A request would take a project over one of its quotas (Cinder's {@code QuotaError}
 * family, a 413 with {@code Retry-After: 0}); the message is Cinder's.
 */
public class QuotaExceededException extends RuntimeException {

	public QuotaExceededException(String message) {
		super(message);
	}

}
