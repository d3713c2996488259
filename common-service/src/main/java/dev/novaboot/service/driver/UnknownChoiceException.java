package dev.novaboot.service.driver;

import java.util.List;

/**
 * A property that chooses a driver, manager strategy or transport names none of them.
 */
public class UnknownChoiceException extends RuntimeException {

	private final String property;

	private final String value;

	private final List<String> choices;

	public UnknownChoiceException(String property, String value, List<String> choices, String kind) {
		super("Property '" + property + "' has the value '" + value + "', which names no " + kind
				+ ". Valid values: " + String.join(", ", choices) + ".");
		this.property = property;
		this.value = value;
		this.choices = List.copyOf(choices);
	}

	public String getProperty() {
		return this.property;
	}

	public String getValue() {
		return this.value;
	}

	public List<String> getChoices() {
		return this.choices;
	}

}
