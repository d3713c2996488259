package dev.novaboot.compute.store;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

/**
 * The {@code volume_attachments} table.
 */
public interface VolumeAttachmentRepository extends JpaRepository<VolumeAttachmentRecord, Long> {

	List<VolumeAttachmentRecord> findByInstanceUuidOrderById(String instanceUuid);

	/** The attachments of a page of servers in one query. */
	List<VolumeAttachmentRecord> findByInstanceUuidInOrderById(Collection<String> instanceUuids);

	Optional<VolumeAttachmentRecord> findByInstanceUuidAndVolumeId(String instanceUuid, String volumeId);

}
