package dev.novaboot.compute.manager;

import java.time.Instant;
import java.util.ArrayList;
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
import dev.novaboot.compute.store.PlacementCandidates.Candidate;
import dev.novaboot.compute.store.PlacementCandidates.CandidateRequest;
import dev.novaboot.compute.store.ServerGroupRecord;
import dev.novaboot.compute.store.ServerGroupRepository;
import dev.novaboot.compute.store.Usage;
import dev.novaboot.service.group.ServiceGroup;
import dev.novaboot.service.record.DatabaseClock;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Nova's filter scheduler, reduced to what this suite needs, in a bounded number of SQL
 * statements whatever the host count: the database returns a few compute nodes whose
 * service is up (on the database's clock) and enabled, in the requested zone and server
 * group policy, with room for the flavor on the node row (allocation ratios applied), most
 * free RAM first. The chosen node's row is then locked and the room checked again against
 * the instances already there, so that concurrent boots never overfill a host; a node
 * whose row said more room than it has gets its row corrected and the next candidate is
 * tried.
 */
@Service
public class Scheduler {

	/** Candidates read per round: a few, so that a lost race or a stale row costs no re-read. */
	static final int CANDIDATES = 5;

	/** Rounds of candidates before giving up: bounds the statements of one decision. */
	static final int ROUNDS = 3;

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
		GroupPolicy policy = groupPolicy(instance, placement.group());
		Set<String> tried = new HashSet<>();
		for (int round = 0; round < ROUNDS; round++) {
			List<Candidate> candidates = candidates(instance, placement, policy, tried);
			if (candidates.isEmpty()) {
				break;
			}
			for (Candidate candidate : candidates) {
				tried.add(candidate.host());
				if (place(instance, candidate)) {
					return candidate.host();
				}
			}
		}
		throw new NoValidHostException();
	}

	/**
	 * Picks the destination of a cold migration (Nova's {@code ignore_hosts} of the
	 * instance's own host): an up, enabled host other than the instance's with room for its
	 * flavor, {@code requestedHost} only when given (2.56). The destination's room is
	 * claimed; the instance's host changes only when the migration finishes there.
	 * @throws NoValidHostException when no host qualifies
	 */
	@Transactional
	public String scheduleMove(Instance instance, String requestedHost) {
		Set<String> only = (requestedHost != null) ? Set.of(requestedHost) : null;
		Set<String> tried = new HashSet<>(Set.of(instance.getHost()));
		for (int round = 0; round < ROUNDS; round++) {
			List<Candidate> candidates = read(instance, Placement.ANYWHERE, only, tried);
			if (candidates.isEmpty()) {
				break;
			}
			for (Candidate candidate : candidates) {
				tried.add(candidate.host());
				if (claim(instance, candidate, this.clock.now())) {
					return candidate.host();
				}
			}
		}
		throw new NoValidHostException();
	}

	// locks the node's row and checks the room against its instances: the no-overfill guarantee
	private boolean place(Instance instance, Candidate candidate) {
		// one reading of the database's clock for the node and the instance: one transaction
		Instant now = this.clock.now();
		if (!claim(instance, candidate, now)) {
			return false;
		}
		this.states.scheduled(instance.getUuid(), candidate.host(), candidate.zone(), now);
		return true;
	}

	private boolean claim(Instance instance, Candidate candidate, Instant now) {
		ComputeNode node = this.nodes.lockByHost(candidate.host()).orElse(null);
		if (node == null) {
			return false;
		}
		Usage usage = this.nodes.usage(node.getHost());
		if (!node.fits(usage, instance.getVcpus(), instance.getMemoryMb(), instance.getRootGb())) {
			// the row promised room the instances do not leave (a race lost, or a stale row): say so
			node.setUsage(usage, now);
			return false;
		}
		node.setUsage(new Usage(usage.vcpus() + instance.getVcpus(), usage.memoryMb() + instance.getMemoryMb(),
				usage.localGb() + instance.getRootGb(), usage.instances() + 1), now);
		return true;
	}

	/*
	 * The next candidates, in the order the policy prefers: the hard policies restrict the
	 * hosts, the soft ones read the group's hosts (a few: the group's size) and the others
	 * separately, the preferred ones first.
	 */
	private List<Candidate> candidates(Instance instance, Placement placement, GroupPolicy policy, Set<String> tried) {
		Set<String> memberHosts = policy.membersByHost().keySet();
		return switch (policy.policy()) {
			case "affinity" -> memberHosts.isEmpty() ? read(instance, placement, null, tried)
					: read(instance, placement, memberHosts, tried);
			case "anti-affinity" -> read(instance, placement, null, union(tried, memberHosts));
			case "soft-affinity" -> concat(preferred(instance, placement, policy, tried, true),
					read(instance, placement, null, union(tried, memberHosts)));
			case "soft-anti-affinity" -> concat(read(instance, placement, null, union(tried, memberHosts)),
					preferred(instance, placement, policy, tried, false));
			default -> read(instance, placement, null, tried);
		};
	}

	// the group's own hosts with room, most members first (soft-affinity) or fewest (soft-anti-affinity)
	private List<Candidate> preferred(Instance instance, Placement placement, GroupPolicy policy, Set<String> tried,
			boolean mostFirst) {
		Set<String> memberHosts = policy.membersByHost().keySet();
		if (memberHosts.isEmpty()) {
			return List.of();
		}
		Comparator<Candidate> byMembers = Comparator.comparingLong((candidate) -> policy.membersByHost()
			.getOrDefault(candidate.host(), 0L));
		// a stable sort keeps the database's free-RAM order among hosts with as many members
		return read(instance, placement, memberHosts, tried).stream()
			.sorted(mostFirst ? byMembers.reversed() : byMembers)
			.toList();
	}

	private List<Candidate> read(Instance instance, Placement placement, Set<String> onlyHosts, Set<String> notHosts) {
		int limit = (onlyHosts != null) ? Math.max(CANDIDATES, onlyHosts.size()) : CANDIDATES;
		return this.nodes.candidates(new CandidateRequest(instance.getVcpus(), instance.getMemoryMb(),
				instance.getRootGb(), placement.zone(), onlyHosts, notHosts, this.serviceGroup.downMillis(), limit));
	}

	private static Set<String> union(Set<String> a, Set<String> b) {
		Set<String> union = new HashSet<>(a);
		union.addAll(b);
		return union;
	}

	private static List<Candidate> concat(List<Candidate> first, List<Candidate> then) {
		List<Candidate> all = new ArrayList<>(first);
		all.addAll(then);
		return all;
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

	/** A server group's policy and how many of its other members each host has. */
	private record GroupPolicy(String policy, Map<String, Long> membersByHost) {

		static final GroupPolicy NONE = new GroupPolicy("", Map.of());

	}

}
