package dev.novaboot.compute.store;

import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * Pages of live instances filtered and sorted by the database, the keys and filters
 * chosen by the caller (Nova's server list); implemented with the Criteria API.
 */
public interface InstanceListing {

	/**
	 * At most {@code limit} live instances that {@code criteria} admits, in the order of
	 * {@code sort} (the row id breaks ties), after {@code marker} when it is not null.
	 */
	List<Instance> page(Criteria criteria, List<Sort> sort, Instance marker, int limit);

	/**
	 * The deleted instances {@code criteria} admits that changed since its
	 * {@code changedSince} (Nova lists them with {@code changes-since}), unordered: the
	 * soft-delete restriction of every other query would hide them.
	 */
	List<Instance> deletedSince(Criteria criteria);

	/** The order of {@code sort} in memory, as {@link #page} orders (the row id breaks ties). */
	static Comparator<Instance> order(List<Sort> sort) {
		Comparator<Instance> order = (a, b) -> 0;
		for (Sort key : sort) {
			Comparator<Instance> byKey = Comparator.comparing((Instance instance) -> sortValue(instance, key.column()));
			order = order.thenComparing(key.ascending() ? byKey : byKey.reversed());
		}
		boolean ascending = !sort.isEmpty() && sort.get(0).ascending();
		Comparator<Instance> byId = Comparator.comparing(Instance::getId);
		return order.thenComparing(ascending ? byId : byId.reversed());
	}

	/** The value an instance is sorted by, a null as the database sorts it (coalesced). */
	@SuppressWarnings({ "rawtypes", "unchecked" })
	static Comparable<Object> sortValue(Instance instance, Column column) {
		Comparable value = switch (column) {
			case ACCESS_IP_V4 -> instance.getAccessIpV4();
			case ACCESS_IP_V6 -> instance.getAccessIpV6();
			case CREATED_AT -> instance.getCreatedAt();
			case DESCRIPTION -> instance.getDescription();
			case NAME -> instance.getName();
			case HOST -> instance.getHost();
			case HOSTNAME -> instance.getHostname();
			case IMAGE_REF -> instance.getImageRef();
			case FLAVOR_ID -> instance.getFlavorId();
			case LAUNCHED_AT -> instance.getLaunchedAt();
			case POWER_STATE -> instance.getPowerState();
			case PROJECT_ID -> instance.getProjectId();
			case UPDATED_AT -> instance.getUpdatedAt();
			case USER_ID -> instance.getUserId();
			case UUID -> instance.getUuid();
			case VM_STATE -> instance.getVmState();
		};
		if (value == null) {
			return (column == Column.LAUNCHED_AT) ? (Comparable) Instant.EPOCH : (Comparable) "";
		}
		return value;
	}

	/**
	 * What a list admits; a null or empty field does not filter.
	 * @param projectId the project whose instances are listed (null: every project's)
	 * @param vmStates the vm states admitted
	 * @param taskStates the task states admitted (null: any task or none)
	 * @param imageRef the image the instance was booted from
	 * @param flavorId the flavor it was booted with
	 * @param reservationId the reservation id of its boot request
	 * @param host the compute host it is on (Nova's admin-only {@code host} and {@code node} filters)
	 * @param changedSince the earliest update time; deleted instances count too (Nova's
	 * {@code changes-since}), when {@link InstanceListing#deletedSince} is asked
	 * @param allTags tags it must all have; {@code anyTags} one of which; {@code notAllTags}
	 * not all of which; {@code noTags} none of which (Nova's tag filters)
	 */
	record Criteria(String projectId, Collection<VmState> vmStates, Collection<TaskState> taskStates, String imageRef,
			String flavorId, String reservationId, String host, Instant changedSince, Set<String> allTags, Set<String> anyTags,
			Set<String> notAllTags, Set<String> noTags) {
	}

	/** One sort key: an attribute of {@link Instance} and its direction. */
	record Sort(Column column, boolean ascending) {
	}

	/** The attributes a list sorts by, and whether they may be null. */
	enum Column {

		ACCESS_IP_V4("accessIpV4", true), ACCESS_IP_V6("accessIpV6", true), CREATED_AT("createdAt", false),
		DESCRIPTION("description", true), NAME("name", false), HOST("host", true), HOSTNAME("hostname", true),
		IMAGE_REF("imageRef", false), FLAVOR_ID("flavorId", false), LAUNCHED_AT("launchedAt", true),
		POWER_STATE("powerState", false), PROJECT_ID("projectId", false), UPDATED_AT("updatedAt", false),
		USER_ID("userId", false), UUID("uuid", false), VM_STATE("vmState", false);

		private final String attribute;

		private final boolean nullable;

		Column(String attribute, boolean nullable) {
			this.attribute = attribute;
			this.nullable = nullable;
		}

		String attribute() {
			return this.attribute;
		}

		boolean nullable() {
			return this.nullable;
		}

	}

}
