package dev.novaboot.compute.store;

import java.util.Optional;

import jakarta.persistence.LockModeType;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

/**
 * The projects' quota locks: {@link #lock} holds one until the transaction ends.
 */
public interface ProjectQuotaLockRepository extends JpaRepository<ProjectQuotaLock, String> {

	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select l from ProjectQuotaLock l where l.projectId = :project")
	Optional<ProjectQuotaLock> lock(@Param("project") String projectId);

}
