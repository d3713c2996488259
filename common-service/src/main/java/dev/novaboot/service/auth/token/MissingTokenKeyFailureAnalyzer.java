package dev.novaboot.service.auth.token;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Says which property to set, and how to make a key, when the token key is missing or
 * too short.
 */
class MissingTokenKeyFailureAnalyzer extends AbstractFailureAnalyzer<MissingTokenKeyException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, MissingTokenKeyException cause) {
		return new FailureAnalysis(cause.getMessage(),
				"Set nova.auth.token-key (for example NOVA_AUTH_TOKEN_KEY=$(openssl rand -base64 48)) to the same "
						+ "secret on every app of the suite. On its embedded database the suite makes one itself (var/token-key); "
						+ "on an external database set nova.secrets.generate=true to have it made into "
						+ "nova.secrets.directory, then copy that file to the other hosts. "
						+ "Or, for development only, set nova.auth.strategy=noauth.",
				cause);
	}

}
