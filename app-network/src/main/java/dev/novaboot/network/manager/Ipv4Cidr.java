package dev.novaboot.network.manager;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An IPv4 network such as {@code 10.0.0.0/24}: its network, broadcast and host addresses.
 *
 * @param network the network address (host bits zero)
 * @param prefixLength the number of network bits, 0 to 32
 */
public record Ipv4Cidr(long network, int prefixLength) {

	private static final Pattern CIDR = Pattern.compile("([0-9.]+)/([0-9]{1,2})");

	public Ipv4Cidr {
		if (prefixLength < 0 || prefixLength > 32) {
			throw new IllegalArgumentException("Prefix length " + prefixLength + " is not between 0 and 32");
		}
		if ((network & ~mask(prefixLength)) != 0) {
			throw new IllegalArgumentException("Host bits of " + Ipv4.format(network) + "/" + prefixLength + " are set");
		}
	}

	/**
	 * Parses {@code a.b.c.d/n}; host bits must be zero, as Neutron requires ("'10.0.0.1/24'
	 * isn't a recognized IP subnet cidr, '10.0.0.0/24' is recommended").
	 */
	public static Ipv4Cidr parse(String cidr) {
		Matcher matcher = (cidr != null) ? CIDR.matcher(cidr) : null;
		if (matcher == null || !matcher.matches() || !Ipv4.isValid(matcher.group(1))) {
			throw new IllegalArgumentException("'" + cidr + "' is not a valid IPv4 CIDR");
		}
		long address = Ipv4.parse(matcher.group(1));
		int prefix = Integer.parseInt(matcher.group(2));
		if (prefix > 32) {
			throw new IllegalArgumentException("'" + cidr + "' is not a valid IPv4 CIDR");
		}
		if ((address & ~mask(prefix)) != 0) {
			throw new IllegalArgumentException("'" + cidr + "' isn't a recognized IP subnet cidr, '"
					+ Ipv4.format(address & mask(prefix)) + "/" + prefix + "' is recommended");
		}
		return new Ipv4Cidr(address, prefix);
	}

	private static long mask(int prefixLength) {
		return (prefixLength == 0) ? 0 : (0xffffffffL << (32 - prefixLength)) & 0xffffffffL;
	}

	public long size() {
		return 1L << (32 - this.prefixLength);
	}

	public long broadcast() {
		return this.network + size() - 1;
	}

	/** The first address given to hosts: the one after the network address (itself for /31 and /32). */
	public long firstHost() {
		return (this.prefixLength >= 31) ? this.network : this.network + 1;
	}

	/** The last address given to hosts: the one before the broadcast address. */
	public long lastHost() {
		return (this.prefixLength >= 31) ? broadcast() : broadcast() - 1;
	}

	public boolean contains(long address) {
		return address >= this.network && address <= broadcast();
	}

	public boolean overlaps(Ipv4Cidr other) {
		return this.network <= other.broadcast() && other.network <= broadcast();
	}

	public String netmask() {
		return Ipv4.format(mask(this.prefixLength));
	}

	/** The {@code n}-th network of size {@code 2^(32-prefixLength)} inside this one. */
	public Ipv4Cidr subnet(int prefixLength, long index) {
		Ipv4Cidr first = new Ipv4Cidr(this.network, prefixLength);
		long start = this.network + index * first.size();
		Ipv4Cidr result = new Ipv4Cidr(start, prefixLength);
		if (prefixLength < this.prefixLength || result.broadcast() > broadcast()) {
			throw new IllegalArgumentException(this + " has no subnet /" + prefixLength + " number " + index);
		}
		return result;
	}

	@Override
	public String toString() {
		return Ipv4.format(this.network) + "/" + this.prefixLength;
	}

}
