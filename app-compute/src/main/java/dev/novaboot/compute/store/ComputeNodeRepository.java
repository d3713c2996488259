package dev.novaboot.compute.store;

import java.util.List;
import java.util.Optional;

import jakarta.persistence.LockModeType;

import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

/**
 * The {@code compute_nodes} table.
 */
public interface ComputeNodeRepository extends JpaRepository<ComputeNode, Long>, PlacementCandidates {

	Optional<ComputeNode> findByUuid(String uuid);

	boolean existsByHost(String host);

	List<ComputeNode> findAllByOrderById();

	List<ComputeNode> findAllByOrderById(Limit limit);

	List<ComputeNode> findByIdGreaterThanOrderById(long id, Limit limit);

	List<ComputeNode> findByHostContainingOrderById(String pattern);

	/**
	 * count, vcpus, memory, disk and their use, and running VMs summed over the nodes
	 * whose live compute service is enabled: one row.
	 */
	@Query(value = "SELECT count(*), sum(n.vcpus), sum(n.memory_mb), sum(n.local_gb), sum(n.vcpus_used), "
			+ "sum(n.memory_mb_used), sum(n.local_gb_used), sum(n.running_vms) FROM compute_nodes n "
			+ "JOIN services s ON s.host = n.host AND s.\"binary\" = 'nova-compute' AND s.deleted = 0 "
			+ "WHERE s.disabled = FALSE", nativeQuery = true)
	List<Object[]> totalsOfEnabledRows();

	/** The node's row, locked until the transaction ends: one placement at a time per host. */
	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select n from ComputeNode n where n.host = :host")
	Optional<ComputeNode> lockByHost(@Param("host") String host);

	/**
	 * vcpus, memory, disk and count of the live instances placed on a host. A resize
	 * awaiting confirmation holds both flavors, as Nova's placement does until the confirm
	 * or revert gives one back.
	 */
	@Query("select coalesce(sum(i.vcpus + coalesce(i.oldVcpus, 0)), 0), "
			+ "coalesce(sum(i.memoryMb + coalesce(i.oldMemoryMb, 0)), 0), "
			+ "coalesce(sum(i.rootGb + coalesce(i.oldRootGb, 0)), 0), count(i) from Instance i where i.host = :host")
	List<Object[]> usageRows(@Param("host") String host);

	default Usage usage(String host) {
		Object[] row = usageRows(host).get(0);
		return new Usage(((Number) row[0]).longValue(), ((Number) row[1]).longValue(), ((Number) row[2]).longValue(),
				((Number) row[3]).longValue());
	}

}
