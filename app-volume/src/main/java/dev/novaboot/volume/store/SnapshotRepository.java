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
 * and writes them (checked by {@code HousePlanTests}).
 */
public interface SnapshotRepository extends JpaRepository<Snapshot, String>, JpaSpecificationExecutor<Snapshot> {

	@Query("select s from Snapshot s where s.id = :id and s.deleted = false")
	Optional<Snapshot> findLive(@Param("id") String id);

	@Query("select s from Snapshot s where s.host = :host and s.deleted = false order by s.createdAt, s.id")
	List<Snapshot> findLiveByHost(@Param("host") String host);

	@Query("select count(s) from Snapshot s where s.volumeId = :volume and s.deleted = false")
	long countLiveByVolume(@Param("volume") String volumeId);

}
