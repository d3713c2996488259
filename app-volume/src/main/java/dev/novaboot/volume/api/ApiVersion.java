package dev.novaboot.volume.api;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Block Storage API microversion, {@code 3.x}, as Cinder's
 * {@code api_version_request.APIVersionRequest} reads and compares it.
 *
 * @param major the major version
 * @param minor the minor version
 */
record ApiVersion(int major, int minor) implements Comparable<ApiVersion> {

	/** The oldest microversion served: 3.0 is the v2 API under {@code /v3}. */
	static final ApiVersion MIN = new ApiVersion(3, 0);

	/**
	 * The newest microversion served. 3.1 changes only {@code os-volume_upload_image},
	 * which this service does not offer at any version; 3.2 makes the volume list's
	 * {@code bootable} filter strict. 3.3 adds the messages API, which this service does
	 * not have, so the claim stops below it (docs/volume.md lists the table).
	 */
	static final ApiVersion MAX = new ApiVersion(3, 2);

	/** 3.2: the volume list's {@code bootable} filter takes only true/false words ({@code VOLUME_LIST_BOOTABLE}). */
	static final ApiVersion VOLUME_LIST_BOOTABLE = new ApiVersion(3, 2);

	// Cinder's pattern: no leading zeros, major from 1
	private static final Pattern FORM = Pattern.compile("([1-9][0-9]{0,8})\\.([1-9][0-9]{0,8}|0)");

	/** The version {@code text} names, or {@code null} when it is not of the form {@code Major.Minor}. */
	static ApiVersion parse(String text) {
		Matcher matcher = FORM.matcher(text);
		if (!matcher.matches()) {
			return null;
		}
		return new ApiVersion(Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2)));
	}

	boolean atLeast(ApiVersion other) {
		return compareTo(other) >= 0;
	}

	boolean isServed() {
		return atLeast(MIN) && MAX.atLeast(this);
	}

	@Override
	public int compareTo(ApiVersion other) {
		return (this.major != other.major) ? Integer.compare(this.major, other.major)
				: Integer.compare(this.minor, other.minor);
	}

	@Override
	public String toString() {
		return this.major + "." + this.minor;
	}

}
