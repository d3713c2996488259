package dev.novaboot.service.driver;

import java.util.Arrays;
import java.util.Locale;

import org.springframework.beans.factory.NoSuchBeanDefinitionException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;

/**
 * Explains a missing driver, manager strategy or transport bean whose interface is
 * {@link SelectedBy @SelectedBy} a property: "{@code nova.volume.driver} is 'bogus'; valid
 * values: file, lvm, fake" instead of a stack trace about an unsatisfied dependency.
 */
class UnknownChoiceFailureAnalyzer extends AbstractFailureAnalyzer<NoSuchBeanDefinitionException> implements Ordered {

	private final Environment environment;

	UnknownChoiceFailureAnalyzer(Environment environment) {
		this.environment = environment;
	}

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, NoSuchBeanDefinitionException cause) {
		Class<?> type = (cause.getResolvableType() != null) ? cause.getResolvableType().resolve() : cause.getBeanType();
		SelectedBy selectedBy = (type != null) ? type.getAnnotation(SelectedBy.class) : null;
		if (selectedBy == null) {
			return null;
		}
		String value = this.environment.getProperty(selectedBy.property());
		if (value == null || isChoice(selectedBy, value)) {
			// not a bad value: some other reason, for another analyzer to report
			return null;
		}
		String choices = String.join(", ", selectedBy.choices());
		return new FailureAnalysis(
				"Property '" + selectedBy.property() + "' has the value '" + value + "', which names no "
						+ type.getSimpleName() + ". Valid values: " + choices + ".",
				"Set " + selectedBy.property() + " to one of: " + choices
						+ " (or remove it to get the default).",
				cause);
	}

	@Override
	public int getOrder() {
		// ahead of Boot's generic "no such bean" analysis, which would hide the property
		return Ordered.HIGHEST_PRECEDENCE;
	}

	private static boolean isChoice(SelectedBy selectedBy, String value) {
		return Arrays.stream(selectedBy.choices())
			.anyMatch((choice) -> choice.toLowerCase(Locale.ROOT).equals(value.trim().toLowerCase(Locale.ROOT)));
	}

}
