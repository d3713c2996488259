package dev.novaboot.compute.store;

import java.time.Instant;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

/**
 * The steps of the actions.
 */
public interface InstanceActionEventRepository extends JpaRepository<InstanceActionEventRecord, Long> {

	List<InstanceActionEventRecord> findByActionIdOrderByStartTimeAscIdAsc(Long actionId);

	/** Records how the step ended: one targeted update, the row is not read first. */
	@Modifying
	@Query("update InstanceActionEventRecord e set e.result = :result, e.traceback = :traceback, "
			+ "e.finishTime = :now where e.id = :id")
	int finish(@Param("id") Long id, @Param("result") String result, @Param("traceback") String traceback,
			@Param("now") Instant now);

}
