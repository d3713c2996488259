package dev.novaboot.compute.store;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

/**
 * The {@code volume_attachments} table.
 */
public interface VolumeAttachmentRepository extends JpaRepository<VolumeAttachmentRecord, Long> {

	List<VolumeAttachmentRecord> findByInstanceUuidOrderById(String instanceUuid);

	Optional<VolumeAttachmentRecord> findByInstanceUuidAndVolumeId(String instanceUuid, String volumeId);

}
