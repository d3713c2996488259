package dev.novaboot.compute.manager;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;

import dev.novaboot.compute.store.Instance;
import dev.novaboot.compute.store.InstanceListing;
import dev.novaboot.compute.store.InstanceRepository;
import dev.novaboot.compute.store.TaskState;
import dev.novaboot.compute.store.VmState;

import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the API reads of the {@code instances} table: one live instance, and pages of a
 * project's live instances filtered, sorted and cut by the database.
 */
@Service
public class InstanceQueries {

	/**
	 * Rows read per query while a name filter (a regular expression, which the databases
	 * do not share a dialect for) is applied here: enough for a page, never the table.
	 */
	private static final int NAME_FILTER_BATCH = 200;

	private final InstanceRepository instances;

	InstanceQueries(InstanceRepository instances) {
		this.instances = instances;
	}

	/** The live instances placed on {@code host} (a hypervisor's servers). */
	@Transactional(readOnly = true)
	public List<Instance> onHost(String host) {
		return this.instances.findLiveByHost(host);
	}

	@Transactional(readOnly = true)
	public Optional<Instance> findLive(String uuid) {
		return this.instances.findLive(uuid);
	}

	/**
	 * At most {@code limit} (all when null) of the project's live instances, newest first,
	 * that match {@code name} (found anywhere in the name, when not null) and
	 * {@code states}, starting after the instance {@code marker} (Nova's paging).
	 * @throws MarkerNotFoundException if the marker is none of the instances listed
	 */
	@Transactional(readOnly = true)
	public List<Instance> page(String projectId, Pattern name, StateFilter states, Integer limit, String marker) {
		return page(projectId, name, states, TagFilter.NONE, limit, marker);
	}

	/** {@link #page(String, Pattern, StateFilter, Integer, String)} among the servers {@code tags} admits. */
	@Transactional(readOnly = true)
	public List<Instance> page(String projectId, Pattern name, StateFilter states, TagFilter tags, Integer limit,
			String marker) {
		Instance after = null;
		if (marker != null) {
			after = this.instances.findLive(marker)
				.filter((instance) -> instance.getProjectId().equals(projectId))
				.filter((instance) -> matches(instance, name, states))
				.orElseThrow(() -> new MarkerNotFoundException(marker));
		}
		if ((limit != null && limit == 0) || states.vmStates().isEmpty()) {
			return List.of();
		}
		if (name == null) {
			return fetch(projectId, states, tags, after, (limit != null) ? Limit.of(limit) : Limit.unlimited());
		}
		List<Instance> page = new ArrayList<>();
		while (true) {
			List<Instance> batch = fetch(projectId, states, tags, after, Limit.of(NAME_FILTER_BATCH));
			for (Instance instance : batch) {
				if (name.matcher(instance.getName()).find()) {
					page.add(instance);
					if (limit != null && page.size() == limit) {
						return page;
					}
				}
			}
			if (batch.size() < NAME_FILTER_BATCH) {
				return page;
			}
			after = batch.get(batch.size() - 1);
		}
	}

	/**
	 * At most {@code limit} live instances that {@code criteria} and {@code matches} admit,
	 * in the order of {@code sort}, after the instance {@code marker} (Nova's server list).
	 * The database filters and sorts; {@code matches} (the filters the databases share no
	 * dialect for, regular expressions) is applied here to batches, never to the table.
	 * @throws MarkerNotFoundException if the marker is no instance the criteria's project owns
	 */
	@Transactional(readOnly = true)
	public List<Instance> list(InstanceListing.Criteria criteria, List<InstanceListing.Sort> sort, String marker,
			Predicate<Instance> matches, int limit) {
		Instance after = null;
		if (marker != null) {
			after = this.instances.findLive(marker)
				.filter((instance) -> criteria.projectId() == null || instance.getProjectId().equals(criteria.projectId()))
				.orElseThrow(() -> new MarkerNotFoundException(marker));
		}
		if (limit == 0 || criteria.vmStates().isEmpty()) {
			return List.of();
		}
		if (matches == null) {
			return this.instances.page(criteria, sort, after, limit);
		}
		List<Instance> page = new ArrayList<>();
		while (true) {
			List<Instance> batch = this.instances.page(criteria, sort, after, NAME_FILTER_BATCH);
			for (Instance instance : batch) {
				if (matches.test(instance)) {
					page.add(instance);
					if (page.size() == limit) {
						return page;
					}
				}
			}
			if (batch.size() < NAME_FILTER_BATCH) {
				return page;
			}
			after = batch.get(batch.size() - 1);
		}
	}

	private List<Instance> fetch(String projectId, StateFilter states, TagFilter tags, Instance after, Limit limit) {
		boolean anyTask = states.rebooting() == null;
		boolean rebooting = Boolean.TRUE.equals(states.rebooting());
		if (after == null) {
			return this.instances.findLivePage(projectId, states.vmStates(), anyTask, rebooting, TaskState.REBOOTING,
					bound(tags.all()), tags.all().size(), bound(tags.any()), tags.any().size(), bound(tags.notAll()),
					tags.notAll().size(), bound(tags.none()), tags.none().size(), limit);
		}
		return this.instances.findLivePageAfter(projectId, states.vmStates(), anyTask, rebooting,
				TaskState.REBOOTING, bound(tags.all()), tags.all().size(), bound(tags.any()), tags.any().size(),
				bound(tags.notAll()), tags.notAll().size(), bound(tags.none()), tags.none().size(),
				after.getCreatedAt(), after.getId(), limit);
	}

	// an empty list cannot be bound to "in" everywhere; the empty string is no tag
	private static Set<String> bound(Set<String> tags) {
		return tags.isEmpty() ? Set.of("") : tags;
	}

	private static boolean matches(Instance instance, Pattern name, StateFilter states) {
		return (name == null || name.matcher(instance.getName()).find()) && states.matches(instance);
	}

	/**
	 * Which states a list admits: the vm_states, and whether a reboot must be running
	 * ({@code true}), must not be ({@code false}) or either ({@code null}). The API's
	 * status filter is one of these.
	 */
	/**
	 * Nova's server tag filters: {@code tags} (all of them), {@code tags-any},
	 * {@code not-tags} (not all of them), {@code not-tags-any} (none of them).
	 */
	public record TagFilter(Set<String> all, Set<String> any, Set<String> notAll, Set<String> none) {

		public static final TagFilter NONE = new TagFilter(Set.of(), Set.of(), Set.of(), Set.of());

		public TagFilter {
			all = Set.copyOf(all);
			any = Set.copyOf(any);
			notAll = Set.copyOf(notAll);
			none = Set.copyOf(none);
		}

	}

	public record StateFilter(Set<VmState> vmStates, Boolean rebooting) {

		public static final StateFilter ANY = new StateFilter(EnumSet.allOf(VmState.class), null);

		public StateFilter {
			vmStates = Set.copyOf(vmStates);
		}

		boolean matches(Instance instance) {
			boolean isRebooting = instance.getTaskState() == TaskState.REBOOTING;
			return this.vmStates.contains(instance.getVmState())
					&& (this.rebooting == null || this.rebooting == isRebooting);
		}

	}

}
