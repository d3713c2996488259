package dev.novaboot.compute.store;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

/**
 * The migrations of servers, newest first as Nova lists them.
 */
public interface MigrationRepository extends JpaRepository<MigrationRecord, Long> {

	Optional<MigrationRecord> findByUuid(String uuid);

	/** The server's migration in one of the statuses (its pending one: Nova's get_by_instance_and_status). */
	Optional<MigrationRecord> findFirstByInstanceUuidAndStatusInOrderByIdDesc(String instanceUuid,
			Collection<String> statuses);

	List<MigrationRecord> findBySourceComputeAndMigrationTypeAndStatusIn(String sourceCompute, String migrationType,
			Collection<String> statuses);

	List<MigrationRecord> findByInstanceUuidAndMigrationTypeAndStatusInOrderByIdAsc(String instanceUuid,
			String migrationType, Collection<String> statuses);

	List<MigrationRecord> findByMigrationTypeAndStatusIn(String migrationType, Collection<String> statuses);

	/**
	 * Whether a migration that has not ended involves {@code host}, as source or
	 * destination; {@code ended} are the statuses that end one (Nova's
	 * migration_get_in_progress_by_host_and_node: {@code finished} is still in progress,
	 * the resize waits for its confirm or revert).
	 */
	@Query("""
			select count(m) > 0 from MigrationRecord m
			where (m.sourceCompute = :host or m.destCompute = :host) and m.status not in :ended""")
	boolean existsInProgressInvolving(@Param("host") String host, @Param("ended") Collection<String> ended);

	/**
	 * {@code GET /os-migrations}'s filters, each {@code null} for any: the instance, the
	 * status, the migration type, a host that is the source or the destination, the project.
	 */
	@Query("""
			select m from MigrationRecord m
			where (:instanceUuid is null or m.instanceUuid = :instanceUuid)
			  and (:status is null or m.status = :status)
			  and (:migrationType is null or m.migrationType = :migrationType)
			  and (:host is null or m.sourceCompute = :host or m.destCompute = :host)
			  and (:projectId is null or m.projectId = :projectId)
			order by m.createdAt desc, m.id desc""")
	List<MigrationRecord> filtered(@Param("instanceUuid") String instanceUuid, @Param("status") String status,
			@Param("migrationType") String migrationType, @Param("host") String host,
			@Param("projectId") String projectId);

}
