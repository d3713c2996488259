package dev.novaboot.compute.api;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;

import dev.novaboot.service.api.BadRequestException;
import dev.novaboot.service.api.Microversion;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The body of {@code os-migrateLive}, Nova's schema by microversion: {@code host},
 * {@code block_migration} and {@code disk_over_commit} required before 2.25;
 * {@code disk_over_commit} gone and {@code block_migration} {@code "auto"} allowed from
 * 2.25; {@code force} from 2.30. Booleans in Nova's spellings, the host an fqdn or null.
 */
class LiveMigrateRequestTests {

	static final Microversion V21 = Microversion.parse("2.1");

	static final Microversion V225 = Microversion.parse("2.25");

	static final Microversion V230 = Microversion.parse("2.30");

	@Test
	void before225AllThreeFieldsAreRequiredAndBooleansMayBeSpelledAsNova() {
		ServerActionRequests.LiveMigrate request = ServerActionRequests
			.migrateLive(body("block_migration", "False", "disk_over_commit", false, "host", null), V21);
		assertThat(request).isEqualTo(new ServerActionRequests.LiveMigrate(null, false, false));
		assertThat(ServerActionRequests
			.migrateLive(body("block_migration", true, "disk_over_commit", "yes", "host", "compute-2"), V21)
			.host()).isEqualTo("compute-2");
		refused(body("block_migration", false, "host", null), V21, "'disk_over_commit' is a required property");
		refused(body("block_migration", false, "disk_over_commit", false), V21, "'host' is a required property");
		refused(body("block_migration", "auto", "disk_over_commit", false, "host", null), V21,
				"Invalid input for field/attribute block_migration. Value: auto. It is not one of the boolean values.");
		refused(body("block_migration", false, "disk_over_commit", false, "host", null, "force", true), V21,
				"('force' was unexpected)");
	}

	@Test
	void from225DiskOverCommitIsGoneAndAutoIsABlockMigrationValue() {
		assertThat(ServerActionRequests.migrateLive(body("block_migration", "auto", "host", null), V225))
			.isEqualTo(new ServerActionRequests.LiveMigrate(null, null, false));
		refused(body("block_migration", "auto", "host", null, "disk_over_commit", false), V225,
				"Additional properties are not allowed ('disk_over_commit' was unexpected)");
		refused(body("host", null), V225, "'block_migration' is a required property");
		refused(body("block_migration", "auto", "host", null, "force", true), V225, "('force' was unexpected)");
	}

	@Test
	void from230ForceMayBeAsked() {
		assertThat(ServerActionRequests.migrateLive(body("block_migration", "auto", "host", "h2", "force", "true"), V230))
			.isEqualTo(new ServerActionRequests.LiveMigrate("h2", null, true));
		refused(body("block_migration", "auto", "host", null, "force", "maybe"), V230,
				"Invalid input for field/attribute force. Value: maybe. It is not one of the boolean values.");
	}

	@Test
	void aBadHostOrBodyIsRefused() {
		refused(body("block_migration", "auto", "host", "bad host!"), V225, "does not match '^[a-zA-Z0-9-._]*$'");
		refused(body("block_migration", "auto", "host", ""), V225, "'' is too short");
		refused(body("block_migration", "auto", "host", "h".repeat(256)), V225, "It is too long");
		refused(body("block_migration", "auto", "host", 7), V225, "It is not of type 'string', 'null'.");
		refused(null, V225, "It is not of type 'object'.");
		refused("now", V225, "It is not of type 'object'.");
	}

	private static Map<String, Object> body(Object... pairs) {
		Map<String, Object> body = new HashMap<>();
		for (int i = 0; i < pairs.length; i += 2) {
			body.put((String) pairs[i], pairs[i + 1]);
		}
		return Collections.unmodifiableMap(body);
	}

	private static void refused(Object body, Microversion version, String message) {
		assertThatThrownBy(() -> ServerActionRequests.migrateLive(body, version))
			.isInstanceOf(BadRequestException.class)
			.hasMessageContaining(message);
	}

}
