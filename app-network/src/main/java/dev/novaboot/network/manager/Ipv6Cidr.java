package dev.novaboot.network.manager;

import java.math.BigInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An IPv6 network such as {@code fd00:1::/64}.
 *
 * @param network the network address (host bits zero)
 * @param prefixLength the number of network bits, 0 to 128
 */
public record Ipv6Cidr(BigInteger network, int prefixLength) {

	private static final Pattern CIDR = Pattern.compile("([0-9A-Fa-f:.]+)/([0-9]{1,3})");

	public Ipv6Cidr {
		if (prefixLength < 0 || prefixLength > 128) {
			throw new IllegalArgumentException("Prefix length " + prefixLength + " is not between 0 and 128");
		}
		if (!network.and(hostMask(prefixLength)).equals(BigInteger.ZERO)) {
			throw new IllegalArgumentException("Host bits of " + Ipv6.format(network) + "/" + prefixLength + " are set");
		}
	}

	/** Parses {@code address/n}; host bits must be zero, as Neutron requires. */
	public static Ipv6Cidr parse(String cidr) {
		Matcher matcher = (cidr != null) ? CIDR.matcher(cidr) : null;
		if (matcher == null || !matcher.matches() || !Ipv6.isValid(matcher.group(1))
				|| Integer.parseInt(matcher.group(2)) > 128) {
			throw new IllegalArgumentException("'" + cidr + "' is not a valid IPv6 CIDR");
		}
		BigInteger address = Ipv6.parse(matcher.group(1));
		int prefix = Integer.parseInt(matcher.group(2));
		BigInteger network = address.andNot(hostMask(prefix));
		if (!network.equals(address)) {
			throw new IllegalArgumentException("'" + cidr + "' isn't a recognized IP subnet cidr, '"
					+ Ipv6.format(network) + "/" + prefix + "' is recommended");
		}
		return new Ipv6Cidr(address, prefix);
	}

	private static BigInteger hostMask(int prefixLength) {
		return BigInteger.ONE.shiftLeft(128 - prefixLength).subtract(BigInteger.ONE);
	}

	/** The last address of the network (IPv6 has no broadcast address). */
	public BigInteger last() {
		return this.network.or(hostMask(this.prefixLength));
	}

	public boolean contains(BigInteger address) {
		return address.compareTo(this.network) >= 0 && address.compareTo(last()) <= 0;
	}

	public boolean overlaps(Ipv6Cidr other) {
		return contains(other.network) || other.contains(this.network);
	}

	/**
	 * An address's place in the network, as the signed 64-bit value of its host part that
	 * {@code fixed_ips.address_value} holds (a network is at least a /64 here).
	 */
	public long offset(BigInteger address) {
		return address.subtract(this.network).longValue();
	}

	/** The address at {@code offset} (read as unsigned) in the network. */
	public BigInteger at(long offset) {
		return this.network.add(new BigInteger(Long.toUnsignedString(offset)));
	}

	@Override
	public String toString() {
		return Ipv6.format(this.network) + "/" + this.prefixLength;
	}

}
