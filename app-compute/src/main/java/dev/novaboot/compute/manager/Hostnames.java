package dev.novaboot.compute.manager;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The hostname Nova gives a new server from its name ({@code utils.sanitize_hostname}):
 * Latin-1 only, at most 63 characters, blanks, underscores and dots made dashes, nothing
 * but word characters, dots and dashes, lower case, no dot or dash at either end;
 * {@code Server-<uuid>} when nothing is left.
 */
final class Hostnames {

	private static final int MAX_LENGTH = 63;

	private static final Pattern SEPARATORS = Pattern.compile("[ _.]");

	private static final Pattern NOT_ALLOWED = Pattern.compile("[^\\w.-]+", Pattern.UNICODE_CHARACTER_CLASS);

	private static final Pattern ENDS = Pattern.compile("^[.-]+|[.-]+$");

	private Hostnames() {
	}

	static String of(String name, String uuid) {
		StringBuilder latin1 = new StringBuilder();
		name.codePoints().filter((codePoint) -> codePoint <= 0xFF).forEach(latin1::appendCodePoint);
		String hostname = latin1.toString();
		hostname = hostname.substring(0, Math.min(hostname.length(), MAX_LENGTH));
		hostname = SEPARATORS.matcher(hostname).replaceAll("-");
		hostname = NOT_ALLOWED.matcher(hostname).replaceAll("");
		hostname = hostname.toLowerCase(Locale.ROOT);
		hostname = ENDS.matcher(hostname).replaceAll("");
		if (hostname.isEmpty()) {
			String fallback = "Server-" + uuid;
			return fallback.substring(0, Math.min(fallback.length(), MAX_LENGTH));
		}
		return hostname;
	}

}
