package dev.novaboot.network.manager;

import java.math.BigInteger;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * IPv6 addresses are read in every spelling and written in RFC 5952's one, as netaddr
 * writes them; EUI-64 addresses are oslo's {@code get_ipv6_addr_by_EUI64}.
 */
class Ipv6Tests {

	@Test
	void addressesAreWrittenInTheirCanonicalForm() {
		assertThat(Ipv6.canonical("FD00:0001:0000:0000:0000:0000:0000:0001")).isEqualTo("fd00:1::1");
		assertThat(Ipv6.canonical("::")).isEqualTo("::");
		assertThat(Ipv6.canonical("::1")).isEqualTo("::1");
		assertThat(Ipv6.canonical("1::")).isEqualTo("1::");
		// the longest run of zeros is shortened, the first of two equal runs; a single zero is not
		assertThat(Ipv6.canonical("2001:db8:0:0:1:0:0:1")).isEqualTo("2001:db8::1:0:0:1");
		assertThat(Ipv6.canonical("2001:0:0:1:0:0:0:1")).isEqualTo("2001:0:0:1::1");
		assertThat(Ipv6.canonical("2001:db8:0:1:1:1:1:1")).isEqualTo("2001:db8:0:1:1:1:1:1");
		assertThat(Ipv6.canonical("::ffff:192.0.2.1")).isEqualTo("::ffff:c000:201");
	}

	@Test
	void anythingElseIsNoAddress() {
		for (String bad : new String[] { "", "1", "fd00::1::2", "fd00:::1", "1:2:3:4:5:6:7:8:9", "1:2:3:4:5:6:7",
				"g::1", "12345::1", ":1::", "1::2:", "fd00::1/64", "fe80::1%eth0", "::300.1.1.1", "10.0.0.1" }) {
			assertThat(Ipv6.isValid(bad)).as(bad).isFalse();
		}
		assertThatIllegalArgumentException().isThrownBy(() -> Ipv6.parse("fd00::1::2"));
	}

	@Test
	void aCidrMustHaveItsHostBitsZero() {
		Ipv6Cidr cidr = Ipv6Cidr.parse("fd00:1::/64");
		assertThat(cidr.last()).isEqualTo(Ipv6.parse("fd00:1::ffff:ffff:ffff:ffff"));
		assertThat(cidr.overlaps(Ipv6Cidr.parse("fd00:1::/96"))).isTrue();
		assertThat(cidr.overlaps(Ipv6Cidr.parse("fd00:2::/64"))).isFalse();
		assertThatIllegalArgumentException().isThrownBy(() -> Ipv6Cidr.parse("fd00:1::1/64"))
			.withMessageContaining("'fd00:1::/64' is recommended");
		assertThatIllegalArgumentException().isThrownBy(() -> Ipv6Cidr.parse("fd00:1::/129"));
	}

	@Test
	void anAddressHasItsHostPartAsTheStoredOffset() {
		Ipv6Cidr cidr = Ipv6Cidr.parse("fd00:1::/64");
		BigInteger high = Ipv6.parse("fd00:1::ffff:ffff:ffff:fffe");
		assertThat(cidr.offset(high)).isEqualTo(-2L);
		assertThat(cidr.at(-2L)).isEqualTo(high);
		assertThat(cidr.at(cidr.offset(Ipv6.parse("fd00:1::2")))).isEqualTo(Ipv6.parse("fd00:1::2"));
	}

	@Test
	void theEui64AddressFlipsTheUniversalBitAndPutsFffeInTheMiddle() {
		Ipv6Cidr cidr = Ipv6Cidr.parse("2001:db8::/64");
		assertThat(Ipv6.format(Ipv6.eui64(cidr, "00:16:3e:33:44:55"))).isEqualTo("2001:db8::216:3eff:fe33:4455");
		assertThat(Ipv6.format(Ipv6.eui64(cidr, "fa:16:3e:12:34:56"))).isEqualTo("2001:db8::f816:3eff:fe12:3456");
	}

}
