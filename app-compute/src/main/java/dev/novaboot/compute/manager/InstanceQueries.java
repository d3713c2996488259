package dev.novaboot.compute.manager;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

import dev.novaboot.compute.store.Instance;
import dev.novaboot.compute.store.InstanceListing;
import dev.novaboot.compute.store.InstanceRepository;
import dev.novaboot.compute.store.TaskState;
import dev.novaboot.compute.store.VmState;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the API reads of the {@code instances} table: one live instance, and pages of a
 * project's live instances filtered, sorted and cut by the database.
 */
@Service
public class InstanceQueries {

	/**
	 * Rows read per query while a name or address filter (a regular expression, which the
	 * databases do not share a dialect for) is applied here: enough for a page, never the table.
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
	 * At most {@code limit} live instances that {@code criteria} and {@code matches} admit,
	 * in the order of {@code sort}, after the instance {@code marker} (Nova's server list).
	 * The database filters and sorts; {@code matches} (the filters the databases share no
	 * dialect for, regular expressions) is applied here to batches, never to the table.
	 * @throws MarkerNotFoundException if the marker is no instance the criteria's project owns
	 */
	@Transactional(readOnly = true)
	public List<Instance> list(InstanceListing.Criteria criteria, List<InstanceListing.Sort> sort, String marker,
			Predicate<Instance> matches, int limit) {
		if (criteria.changedSince() != null) {
			return listChanged(criteria, sort, marker, matches, limit);
		}
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

	/**
	 * Nova's {@code changes-since}: the live instances changed since then and the deleted
	 * ones too (shown {@code DELETED}), a delta sorted and paged here, since no query sees
	 * both; the marker may be a deleted instance of the delta.
	 */
	private List<Instance> listChanged(InstanceListing.Criteria criteria, List<InstanceListing.Sort> sort,
			String marker, Predicate<Instance> matches, int limit) {
		List<Instance> changed = new ArrayList<>();
		Instance after = null;
		while (!criteria.vmStates().isEmpty()) {
			List<Instance> batch = this.instances.page(criteria, sort, after, NAME_FILTER_BATCH);
			changed.addAll(batch);
			if (batch.size() < NAME_FILTER_BATCH) {
				break;
			}
			after = batch.get(batch.size() - 1);
		}
		changed.addAll(this.instances.deletedSince(criteria));
		changed.sort(InstanceListing.order(sort));
		int start = 0;
		if (marker != null) {
			start = indexOf(changed, marker) + 1;
			if (start == 0) {
				throw new MarkerNotFoundException(marker);
			}
		}
		return changed.subList(start, changed.size())
			.stream()
			.filter((instance) -> matches == null || matches.test(instance))
			.limit(limit)
			.toList();
	}

	private static int indexOf(List<Instance> instances, String uuid) {
		for (int index = 0; index < instances.size(); index++) {
			if (instances.get(index).getUuid().equals(uuid)) {
				return index;
			}
		}
		return -1;
	}

	/**
	 * Which states a list admits: the vm_states, and the task states ({@code null}: any
	 * task or none). The API's status filter is one of these.
	 */
	public record StateFilter(Set<VmState> vmStates, Set<TaskState> taskStates) {

		public static final StateFilter ANY = new StateFilter(EnumSet.allOf(VmState.class), null);

		public StateFilter {
			vmStates = Set.copyOf(vmStates);
			taskStates = (taskStates != null) ? Set.copyOf(taskStates) : null;
		}

	}

}
