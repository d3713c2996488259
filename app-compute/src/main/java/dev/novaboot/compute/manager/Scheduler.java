package dev.novaboot.compute.manager;

import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import dev.novaboot.compute.store.ComputeNode;
import dev.novaboot.compute.store.ComputeNodeRepository;
import dev.novaboot.compute.store.Instance;
import dev.novaboot.compute.store.ServerGroupRecord;
import dev.novaboot.compute.store.ServerGroupRepository;
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

	private final ServerGroupRepository groups;

	public Scheduler(ServiceGroup serviceGroup, ComputeNodeRepository nodes, InstanceStates states,
			DatabaseClock clock, ServerGroupRepository groups) {
		this.groups = groups;
		this.serviceGroup = serviceGroup;
		this.nodes = nodes;
		this.states = states;
		this.clock = clock;
	}

	/**
	 * Places the instance on any host with room, and records the host in it.
	 * @return the host
	 * @throws NoValidHostException when no host has room
	 */
	@Transactional
	public String schedule(Instance instance) {
		return schedule(instance, Placement.ANYWHERE);
	}

	/**
	 * Places the instance on a host with room in the requested zone that the policy of its
	 * server group allows ({@code affinity}: the host of the group's other members;
	 * {@code anti-affinity}: none of their hosts; the soft policies prefer such hosts
	 * before weighing free RAM), and records the host and zone in it. The group's row is
	 * locked meanwhile, so that its members are placed one at a time.
	 * @return the host
	 * @throws NoValidHostException when no host qualifies
	 */
	@Transactional
	public String schedule(Instance instance, Placement placement) {
		List<ServiceRecord> services = this.serviceGroup.upServices("compute")
			.stream()
			.filter((service) -> placement.zone() == null || placement.zone().equals(service.getZone()))
			.toList();
		Map<String, String> zones = services.stream()
			.collect(Collectors.toMap(ServiceRecord::getHost, ServiceRecord::getZone, (a, b) -> a));
		GroupPolicy policy = groupPolicy(instance, placement.group());
		List<ComputeNode> candidates = zones.isEmpty() ? List.of()
				: this.nodes.findByHostIn(List.copyOf(zones.keySet()))
					.stream()
					.filter((node) -> policy.allows(node.getHost()))
					.filter((node) -> node.fits(this.nodes.usage(node.getHost()), instance.getVcpus(),
							instance.getMemoryMb(), instance.getRootGb()))
					.sorted(Comparator.comparingLong((ComputeNode node) -> policy.preference(node.getHost()))
						.thenComparing(Comparator.comparingDouble(ComputeNode::freeRamMb).reversed()))
					.toList();
		for (ComputeNode candidate : candidates) {
			ComputeNode node = this.nodes.lockByHost(candidate.getHost()).orElseThrow();
			Usage usage = this.nodes.usage(node.getHost());
			if (node.fits(usage, instance.getVcpus(), instance.getMemoryMb(), instance.getRootGb())) {
				this.states.scheduled(instance.getUuid(), node.getHost(), zones.get(node.getHost()));
				node.setUsage(new Usage(usage.vcpus() + instance.getVcpus(),
						usage.memoryMb() + instance.getMemoryMb(), usage.localGb() + instance.getRootGb(),
						usage.instances() + 1), this.clock.now());
				return node.getHost();
			}
		}
		throw new NoValidHostException();
	}

	private GroupPolicy groupPolicy(Instance instance, String group) {
		if (group == null) {
			return GroupPolicy.NONE;
		}
		ServerGroupRecord locked = this.groups.lockByUuid(group)
			.orElseThrow(() -> new ServerGroups.ServerGroupNotFoundException(group));
		Set<String> others = new HashSet<>(locked.getMembers());
		others.remove(instance.getUuid());
		List<String> hosts = others.isEmpty() ? List.of() : this.groups.hostsOf(others);
		Map<String, Long> membersByHost = hosts.stream()
			.collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
		return new GroupPolicy(locked.getPolicy(), membersByHost);
	}

	/**
	 * A server group's policy over the hosts of its other members: which hosts it allows,
	 * and how much it prefers each (lower first).
	 */
	private record GroupPolicy(String policy, Map<String, Long> membersByHost) {

		static final GroupPolicy NONE = new GroupPolicy("", Map.of());

		boolean allows(String host) {
			return switch (this.policy) {
				case "affinity" -> this.membersByHost.isEmpty() || this.membersByHost.containsKey(host);
				case "anti-affinity" -> !this.membersByHost.containsKey(host);
				default -> true;
			};
		}

		long preference(String host) {
			long members = this.membersByHost.getOrDefault(host, 0L);
			return switch (this.policy) {
				case "soft-affinity" -> -members;
				case "soft-anti-affinity" -> members;
				default -> 0;
			};
		}

	}

}
