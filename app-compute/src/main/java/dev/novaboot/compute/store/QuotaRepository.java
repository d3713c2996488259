package dev.novaboot.compute.store;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

/**
 * The quota limits admins set, per project and resource.
 */
public interface QuotaRepository extends JpaRepository<QuotaRecord, Long> {

	List<QuotaRecord> findByProjectId(String projectId);

	Optional<QuotaRecord> findByProjectIdAndResource(String projectId, String resource);

	@Modifying
	@Query("delete from QuotaRecord q where q.projectId = :project")
	int deleteByProject(@Param("project") String projectId);

}
