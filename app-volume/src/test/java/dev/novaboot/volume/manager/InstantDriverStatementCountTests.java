package dev.novaboot.volume.manager;

import java.util.Map;
import java.util.Set;
import java.util.UUID;

import dev.novaboot.service.context.RequestContext;
import dev.novaboot.service.rpc.api.VolumeCreate;
import dev.novaboot.service.rpc.api.VolumeInfo;
import dev.novaboot.service.rpc.api.VolumeRpcApi.VolumeRef;
import dev.novaboot.service.testsupport.StatementCounter;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A volume is read in one statement, with its type and both metadata maps, however much
 * metadata it has; the fake driver (an instant one) has its volume inserted
 * {@code available} without a second write, and deleted in the transaction that reads it,
 * without reading it again. A database of its own.
 */
@SpringBootTest(properties = "spring.datasource.url=jdbc:h2:mem:nova-volume-delete-statements;DB_CLOSE_DELAY=-1")
@Import(StatementCounter.Configuration.class)
class InstantDriverStatementCountTests {

	private static final RequestContext CAROL = new RequestContext("req-count", "carol", "project-c",
			Set.of("member"));

	@Autowired
	StatementCounter counter;

	@Autowired
	VolumeManager manager;

	@Autowired
	VolumeQueries queries;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void aVolumeWithMetadataAndImageMetadataIsReadInOneStatement() {
		VolumeInfo volume = withMetadata();

		StatementCounter.Counted<VolumeDetails> read = this.counter
			.counted(() -> VolumeInfos.details(this.queries.visibleVolume(CAROL, volume.id())));

		assertThat(read.result().metadata()).containsEntry("a", "1").containsEntry("b", "2");
		assertThat(read.result().imageMetadata()).containsEntry("image_id", "i").containsEntry("image_name", "n");
		assertThat(read.statements()).isEqualTo(1);
	}

	@Test
	void anInstantDriversCreateInsertsTheVolumeAvailableWithoutAnUpdate() {
		// the project's quota row exists from then on
		this.manager.createVolume(CAROL, new VolumeCreate(UUID.randomUUID().toString(), 1, "first", null, null, null));

		StatementCounter.Counted<VolumeInfo> created = this.counter.counted(() -> this.manager.createVolume(CAROL,
				new VolumeCreate(UUID.randomUUID().toString(), 1, "counted", null, null, null)));

		assertThat(created.result().status()).isEqualTo("available");
		// the id's check, the database clock, the quota (the project's lock, its limits, the
		// type names, its usage) and the insert: no update after it (8 statements before)
		assertThat(created.statements()).isEqualTo(7);
	}

	@Test
	void anInstantDriversDeleteReadsTheVolumeOnceAndWritesItInOneTransaction() {
		VolumeInfo volume = withMetadata();

		int statements = this.counter.statements(() -> this.manager.deleteVolume(CAROL, new VolumeRef(volume.id())));

		// the database clock, the volume (one read), its live snapshots, deleting, deleted:
		// no second transaction with its own read and clock (10 statements before)
		assertThat(statements).isEqualTo(5);
		assertThat(this.jdbc.queryForObject("SELECT status FROM volumes WHERE id = ?", String.class, volume.id()))
			.isEqualTo("deleted");
	}

	private VolumeInfo withMetadata() {
		VolumeInfo volume = this.manager.createVolume(CAROL, new VolumeCreate(UUID.randomUUID().toString(), 1, "counted",
				null, null, null, null, Map.of("a", "1", "b", "2"), null, null));
		this.jdbc.update("INSERT INTO volume_glance_metadata (volume_id, meta_key, meta_value) VALUES (?, 'image_id', 'i')",
				volume.id());
		this.jdbc.update(
				"INSERT INTO volume_glance_metadata (volume_id, meta_key, meta_value) VALUES (?, 'image_name', 'n')",
				volume.id());
		return volume;
	}

}
