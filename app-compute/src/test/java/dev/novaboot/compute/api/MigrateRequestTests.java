package dev.novaboot.compute.api;

import java.util.Map;

import dev.novaboot.service.api.BadRequestException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The body of {@code migrate}: not looked at before 2.56 (the scheduler picks), from 2.56
 * Nova's schema ({@code null} or an object with only {@code host}, a host name of Nova's
 * {@code fqdn} type, or {@code null}).
 */
class MigrateRequestTests {

	@Test
	void before256TheBodyIsNotLookedAt() {
		assertThat(ServerActionRequests.migrateHost(Map.of("host", "bad host!", "x", 1), false)).isNull();
		assertThat(ServerActionRequests.migrateHost("now", false)).isNull();
	}

	@Test
	void from256AHostMayBeAsked() {
		assertThat(ServerActionRequests.migrateHost(null, true)).isNull();
		assertThat(ServerActionRequests.migrateHost(Map.of(), true)).isNull();
		assertThat(ServerActionRequests.migrateHost(java.util.Collections.singletonMap("host", null), true)).isNull();
		assertThat(ServerActionRequests.migrateHost(Map.of("host", "compute-2.example_net"), true))
			.isEqualTo("compute-2.example_net");
	}

	@Test
	void from256BadBodiesAreRefused() {
		refused(Map.of("hots", "x"), "Additional properties are not allowed ('hots' was unexpected)");
		refused(Map.of("host", "bad host!"), "does not match '^[a-zA-Z0-9-._]*$'");
		refused(Map.of("host", ""), "'' is too short");
		refused(Map.of("host", "h".repeat(256)), "It is too long");
		refused(Map.of("host", 7), "It is not of type 'string', 'null'.");
		refused("now", "It is not of type 'object', 'null'.");
	}

	private static void refused(Object body, String message) {
		assertThatThrownBy(() -> ServerActionRequests.migrateHost(body, true)).isInstanceOf(BadRequestException.class)
			.hasMessageContaining(message);
	}

}
