package dev.novaboot.volume.store;

import java.util.List;
import java.util.Optional;

import dev.novaboot.volume.manager.VolumeManager;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

/**
 * The volume rows. Only the manager ({@link VolumeManager} and its collaborators) reads
 * and writes them (checked by {@code HousePlanTests}). Every query sees live rows only
 * ({@link Volume} is a {@code SoftDeletedEntity}).
 */
public interface VolumeRepository extends JpaRepository<Volume, String>, JpaSpecificationExecutor<Volume> {

	@Query("select v from Volume v where v.id = :id")
	Optional<Volume> findLive(@Param("id") String id);

	/**
	 * Of a live volume: its host, its project, and its host again if that is frozen (else
	 * {@code null}); at most one row, in one statement, without the volume's type and
	 * metadata.
	 */
	@Query(value = "select v.host, v.project_id, f.host from volumes v left join frozen_backends f on f.host = v.host "
			+ "where v.id = :id and v.deleted = 0", nativeQuery = true)
	List<Object[]> findPlacement(@Param("id") String id);

	@Query("select v from Volume v where v.host = :host order by v.createdAt, v.id")
	List<Volume> findLiveByHost(@Param("host") String host);

	@Query("select coalesce(sum(v.sizeGb), 0) from Volume v where v.host = :host")
	long allocatedGb(@Param("host") String host);

	@Query("select count(v) from Volume v where v.host = :host")
	long countLiveByHost(@Param("host") String host);

	/**
	 * Whether any row, deleted or not, has the id: a deleted volume's id stays taken (its
	 * row keeps the primary key), which only native SQL can see past the restriction.
	 */
	@Query(value = "select count(*) from volumes where id = :id", nativeQuery = true)
	long countAnyWithId(@Param("id") String id);

}
