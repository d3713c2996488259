package dev.novaboot.volume.store;

import java.time.Instant;
import java.util.List;

import javax.sql.DataSource;

import dev.novaboot.service.schema.SchemaModule;
import dev.novaboot.service.testsupport.MigratedDatabase;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.data.jpa.test.autoconfigure.DataJpaTest;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import org.springframework.boot.jpa.test.autoconfigure.TestEntityManager;
import org.springframework.boot.persistence.autoconfigure.EntityScan;
import org.springframework.context.annotation.Bean;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.config.EnableJpaRepositories;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The volume store on its own, on the schema the {@code volume} module's migrations make
 * ({@code ddl-auto=validate}): a deleted volume or snapshot stays as a row marked
 * {@code deleted = 1} with its {@code deleted_at}, and no query of the repositories (one
 * row, the host's rows, the sums, the filtered and paged lists) sees it again.
 */
@DataJpaTest(properties = "spring.jpa.hibernate.ddl-auto=validate")
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
class VolumeStoreTests {

	private static final Instant CREATED = Instant.parse("2026-01-01T00:00:00Z");

	private static final Instant DELETED = Instant.parse("2026-01-02T00:00:00Z");

	@Autowired
	VolumeRepository volumes;

	@Autowired
	SnapshotRepository snapshots;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	TestEntityManager entities;

	@Test
	void aNewVolumeIsLiveWithBothAuditTimesSet() {
		Volume volume = this.volumes.saveAndFlush(volume("00000000-0000-4000-8000-000000000001", "host-a", CREATED));

		assertThat(volume.isDeleted()).isFalse();
		assertThat(volume.getCreatedAt()).isEqualTo(CREATED);
		assertThat(volume.getUpdatedAt()).isEqualTo(CREATED);
		assertThat(column("volumes", "deleted", volume.getId(), Long.class)).isZero();
	}

	@Test
	void deletingAVolumeMarksDeletedOneAndTheTimeAndKeepsTheRow() {
		Volume volume = this.volumes.saveAndFlush(volume("00000000-0000-4000-8000-000000000002", "host-a", CREATED));

		volume.setStatus(VolumeStatus.DELETED, null, DELETED);
		this.volumes.saveAndFlush(volume);

		assertThat(column("volumes", "deleted", volume.getId(), Long.class)).isOne();
		assertThat(column("volumes", "deleted_at", volume.getId(), Instant.class)).isEqualTo(DELETED);
		assertThat(column("volumes", "updated_at", volume.getId(), Instant.class)).isEqualTo(DELETED);
		assertThat(column("volumes", "status", volume.getId(), String.class)).isEqualTo("deleted");
		assertThat(this.volumes.countAnyWithId(volume.getId())).isOne();
	}

	@Test
	void aDeletedVolumeIsInvisibleToTheRepositorysQueriesAndLists() {
		Volume kept = this.volumes.saveAndFlush(volume("00000000-0000-4000-8000-000000000003", "host-b", CREATED));
		Volume gone = volume("00000000-0000-4000-8000-000000000004", "host-b", CREATED.plusSeconds(1));
		gone.setStatus(VolumeStatus.DELETED, null, DELETED);
		this.volumes.saveAndFlush(gone);
		this.entities.clear();

		assertThat(this.volumes.findById(gone.getId())).isEmpty();
		assertThat(this.volumes.findLive(gone.getId())).isEmpty();
		assertThat(this.volumes.findLiveByHost("host-b")).extracting(Volume::getId).containsExactly(kept.getId());
		assertThat(this.volumes.countLiveByHost("host-b")).isOne();
		assertThat(this.volumes.allocatedGb("host-b")).isEqualTo(kept.getSizeGb());
		Specification<Volume> project = LiveRows.matching("projectId", "project-store");
		assertThat(page(this.volumes, project, 10)).extracting(Volume::getId).containsExactly(kept.getId());
		assertThat(page(this.volumes, project.and(LiveRows.matching("status", "deleted")), 10)).isEmpty();
		assertThat(page(this.volumes, project.and(LiveRows.after(LiveRows.NEWEST_FIRST, List.of(CREATED.plusSeconds(2), ""))), 1))
			.extracting(Volume::getId)
			.containsExactly(kept.getId());
	}

	@Test
	void aDeletedSnapshotIsMarkedAndInvisibleAndNoLongerHoldsItsVolume() {
		Volume volume = this.volumes.saveAndFlush(volume("00000000-0000-4000-8000-000000000005", "host-c", CREATED));
		Snapshot kept = this.snapshots.saveAndFlush(snapshot("00000000-0000-4000-8000-00000000000a", volume));
		Snapshot gone = snapshot("00000000-0000-4000-8000-00000000000b", volume);
		gone.setStatus(SnapshotStatus.DELETED, null, DELETED);
		this.snapshots.saveAndFlush(gone);
		this.entities.clear();

		assertThat(column("snapshots", "deleted", gone.getId(), Long.class)).isOne();
		assertThat(column("snapshots", "deleted_at", gone.getId(), Instant.class)).isEqualTo(DELETED);
		assertThat(this.snapshots.findLive(gone.getId())).isEmpty();
		assertThat(this.snapshots.findLiveByHost("host-c")).extracting(Snapshot::getId).containsExactly(kept.getId());
		assertThat(this.snapshots.countLiveByVolume(volume.getId())).isOne();
		assertThat(page(this.snapshots, LiveRows.matching("volumeId", volume.getId()), 10))
			.extracting(Snapshot::getId)
			.containsExactly(kept.getId());
		assertThat(this.snapshots.countAnyWithId(gone.getId())).isOne();
	}

	private static Volume volume(String id, String host, Instant createdAt) {
		return new Volume(id, "project-store", "user-store", host, "nova", 2, "disk", null, null, createdAt);
	}

	private static Snapshot snapshot(String id, Volume volume) {
		return new Snapshot(id, volume.getProjectId(), volume.getUserId(), volume.getId(), volume.getHost(),
				volume.getSizeGb(), null, null, CREATED);
	}

	/** A page of a list as {@code VolumeQueries} reads it: filtered, newest first, limited. */
	private static <T> List<T> page(JpaSpecificationExecutor<T> repository, Specification<T> rows, int limit) {
		return repository.findBy(rows.and(LiveRows.orderedBy(LiveRows.NEWEST_FIRST)), (query) -> query.limit(limit).all());
	}

	private <T> T column(String table, String name, String id, Class<T> type) {
		return this.jdbc.queryForObject("SELECT " + name + " FROM " + table + " WHERE id = ?", type, id);
	}

	@SpringBootConfiguration
	@EntityScan(basePackageClasses = Volume.class)
	@EnableJpaRepositories(basePackageClasses = VolumeRepository.class)
	static class VolumeTables {

		@Bean
		DataSource dataSource() {
			return MigratedDatabase.of(new SchemaModule("volume", "classpath:db/migration/volume"));
		}

	}

}
