package dev.novaboot.compute.store;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

/**
 * The actions on servers, newest first as Nova lists them.
 */
public interface InstanceActionRepository extends JpaRepository<InstanceActionRecord, Long> {

	List<InstanceActionRecord> findByInstanceUuidOrderByStartTimeDescIdDesc(String instanceUuid);

	Optional<InstanceActionRecord> findFirstByInstanceUuidAndRequestIdOrderByIdDesc(String instanceUuid,
			String requestId);

}
