package dev.novaboot.compute.api;

/**
 * The caller's roles do not allow the operation (Nova's policy refusal, 403
 * {@code forbidden}): admin-only operations asked by a member.
 */
class PolicyForbiddenException extends RuntimeException {

	PolicyForbiddenException(String rule) {
		super("Policy doesn't allow " + rule + " to be performed.");
	}

	private PolicyForbiddenException(String message, boolean verbatim) {
		super(message);
	}

	/** A 403 in the words Nova's controller chose rather than its policy's. */
	static PolicyForbiddenException because(String message) {
		return new PolicyForbiddenException(message, true);
	}

}
