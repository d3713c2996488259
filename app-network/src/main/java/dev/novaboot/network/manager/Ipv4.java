package dev.novaboot.network.manager;

import java.util.regex.Pattern;

/**
 * Dotted-quad IPv4 addresses as unsigned 32-bit values, parsed strictly: four decimal
 * octets, no leading zeros, nothing else (so nothing odd reaches a command line).
 */
public final class Ipv4 {

	private static final Pattern DOTTED_QUAD = Pattern
		.compile("(0|[1-9][0-9]{0,2})\\.(0|[1-9][0-9]{0,2})\\.(0|[1-9][0-9]{0,2})\\.(0|[1-9][0-9]{0,2})");

	private Ipv4() {
	}

	public static boolean isValid(String address) {
		if (address == null || !DOTTED_QUAD.matcher(address).matches()) {
			return false;
		}
		for (String octet : address.split("\\.")) {
			if (Integer.parseInt(octet) > 255) {
				return false;
			}
		}
		return true;
	}

	/** The address as a value in {@code [0, 2^32)}; {@link IllegalArgumentException} if invalid. */
	public static long parse(String address) {
		if (!isValid(address)) {
			throw new IllegalArgumentException("'" + address + "' is not a valid IPv4 address");
		}
		long value = 0;
		for (String octet : address.split("\\.")) {
			value = (value << 8) | Integer.parseInt(octet);
		}
		return value;
	}

	public static String format(long value) {
		return ((value >> 24) & 0xff) + "." + ((value >> 16) & 0xff) + "." + ((value >> 8) & 0xff) + "."
				+ (value & 0xff);
	}

}
