package dev.novaboot.service.driver;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Reports a bad driver, manager strategy or transport property as what it is: the
 * property, the bad value and the valid values.
 */
class UnknownChoiceFailureAnalyzer extends AbstractFailureAnalyzer<UnknownChoiceException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, UnknownChoiceException cause) {
		String choices = String.join(", ", cause.getChoices());
		return new FailureAnalysis(cause.getMessage(),
				"Set " + cause.getProperty() + " to one of: " + choices + " (or remove it to get the default).", cause);
	}

}
