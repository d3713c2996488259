package dev.novaboot.service.manager;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.NestedExceptionUtils;

/**
 * Turns a failed {@link Manager#initHost()} into a start-up report that says which
 * manager failed on which host and why, instead of a lifecycle stack trace.
 */
class ManagerInitializationFailureAnalyzer extends AbstractFailureAnalyzer<ManagerInitializationException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, ManagerInitializationException cause) {
		Throwable reason = NestedExceptionUtils.getMostSpecificCause(cause);
		return new FailureAnalysis(
				"The " + cause.getManagerName() + " could not prepare host " + cause.getHost() + " (initHost): "
						+ reason.getMessage(),
				"Fix the host or the configuration named above, then start the service again.", cause);
	}

}
