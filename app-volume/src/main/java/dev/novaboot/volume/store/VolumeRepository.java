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
 * and writes them (checked by {@code HousePlanTests}).
 */
public interface VolumeRepository extends JpaRepository<Volume, String>, JpaSpecificationExecutor<Volume> {

	@Query("select v from Volume v where v.id = :id and v.deleted = false")
	Optional<Volume> findLive(@Param("id") String id);

	@Query("select v from Volume v where v.host = :host and v.deleted = false order by v.createdAt, v.id")
	List<Volume> findLiveByHost(@Param("host") String host);

	@Query("select coalesce(sum(v.sizeGb), 0) from Volume v where v.host = :host and v.deleted = false")
	long allocatedGb(@Param("host") String host);

	@Query("select count(v) from Volume v where v.host = :host and v.deleted = false")
	long countLiveByHost(@Param("host") String host);

}
