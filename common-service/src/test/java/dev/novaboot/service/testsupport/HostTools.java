package dev.novaboot.service.testsupport;

import org.junit.jupiter.api.Assumptions;

import static org.assertj.core.api.Assertions.fail;

/**
 * Preconditions of the drivers' real tests (root, iproute2, iptables, dnsmasq, ...). On a
 * developer's machine without them the test is skipped, saying why; in CI
 * ({@code CI} set, where {@code .ci/run} installs them) a missing tool fails the test, so
 * that a real test never silently turns into a skipped one there.
 */
public final class HostTools {

	private HostTools() {
	}

	public static void require(boolean present, String reason) {
		if (present) {
			return;
		}
		if (System.getenv("CI") != null) {
			fail("CI must provide what this test needs (.ci/run installs it): " + reason);
		}
		Assumptions.abort(reason);
	}

}
