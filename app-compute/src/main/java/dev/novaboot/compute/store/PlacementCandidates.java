package dev.novaboot.compute.store;

import java.util.Collection;
import java.util.List;

/**
 * The scheduler's one read of the {@code compute_nodes} table: the nodes that may take an
 * instance, found, filtered and ordered by the database, so that a decision reads a few
 * rows however many hosts there are.
 */
public interface PlacementCandidates {

	/**
	 * At most {@code request.limit()} nodes whose compute service is up (decided in SQL on
	 * the database's clock) and enabled, whose recorded usage leaves room for the request
	 * (allocation ratios applied), in the requested zone and host set; most free RAM first.
	 */
	List<Candidate> candidates(CandidateRequest request);

	/** A node that may take the instance: its host and the zone of its compute service. */
	record Candidate(String host, String zone) {
	}

	/**
	 * What an instance needs and where it may go.
	 * @param zone the availability zone, {@code null} for any
	 * @param onlyHosts when not {@code null}, the hosts it may go to
	 * @param notHosts hosts it must not go to (empty for none)
	 * @param downMillis the service group's {@code down-time}
	 * @param limit how many candidates to return at most
	 */
	record CandidateRequest(int vcpus, int memoryMb, int localGb, String zone, Collection<String> onlyHosts,
			Collection<String> notHosts, long downMillis, int limit) {
	}

}
