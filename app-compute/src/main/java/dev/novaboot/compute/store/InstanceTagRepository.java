package dev.novaboot.compute.store;

import java.util.Collection;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

/**
 * The servers' tags.
 */
public interface InstanceTagRepository extends JpaRepository<InstanceTag, InstanceTag.Key> {

	@Query("select t.key.tag from InstanceTag t where t.key.instanceUuid = :uuid order by t.key.tag")
	List<String> tagsOf(@Param("uuid") String instanceUuid);

	@Query("select t from InstanceTag t where t.key.instanceUuid in :uuids order by t.key.tag")
	List<InstanceTag> tagsOf(@Param("uuids") Collection<String> instanceUuids);

	@Query("select count(t) from InstanceTag t where t.key.instanceUuid = :uuid")
	long countOf(@Param("uuid") String instanceUuid);

	@Modifying(flushAutomatically = true, clearAutomatically = true)
	@Query("delete from InstanceTag t where t.key.instanceUuid = :uuid")
	int deleteAllOf(@Param("uuid") String instanceUuid);

}
