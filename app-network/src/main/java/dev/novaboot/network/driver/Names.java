package dev.novaboot.network.driver;

import java.util.regex.Pattern;

/**
 * What may reach a command line as an interface or namespace name.
 */
public final class Names {

	// Linux interface names: at most 15 characters; no '/', whitespace or ':'
	private static final Pattern INTERFACE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,14}");

	private static final Pattern NAMESPACE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,63}");

	private Names() {
	}

	public static boolean isValidInterface(String name) {
		return name != null && INTERFACE.matcher(name).matches();
	}

	public static boolean isValidNamespace(String name) {
		return name != null && NAMESPACE.matcher(name).matches();
	}

}
