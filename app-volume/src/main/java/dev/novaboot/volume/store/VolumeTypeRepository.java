package dev.novaboot.volume.store;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

/** The volume types, read and written by the manager's {@code VolumeTypes}. */
public interface VolumeTypeRepository extends JpaRepository<VolumeType, String> {

	Optional<VolumeType> findByName(String name);

	@Query("select t from VolumeType t where (:isPublic is null or t.isPublic = :isPublic) order by t.name, t.id")
	List<VolumeType> findAllByPublic(@Param("isPublic") Boolean isPublic);

	/** The public types and the private ones {@code projectId} was given access to. */
	@Query("select t from VolumeType t where t.isPublic = true or :projectId member of t.projects order by t.name, t.id")
	List<VolumeType> findAllAccessibleTo(@Param("projectId") String projectId);

	/** Every type's name alone: the quota defaults need no more, and the entities would load their specs and projects. */
	@Query("select t.name from VolumeType t")
	List<String> findAllNames();

	/** Every type's id and name, for the quota checks: one statement however many types a project uses. */
	@Query("select t.id, t.name from VolumeType t")
	List<Object[]> findAllIdsAndNames();

	@Query("select count(v) from Volume v where v.volumeTypeId = :typeId")
	long countLiveVolumesOfType(@Param("typeId") String typeId);

}
