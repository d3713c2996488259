package dev.novaboot.compute.manager;

import java.util.List;
import java.util.Optional;

import dev.novaboot.compute.store.ComputeNode;
import dev.novaboot.compute.store.ComputeNodeRepository;

import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the API may read of the {@code compute_nodes} table (the hypervisors), so that
 * the repository stays behind the manager.
 */
@Service
public class ComputeNodeQueries {

	private final ComputeNodeRepository nodes;

	ComputeNodeQueries(ComputeNodeRepository nodes) {
		this.nodes = nodes;
	}

	/** Every compute node, in the order they registered. */
	@Transactional(readOnly = true)
	public List<ComputeNode> list() {
		return this.nodes.findAllByOrderById();
	}

	/**
	 * A page of the nodes in the order they registered: at most {@code limit}, after the
	 * one named by {@code marker} (its uuid, or its database id for microversions before
	 * 2.53).
	 * @throws MarkerNotFoundException if no node has the marker's name
	 */
	@Transactional(readOnly = true)
	public List<ComputeNode> page(int limit, String marker, boolean markerIsUuid) {
		if (marker == null) {
			return this.nodes.findAllByOrderById(Limit.of(limit));
		}
		ComputeNode after = (markerIsUuid ? find(marker) : findById(marker))
			.orElseThrow(() -> new MarkerNotFoundException(marker));
		return this.nodes.findByIdGreaterThanOrderById(after.getId(), Limit.of(limit));
	}

	/**
	 * The sums over the nodes whose compute service is enabled (Nova's
	 * {@code compute_node_statistics}), added up by the database.
	 */
	@Transactional(readOnly = true)
	public Totals totalsOfEnabled() {
		Object[] row = this.nodes.totalsOfEnabledRows().get(0);
		long[] values = new long[row.length];
		for (int i = 0; i < row.length; i++) {
			values[i] = (row[i] != null) ? ((Number) row[i]).longValue() : 0;
		}
		return new Totals(values[0], values[1], values[2], values[3], values[4], values[5], values[6], values[7]);
	}

	/** What the enabled hypervisors add up to. */
	public record Totals(long count, long vcpus, long memoryMb, long localGb, long vcpusUsed, long memoryMbUsed,
			long localGbUsed, long runningVms) {
	}

	/** The nodes whose host name contains {@code pattern} (Nova's hypervisor hostname search). */
	@Transactional(readOnly = true)
	/** Whether {@code host} is a compute host (has a compute node). */
	public boolean isComputeHost(String host) {
		return this.nodes.existsByHost(host);
	}

	public List<ComputeNode> search(String pattern) {
		return this.nodes.findByHostContainingOrderById(pattern);
	}

	@Transactional(readOnly = true)
	public Optional<ComputeNode> find(String uuid) {
		return this.nodes.findByUuid(uuid);
	}

	/** By the database id that microversions before 2.53 show; empty for what is no id. */
	@Transactional(readOnly = true)
	public Optional<ComputeNode> findById(String id) {
		return id.matches("[0-9]{1,18}") ? this.nodes.findById(Long.parseLong(id)) : Optional.empty();
	}

}
