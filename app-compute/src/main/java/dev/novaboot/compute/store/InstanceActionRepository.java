package dev.novaboot.compute.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

/**
 * The actions on servers, newest first as Nova lists them.
 */
public interface InstanceActionRepository extends JpaRepository<InstanceActionRecord, Long> {

	List<InstanceActionRecord> findByInstanceUuidOrderByStartTimeDescIdDesc(String instanceUuid);

	Optional<InstanceActionRecord> findFirstByInstanceUuidAndRequestIdOrderByIdDesc(String instanceUuid,
			String requestId);

	/** A step of the action ended well: one targeted update, the row is not read first. */
	@Modifying
	@Query("update InstanceActionRecord a set a.finishTime = :now, a.updatedAt = :now where a.id = :id")
	int finished(@Param("id") Long id, @Param("now") Instant now);

	/** A step of the action failed: Nova marks the action {@code Error}. */
	@Modifying
	@Query("update InstanceActionRecord a set a.message = 'Error', a.finishTime = :now, a.updatedAt = :now "
			+ "where a.id = :id")
	int failed(@Param("id") Long id, @Param("now") Instant now);

}
