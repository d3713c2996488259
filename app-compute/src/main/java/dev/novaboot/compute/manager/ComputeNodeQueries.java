package dev.novaboot.compute.manager;

import java.util.List;
import java.util.Optional;

import dev.novaboot.compute.store.ComputeNode;
import dev.novaboot.compute.store.ComputeNodeRepository;

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

	@Transactional(readOnly = true)
	public Optional<ComputeNode> find(String uuid) {
		return this.nodes.findByUuid(uuid);
	}

}
