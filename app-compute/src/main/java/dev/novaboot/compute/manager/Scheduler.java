package dev.novaboot.compute.manager;

import java.util.Comparator;
import java.util.List;

import dev.novaboot.compute.store.ComputeNode;
import dev.novaboot.compute.store.ComputeNodeRepository;
import dev.novaboot.compute.store.Instance;
import dev.novaboot.compute.store.Usage;
import dev.novaboot.service.group.ServiceGroup;
import dev.novaboot.service.record.DatabaseClock;
import dev.novaboot.service.record.ServiceRecord;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Nova's filter scheduler, reduced to what this suite needs: the compute hosts that are up
 * and enabled ({@code ServiceGroup.upServices("compute")}), filtered to those whose node
 * has room for the flavor (allocation ratios applied), weighed by free RAM, most first.
 * The chosen node's row is locked while the instance is placed on it, and the room is
 * checked again against the instances already there, so that concurrent boots never
 * overfill a host.
 */
@Service
public class Scheduler {

	private final ServiceGroup serviceGroup;

	private final ComputeNodeRepository nodes;

	private final InstanceStates states;

	private final DatabaseClock clock;

	public Scheduler(ServiceGroup serviceGroup, ComputeNodeRepository nodes, InstanceStates states,
			DatabaseClock clock) {
		this.serviceGroup = serviceGroup;
		this.nodes = nodes;
		this.states = states;
		this.clock = clock;
	}

	/**
	 * Places the instance on a host and records the host in it.
	 * @return the host
	 * @throws NoValidHostException when no host has room
	 */
	@Transactional
	public String schedule(Instance instance) {
		List<String> hosts = this.serviceGroup.upServices("compute").stream().map(ServiceRecord::getHost).toList();
		List<ComputeNode> candidates = hosts.isEmpty() ? List.of()
				: this.nodes.findByHostIn(hosts)
					.stream()
					.filter((node) -> node.fits(this.nodes.usage(node.getHost()), instance.getVcpus(),
							instance.getMemoryMb(), instance.getRootGb()))
					.sorted(Comparator.comparingDouble(ComputeNode::freeRamMb).reversed())
					.toList();
		for (ComputeNode candidate : candidates) {
			ComputeNode node = this.nodes.lockByHost(candidate.getHost()).orElseThrow();
			Usage usage = this.nodes.usage(node.getHost());
			if (node.fits(usage, instance.getVcpus(), instance.getMemoryMb(), instance.getRootGb())) {
				this.states.scheduled(instance.getUuid(), node.getHost());
				node.setUsage(new Usage(usage.vcpus() + instance.getVcpus(),
						usage.memoryMb() + instance.getMemoryMb(), usage.localGb() + instance.getRootGb(),
						usage.instances() + 1), this.clock.now());
				return node.getHost();
			}
		}
		throw new NoValidHostException();
	}

}
