package dev.novaboot.compute.api;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import dev.novaboot.service.api.Microversion;
import dev.novaboot.service.context.RequestContext;
import dev.novaboot.service.testsupport.StatementCounter;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.LinkedMultiValueMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A page of {@code GET /v2.1/servers/detail} costs the same number of SQL statements
 * whether it holds 10 servers or 100: what each row shows besides itself (tags, metadata,
 * volume attachments, its host's status) is read for the whole page at once. The servers
 * have all of these, on ten hosts. A database of its own.
 */
@SpringBootTest(properties = { "spring.datasource.url=jdbc:h2:mem:nova-compute-list-statements;DB_CLOSE_DELAY=-1",
		"nova.host=list-count-host" })
@Import(StatementCounter.Configuration.class)
class ServerListStatementCountTests {

	private static final RequestContext ADMIN = new RequestContext("req-count", "admin", "admin", Set.of("admin"));

	// host_status (2.16), tags (2.26), the flavor's name and extra specs (2.47)
	private static final Microversion LATEST_SHOWN = new Microversion(2, 90);

	@Autowired
	StatementCounter counter;

	@Autowired
	ServersController servers;

	@Autowired
	JdbcTemplate jdbc;

	@BeforeEach
	void hundredServersWithEverythingShown() {
		if (this.jdbc.queryForObject("SELECT COUNT(*) FROM instances", Integer.class) > 0) {
			return;
		}
		Instant now = Instant.now();
		for (int host = 0; host < 10; host++) {
			this.jdbc.update("INSERT INTO services (uuid, host, \"binary\", topic, zone, report_count, disabled, "
					+ "forced_down, version, last_seen_up, created_at, deleted) "
					+ "VALUES (?, ?, 'nova-compute', 'compute', 'nova', 1, FALSE, FALSE, 1, ?, ?, 0)",
					UUID.randomUUID().toString(), "list-host-" + host, Timestamp.from(now), Timestamp.from(now));
		}
		for (int i = 0; i < 100; i++) {
			String uuid = UUID.randomUUID().toString();
			Timestamp created = Timestamp.from(now.minusSeconds(i));
			this.jdbc.update("INSERT INTO instances (uuid, name, project_id, user_id, host, flavor_id, flavor_name, "
					+ "vcpus, memory_mb, root_gb, image_ref, vm_state, power_state, created_at, updated_at, deleted) "
					+ "VALUES (?, ?, 'p1', 'u1', ?, '1', 'm1.tiny', 1, 512, 1, 'image', 'active', 'running', ?, ?, 0)",
					uuid, "server-" + i, "list-host-" + (i % 10), created, created);
			this.jdbc.update("INSERT INTO instance_tags (instance_uuid, tag) VALUES (?, 'tagged')", uuid);
			this.jdbc.update("INSERT INTO instance_metadata (instance_uuid, meta_key, meta_value) VALUES (?, 'k', 'v')",
					uuid);
			this.jdbc.update("INSERT INTO volume_attachments (instance_uuid, volume_id, device, created_at) "
					+ "VALUES (?, ?, '/dev/vdb', ?)", uuid, UUID.randomUUID().toString(), created);
		}
	}

	@Test
	void aPageOfTenAndAPageOfAHundredCostTheSameStatements() {
		int ten = statementsForAPageOf(10);
		int hundred = statementsForAPageOf(100);

		assertThat(hundred).isEqualTo(ten);
	}

	@SuppressWarnings("unchecked")
	private int statementsForAPageOf(int limit) {
		LinkedMultiValueMap<String, String> query = new LinkedMultiValueMap<>();
		query.add("all_tenants", "1");
		query.add("limit", Integer.toString(limit));
		StatementCounter.Counted<Map<String, Object>> page = this.counter
			.counted(() -> this.servers.detail(ADMIN, query, LATEST_SHOWN));
		List<Map<String, Object>> shown = (List<Map<String, Object>>) page.result().get("servers");
		assertThat(shown).hasSize(limit)
			.allSatisfy((server) -> assertThat(server).containsEntry("host_status", "UP")
				.containsEntry("tags", List.of("tagged"))
				.containsEntry("metadata", Map.of("k", "v"))
				.extractingByKey("os-extended-volumes:volumes_attached")
				.asList()
				.hasSize(1));
		return page.statements();
	}

}
