package dev.novaboot.compute.manager;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import dev.novaboot.compute.store.ServerGroupRecord;
import dev.novaboot.compute.store.ServerGroupRepository;
import dev.novaboot.service.record.DatabaseClock;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Server groups (Nova's instance groups): a project's sets of servers that the scheduler
 * places by the group's policy, counted by the {@code server_groups} and
 * {@code server_group_members} quotas.
 */
@Service
public class ServerGroups {

	/** Nova's policies; the soft ones from microversion 2.15. */
	public static final Set<String> POLICIES = Set.of("affinity", "anti-affinity", "soft-affinity",
			"soft-anti-affinity");

	private final ServerGroupRepository groups;

	private final ComputeQuotas quotas;

	private final DatabaseClock clock;

	ServerGroups(ServerGroupRepository groups, ComputeQuotas quotas, DatabaseClock clock) {
		this.groups = groups;
		this.quotas = quotas;
		this.clock = clock;
	}

	/**
	 * A new, empty group of the project.
	 * @throws ComputeQuotas.OverQuotaException if the project has as many as its quota allows
	 */
	@Transactional
	public ServerGroupRecord create(String project, String user, String name, String policy) {
		return this.quotas.createServerGroup(project, () -> this.groups.saveAndFlush(
				new ServerGroupRecord(UUID.randomUUID().toString(), name, project, user, policy, this.clock.now())));
	}

	/** @throws ServerGroupNotFoundException if there is no such group */
	@Transactional(readOnly = true)
	public ServerGroupRecord get(String uuid) {
		return this.groups.findByUuid(uuid).orElseThrow(() -> new ServerGroupNotFoundException(uuid));
	}

	/** The project's groups (every project's for {@code all}), oldest first. */
	@Transactional(readOnly = true)
	public List<ServerGroupRecord> list(String project, boolean all) {
		return all ? this.groups.findAllByOrderById() : this.groups.findByProjectIdOrderById(project);
	}

	/** The group's members that are live instances. */
	@Transactional(readOnly = true)
	public List<String> liveMembers(ServerGroupRecord group) {
		return group.getMembers().isEmpty() ? List.of()
				: this.groups.liveInstances(group.getMembers()).stream().sorted().toList();
	}

	/** The live members of each group, by group uuid, in one query. */
	@Transactional(readOnly = true)
	public Map<String, List<String>> liveMembers(List<ServerGroupRecord> found) {
		Set<String> all = found.stream().flatMap((group) -> group.getMembers().stream()).collect(Collectors.toSet());
		Set<String> live = all.isEmpty() ? Set.of() : Set.copyOf(this.groups.liveInstances(all));
		return found.stream()
			.collect(Collectors.toMap(ServerGroupRecord::getUuid,
					(group) -> group.getMembers().stream().filter(live::contains).sorted().toList(), (a, b) -> a));
	}

	/** @throws ServerGroupNotFoundException if there is no such group */
	@Transactional
	public void delete(String uuid) {
		this.groups.delete(get(uuid));
	}

	/**
	 * Adds a new instance to the group, within the {@code server_group_members} quota of
	 * the group's members of {@code user}.
	 * @throws ComputeQuotas.OverQuotaException when the group is full
	 */
	@Transactional
	public void addMember(String uuid, String instanceUuid, String user) {
		ServerGroupRecord group = this.groups.lockByUuid(uuid).orElseThrow(() -> new ServerGroupNotFoundException(uuid));
		long members = group.getMembers().isEmpty() ? 0 : this.groups.countLiveOfUser(group.getMembers(), user);
		this.quotas.checkGroupMembers(group.getProjectId(), members + 1);
		group.getMembers().add(instanceUuid);
	}

	/** Nova's {@code InstanceGroupNotFound}. */
	public static class ServerGroupNotFoundException extends RuntimeException {

		ServerGroupNotFoundException(String uuid) {
			super("Instance group " + uuid + " could not be found.");
		}

	}

}
