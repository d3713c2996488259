package dev.novaboot.service.api;

import java.util.regex.Pattern;

/**
 * The rule Nova ({@code parameter_types.valid_name_regex}) and Neutron
 * ({@code validators.valid_name_regex}) apply to names: printable characters only (no
 * control or format characters, no line or paragraph separators), and no whitespace at
 * either end. The empty string passes; whether a name may be empty is up to the caller.
 */
public final class Names {

	private static final Pattern VALID = Pattern
		.compile("(?![\\p{C}\\p{Z}])[^\\p{C}\\p{Zl}\\p{Zp}]*(?<![\\p{C}\\p{Z}])");

	/** Nova's words for the rule, which its API puts in the message. */
	public static final String RULE = "printable characters. Can not start or end with whitespace.";

	private Names() {
	}

	public static boolean isValid(String name) {
		return name != null && VALID.matcher(name).matches();
	}

}
