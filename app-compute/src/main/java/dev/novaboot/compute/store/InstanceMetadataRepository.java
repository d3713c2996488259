package dev.novaboot.compute.store;

import java.util.Collection;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

/** The rows of {@code instance_metadata}. */
public interface InstanceMetadataRepository extends JpaRepository<InstanceMetadataItem, InstanceMetadataItem.Key> {

	@Query("select m from InstanceMetadataItem m where m.key.instanceUuid = :uuid order by m.key.key")
	List<InstanceMetadataItem> itemsOf(@Param("uuid") String instanceUuid);

	@Query("select m from InstanceMetadataItem m where m.key.instanceUuid in :uuids order by m.key.key")
	List<InstanceMetadataItem> itemsOf(@Param("uuids") Collection<String> instanceUuids);

	@Modifying(flushAutomatically = true, clearAutomatically = true)
	@Query("delete from InstanceMetadataItem m where m.key.instanceUuid = :uuid")
	int deleteAllOf(@Param("uuid") String instanceUuid);

}
