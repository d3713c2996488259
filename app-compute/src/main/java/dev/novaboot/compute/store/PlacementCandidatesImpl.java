package dev.novaboot.compute.store;

import java.util.List;

import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

import dev.novaboot.service.record.ServiceRecordRepository;

/**
 * {@link PlacementCandidates} in native SQL (H2 and PostgreSQL alike): the nodes joined to
 * their live compute service, free resources computed from the node row's totals, ratios
 * and usage, read in the order of the indexed free RAM ({@code free_ram_mb}) and cut at the
 * limit in the database. The usage on the
 * row is what the scheduler and the host's resource tracker last wrote; the scheduler
 * checks the chosen node again against its instances under the row's lock.
 */
class PlacementCandidatesImpl implements PlacementCandidates {

	private final EntityManager entityManager;

	PlacementCandidatesImpl(EntityManager entityManager) {
		this.entityManager = entityManager;
	}

	@Override
	public List<Candidate> candidates(CandidateRequest request) {
		StringBuilder sql = new StringBuilder("SELECT n.host, s.zone FROM compute_nodes n ")
			.append("JOIN services s ON s.host = n.host AND s.topic = 'compute' ")
			.append("WHERE s.disabled = FALSE AND ")
			.append(ServiceRecordRepository.UP)
			.append(" AND n.vcpus_used + :vcpus <= n.vcpus * n.cpu_allocation_ratio")
			.append(" AND n.memory_mb_used + :memoryMb <= n.memory_mb * n.ram_allocation_ratio")
			.append(" AND n.local_gb_used + :localGb <= n.local_gb * n.disk_allocation_ratio");
		if (request.zone() != null) {
			sql.append(" AND s.zone = :zone");
		}
		if (request.onlyHosts() != null) {
			sql.append(" AND n.host IN (:onlyHosts)");
		}
		if (!request.notHosts().isEmpty()) {
			sql.append(" AND n.host NOT IN (:notHosts)");
		}
		// the index (free_ram_mb, id) read backwards: the first few that pass the filters, no sort
		sql.append(" ORDER BY n.free_ram_mb DESC, n.id DESC LIMIT :limit");
		Query query = this.entityManager.createNativeQuery(sql.toString())
			.setParameter("downMillis", request.downMillis())
			.setParameter("vcpus", request.vcpus())
			.setParameter("memoryMb", request.memoryMb())
			.setParameter("localGb", request.localGb())
			.setParameter("limit", request.limit());
		if (request.zone() != null) {
			query.setParameter("zone", request.zone());
		}
		if (request.onlyHosts() != null) {
			query.setParameter("onlyHosts", request.onlyHosts());
		}
		if (!request.notHosts().isEmpty()) {
			query.setParameter("notHosts", request.notHosts());
		}
		@SuppressWarnings("unchecked")
		List<Object[]> rows = query.getResultList();
		return rows.stream().map((row) -> new Candidate((String) row[0], (String) row[1])).toList();
	}

}
