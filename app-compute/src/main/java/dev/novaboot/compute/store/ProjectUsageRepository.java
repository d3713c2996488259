package dev.novaboot.compute.store;

import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;
import org.springframework.data.repository.query.Param;

/**
 * What a project's live instances hold, as its quotas count them (Nova counts every
 * instance not deleted, in any state).
 */
public interface ProjectUsageRepository extends Repository<Instance, Long> {

	@Query("select new dev.novaboot.compute.store.Usage(coalesce(sum(i.vcpus), 0), coalesce(sum(i.memoryMb), 0), "
			+ "coalesce(sum(i.rootGb), 0), count(i)) from Instance i where i.projectId = :project")
	Usage ofProject(@Param("project") String projectId);

}
