package dev.novaboot.volume.store;

import java.util.List;
import java.util.Optional;

import dev.novaboot.volume.manager.VolumeManager;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

/**
 * The snapshot rows. Only the manager ({@link VolumeManager} and its collaborators) reads
 * and writes them (checked by {@code HousePlanTests}). Every query sees live rows only
 * ({@link Snapshot} is a {@code SoftDeletedEntity}).
 */
public interface SnapshotRepository extends JpaRepository<Snapshot, String>, JpaSpecificationExecutor<Snapshot> {

	@Query("select s from Snapshot s where s.id = :id")
	Optional<Snapshot> findLive(@Param("id") String id);

	@Query("select s from Snapshot s where s.host = :host order by s.createdAt, s.id")
	List<Snapshot> findLiveByHost(@Param("host") String host);

	@Query("select count(s) from Snapshot s where s.volumeId = :volume")
	long countLiveByVolume(@Param("volume") String volumeId);

	/**
	 * Whether any row, deleted or not, has the id: a deleted snapshot's id stays taken (its
	 * row keeps the primary key), which only native SQL can see past the restriction.
	 */
	@Query(value = "select count(*) from snapshots where id = :id", nativeQuery = true)
	long countAnyWithId(@Param("id") String id);

}
