package dev.novaboot.network.manager;

import java.security.SecureRandom;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * MAC addresses for new ports: Neutron's default base {@code fa:16:3e}, locally
 * administered, with three random octets; uniqueness is up to the caller (the ports
 * table's unique key).
 */
public final class MacAddresses {

	private static final Pattern MAC = Pattern.compile("([0-9a-fA-F]{2}:){5}[0-9a-fA-F]{2}");

	private final SecureRandom random = new SecureRandom();

	public String next() {
		return String.format(Locale.ROOT, "fa:16:3e:%02x:%02x:%02x", this.random.nextInt(256), this.random.nextInt(256),
				this.random.nextInt(256));
	}

	/** A unicast MAC address in the usual colon notation (multicast addresses are refused). */
	public static boolean isValid(String mac) {
		return mac != null && MAC.matcher(mac).matches() && (Integer.parseInt(mac.substring(0, 2), 16) & 1) == 0
				&& !mac.equals("00:00:00:00:00:00");
	}

}
