package dev.novaboot.volume.manager;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import dev.novaboot.service.context.RequestContext;
import dev.novaboot.service.testsupport.StatementCounter;
import dev.novaboot.volume.manager.VolumeQueries.VolumeFilter;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A page of the volume list costs the same number of SQL statements whether it holds 10
 * volumes or 100: their metadata and image metadata are read for the whole page at once,
 * not once per volume. Every volume here has both. A database of its own.
 */
@SpringBootTest(properties = "spring.datasource.url=jdbc:h2:mem:nova-volume-list-statements;DB_CLOSE_DELAY=-1")
@Import(StatementCounter.Configuration.class)
class VolumeListStatementCountTests {

	private static final RequestContext ADMIN = new RequestContext("req-count", "admin", "admin", Set.of("admin"));

	@Autowired
	StatementCounter counter;

	@Autowired
	VolumeQueries queries;

	@Autowired
	JdbcTemplate jdbc;

	@BeforeEach
	void hundredVolumesWithMetadata() {
		if (this.jdbc.queryForObject("SELECT COUNT(*) FROM volumes WHERE display_name LIKE 'counted-%'",
				Integer.class) > 0) {
			return;
		}
		Instant now = Instant.now();
		for (int i = 0; i < 100; i++) {
			String id = UUID.randomUUID().toString();
			Timestamp created = Timestamp.from(now.plusSeconds(i));
			this.jdbc.update("INSERT INTO volumes (id, project_id, user_id, host, availability_zone, size_gb, status, "
					+ "display_name, created_at, deleted) VALUES (?, 'p1', 'u1', 'h', 'nova', 1, 'available', ?, ?, 0)",
					id, "counted-" + i, created);
			this.jdbc.update("INSERT INTO volume_metadata (volume_id, meta_key, meta_value) VALUES (?, 'k', 'v')", id);
			this.jdbc.update("INSERT INTO volume_glance_metadata (volume_id, meta_key, meta_value) "
					+ "VALUES (?, 'image_id', 'i')", id);
		}
	}

	@Test
	void aPageOfTenAndAPageOfAHundredCostTheSameStatements() {
		int ten = statementsForAPageOf(10);
		int hundred = statementsForAPageOf(100);

		assertThat(hundred).isEqualTo(ten);
	}

	private int statementsForAPageOf(int limit) {
		StatementCounter.Counted<ListPage<VolumeDetails>> page = this.counter
			.counted(() -> this.queries.listVolumes(ADMIN, true, new VolumeFilter(null, null, null),
					new ListPage.Request(limit, null, List.of())));
		assertThat(page.result().items()).hasSize(limit)
			.allSatisfy((volume) -> assertThat(volume.metadata()).isEqualTo(Map.of("k", "v")))
			.allSatisfy((volume) -> assertThat(volume.imageMetadata()).isEqualTo(Map.of("image_id", "i")));
		return page.statements();
	}

}
