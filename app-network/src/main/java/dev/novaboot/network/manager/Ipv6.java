package dev.novaboot.network.manager;

import java.math.BigInteger;
import java.util.Locale;

/**
 * IPv6 addresses as unsigned 128-bit values, parsed strictly (hex groups with at most one
 * {@code ::}, an optional dotted-quad tail; no zone, no prefix) and written in the
 * canonical form of RFC 5952 (lower case, the longest run of zero groups as {@code ::}),
 * which is also how netaddr, and so Neutron, shows them. Stored addresses are always
 * canonical, so that the unique key on {@code (network_id, address)} sees one spelling.
 */
public final class Ipv6 {

	static final BigInteger MAX = BigInteger.ONE.shiftLeft(128).subtract(BigInteger.ONE);

	private Ipv6() {
	}

	public static boolean isValid(String address) {
		try {
			parse(address);
			return true;
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
	}

	/** The address as a value in {@code [0, 2^128)}; {@link IllegalArgumentException} if invalid. */
	public static BigInteger parse(String address) {
		if (address == null || address.isEmpty() || address.length() > 45 || !address.contains(":")) {
			throw invalid(address);
		}
		String text = address;
		int[] tail = null;
		int lastColon = text.lastIndexOf(':');
		if (text.indexOf('.', lastColon) >= 0) {
			String quad = text.substring(lastColon + 1);
			if (!Ipv4.isValid(quad)) {
				throw invalid(address);
			}
			long value = Ipv4.parse(quad);
			tail = new int[] { (int) (value >>> 16), (int) (value & 0xffff) };
			text = text.substring(0, lastColon + 1) + "0:0";
		}
		int gap = text.indexOf("::");
		if (gap >= 0 && text.indexOf("::", gap + 1) >= 0) {
			throw invalid(address);
		}
		String[] head = (gap >= 0) ? groups(text.substring(0, gap), address) : groups(text, address);
		String[] rest = (gap >= 0) ? groups(text.substring(gap + 2), address) : new String[0];
		int count = head.length + rest.length;
		if ((gap < 0 && count != 8) || (gap >= 0 && count > 7)) {
			throw invalid(address);
		}
		int[] words = new int[8];
		for (int i = 0; i < head.length; i++) {
			words[i] = word(head[i], address);
		}
		for (int i = 0; i < rest.length; i++) {
			words[8 - rest.length + i] = word(rest[i], address);
		}
		if (tail != null) {
			words[6] = tail[0];
			words[7] = tail[1];
		}
		BigInteger value = BigInteger.ZERO;
		for (int word : words) {
			value = value.shiftLeft(16).or(BigInteger.valueOf(word));
		}
		return value;
	}

	private static String[] groups(String text, String address) {
		if (text.isEmpty()) {
			return new String[0];
		}
		if (text.startsWith(":") || text.endsWith(":")) {
			throw invalid(address);
		}
		return text.split(":", -1);
	}

	private static int word(String group, String address) {
		if (group.isEmpty() || group.length() > 4) {
			throw invalid(address);
		}
		for (char c : group.toCharArray()) {
			if (Character.digit(c, 16) < 0) {
				throw invalid(address);
			}
		}
		return Integer.parseInt(group, 16);
	}

	private static IllegalArgumentException invalid(String address) {
		return new IllegalArgumentException("'" + address + "' is not a valid IPv6 address");
	}

	/** The canonical text of an address (RFC 5952). */
	public static String format(BigInteger value) {
		if (value.signum() < 0 || value.compareTo(MAX) > 0) {
			throw new IllegalArgumentException(value + " is not an IPv6 address");
		}
		int[] words = new int[8];
		for (int i = 7; i >= 0; i--) {
			words[i] = value.shiftRight((7 - i) * 16).intValue() & 0xffff;
		}
		// the longest run of two or more zero groups (the first of equal runs) becomes ::
		int bestStart = -1;
		int bestLength = 1;
		for (int i = 0; i < 8;) {
			if (words[i] != 0) {
				i++;
				continue;
			}
			int j = i;
			while (j < 8 && words[j] == 0) {
				j++;
			}
			if (j - i > bestLength) {
				bestStart = i;
				bestLength = j - i;
			}
			i = j;
		}
		StringBuilder text = new StringBuilder();
		for (int i = 0; i < 8; i++) {
			if (i == bestStart) {
				text.append("::");
				i += bestLength - 1;
				continue;
			}
			if (text.length() > 0 && text.charAt(text.length() - 1) != ':') {
				text.append(':');
			}
			text.append(Integer.toHexString(words[i]));
		}
		return text.toString().toLowerCase(Locale.ROOT);
	}

	/** The canonical text of a valid address given in any spelling. */
	public static String canonical(String address) {
		return format(parse(address));
	}

	/**
	 * The modified EUI-64 address of a MAC address on a {@code /64} prefix (RFC 4291
	 * appendix A), as oslo's {@code get_ipv6_addr_by_EUI64}: {@code ff:fe} in the middle of
	 * the MAC address and its universal/local bit flipped.
	 */
	public static BigInteger eui64(Ipv6Cidr prefix, String macAddress) {
		if (!MacAddresses.isValid(macAddress)) {
			throw new IllegalArgumentException("'" + macAddress + "' is not a valid MAC address");
		}
		String[] octets = macAddress.split(":");
		long mac = Long.parseLong(String.join("", octets), 16);
		long upper = mac >>> 24;
		long lower = mac & 0xffffffL;
		long interfaceId = (upper << 40) | (0xfffeL << 24) | lower;
		interfaceId ^= 1L << 57;
		return prefix.network().add(new BigInteger(Long.toUnsignedString(interfaceId)));
	}

}
