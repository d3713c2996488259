package dev.novaboot.service.config;

/**
 * How a secret shows in a {@code toString()}: whether it is set, never its value. Records
 * print every component, and a record that reaches a log line, an exception message or a
 * debugger's view must not carry a password, token or key there.
 */
public final class Secrets {

	static final String MASK = "******";

	private Secrets() {
	}

	/** {@code ******} for a secret that is set, {@code null} or empty for one that is not. */
	public static String mask(String secret) {
		if (secret == null) {
			return "null";
		}
		return secret.isEmpty() ? "" : MASK;
	}

}
