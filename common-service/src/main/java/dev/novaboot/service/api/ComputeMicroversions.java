package dev.novaboot.service.api;

/**
 * The microversions of the Compute API this suite speaks, and how a request's headers
 * choose one, as Nova's {@code Request.set_api_version_request} does with
 * {@code microversion_parse}: the {@code OpenStack-API-Version} header's {@code compute}
 * entry, else the legacy {@code X-OpenStack-Nova-API-Version}; none means 2.1;
 * {@code latest} (exactly so spelled) means the maximum. Every app serves Nova's
 * {@code os-services} under {@code /v2.1}, so the range is the suite's, written once here;
 * {@code docs/compute-microversions.md} lists what each version up to the maximum changes.
 */
public final class ComputeMicroversions {

	public static final Microversion MINIMUM = new Microversion(2, 1);

	public static final Microversion MAXIMUM = new Microversion(2, 53);

	private ComputeMicroversions() {
	}

	/**
	 * The version the headers ask for.
	 * @param standard the {@code OpenStack-API-Version} header, or {@code null}
	 * @param legacy the {@code X-OpenStack-Nova-API-Version} header, or {@code null}
	 * @return the version, possibly out of range
	 * @throws InvalidMicroversionException if the header's version is not of the form
	 * {@code X.Y}
	 */
	public static Microversion requested(String standard, String legacy) {
		String text = fromStandard(standard);
		if (text == null && legacy != null) {
			String[] values = legacy.split(",", -1);
			text = values[values.length - 1].strip();
		}
		if (text == null) {
			return MINIMUM;
		}
		if (text.equals("latest")) {
			return MAXIMUM;
		}
		try {
			return Microversion.parse(text);
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidMicroversionException("API Version String " + text
					+ " is of invalid format. Must be of format MajorNum.MinorNum.");
		}
	}

	public static boolean isSupported(Microversion version) {
		return version.compareTo(MINIMUM) >= 0 && version.compareTo(MAXIMUM) <= 0;
	}

	/** Nova's message for a version outside the range. */
	public static String unsupported(Microversion version) {
		return "Version " + version + " is not supported by the API. Minimum is " + MINIMUM + " and maximum is "
				+ MAXIMUM + ".";
	}

	// the last "compute <version>" entry of a comma-separated list; other services' entries do not count
	private static String fromStandard(String header) {
		if (header == null) {
			return null;
		}
		String[] entries = header.split(",");
		for (int i = entries.length - 1; i >= 0; i--) {
			String[] parts = entries[i].strip().split("\\s+", 2);
			if (parts.length == 2 && parts[0].equalsIgnoreCase("compute")) {
				return parts[1].strip();
			}
		}
		return null;
	}

	/** A version header that is not of the form {@code X.Y}. */
	public static class InvalidMicroversionException extends RuntimeException {

		InvalidMicroversionException(String message) {
			super(message);
		}

	}

}
