package dev.novaboot.service.rpc.http;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Says how to provide the RPC secret instead of showing a bean creation stack trace.
 */
class MissingRpcSecretFailureAnalyzer extends AbstractFailureAnalyzer<MissingRpcSecretException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, MissingRpcSecretException cause) {
		return new FailureAnalysis(cause.getMessage() + ".",
				"Give every service of the suite the same secret of at least " + MissingRpcSecretException.MINIMUM_LENGTH
						+ " characters, for example NOVA_RPC_SECRET=$(cat var/rpc-secret) in the environment or"
						+ " --nova.rpc.secret=... on the command line. On its embedded database the suite makes one itself"
						+ " (var/rpc-secret); on an external database set nova.secrets.generate=true to have it made"
						+ " into nova.secrets.directory, then copy that file to the other hosts."
						+ " Or use nova.rpc.transport=amqp, which relies on the broker's authentication.",
				cause);
	}

}
