package dev.novaboot.service.api;

/**
 * The rule Nova ({@code parameter_types.valid_name_regex}) and Neutron
 * ({@code validators.valid_name_regex}) apply to names: printable characters only (no
 * control, format, private-use or unassigned characters, no line or paragraph
 * separators), and no space at either end. Both build their character class from the
 * Basic Multilingual Plane only, so a character beyond it (an emoji) is refused there and
 * here alike. The empty string passes; whether a name may be empty is up to the caller.
 */
public final class Names {

	/** Nova's words for the rule, which its API puts in the message. */
	public static final String RULE = "printable characters. Can not start or end with whitespace.";

	private Names() {
	}

	public static boolean isValid(String name) {
		if (name == null) {
			return false;
		}
		if (name.isEmpty()) {
			return true;
		}
		return name.codePoints().allMatch(Names::printable)
				&& !Character.isSpaceChar(name.codePointAt(0))
				&& !Character.isSpaceChar(name.codePointBefore(name.length()));
	}

	// Python's unicodedata: neither "C*" nor a "Z*" other than "Zs", and within U+0000-U+FFFE
	private static boolean printable(int codePoint) {
		if (codePoint >= 0xFFFF) {
			return false;
		}
		return switch (Character.getType(codePoint)) {
			case Character.CONTROL, Character.FORMAT, Character.SURROGATE, Character.PRIVATE_USE, Character.UNASSIGNED,
					Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR ->
				false;
			default -> true;
		};
	}

}
