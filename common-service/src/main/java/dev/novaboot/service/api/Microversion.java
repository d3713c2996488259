package dev.novaboot.service.api;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An OpenStack API microversion (Nova's {@code 2.53}, Cinder's {@code 3.2}), as their
 * {@code APIVersionRequest}: a major and a minor number, ordered numerically, written
 * without leading zeros. The one a request negotiated (each API's filter negotiates its
 * own) is a request attribute that controllers take as a parameter, so that a controller
 * or a view asks {@code version.isAtLeast(2, 53)} where Nova asks
 * {@code api_version_request.is_supported(req, '2.53')}.
 *
 * @param major the major number ({@code 2})
 * @param minor the minor number
 */
public record Microversion(int major, int minor) implements Comparable<Microversion> {

	/** The request attribute under which the negotiated version is kept. */
	public static final String ATTRIBUTE = Microversion.class.getName();

	// Nova's form: no leading zeros, no sign, no blanks
	private static final Pattern FORM = Pattern.compile("([1-9]\\d{0,8})\\.([1-9]\\d{0,8}|0)");

	/**
	 * Reads {@code text} in Nova's form; {@link IllegalArgumentException} if it is not.
	 * Numbers of more than nine digits are refused here too: no API will reach them.
	 */
	public static Microversion parse(String text) {
		Matcher matcher = (text != null) ? FORM.matcher(text) : null;
		if (matcher == null || !matcher.matches()) {
			throw new IllegalArgumentException("not a microversion: " + text);
		}
		return new Microversion(Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2)));
	}

	public boolean isAtLeast(int major, int minor) {
		return isAtLeast(new Microversion(major, minor));
	}

	public boolean isAtLeast(Microversion other) {
		return compareTo(other) >= 0;
	}

	@Override
	public int compareTo(Microversion other) {
		return (this.major != other.major) ? Integer.compare(this.major, other.major)
				: Integer.compare(this.minor, other.minor);
	}

	@Override
	public String toString() {
		return this.major + "." + this.minor;
	}

}
