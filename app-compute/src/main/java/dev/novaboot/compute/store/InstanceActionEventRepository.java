package dev.novaboot.compute.store;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

/**
 * The steps of the actions.
 */
public interface InstanceActionEventRepository extends JpaRepository<InstanceActionEventRecord, Long> {

	List<InstanceActionEventRecord> findByActionIdOrderByStartTimeAscIdAsc(Long actionId);

}
