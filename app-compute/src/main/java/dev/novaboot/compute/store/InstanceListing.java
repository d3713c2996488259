package dev.novaboot.compute.store;

import java.time.Instant;
import java.util.Collection;
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
	 * What a list admits; a null or empty field does not filter.
	 * @param projectId the project whose instances are listed (null: every project's)
	 * @param vmStates the vm states admitted
	 * @param rebooting whether a reboot must be running (true), must not (false), or either (null)
	 * @param imageRef the image the instance was booted from
	 * @param flavorId the flavor it was booted with
	 * @param reservationId the reservation id of its boot request
	 * @param changedSince the earliest update time
	 * @param allTags tags it must all have; {@code anyTags} one of which; {@code notAllTags}
	 * not all of which; {@code noTags} none of which (Nova's tag filters)
	 */
	record Criteria(String projectId, Collection<VmState> vmStates, Boolean rebooting, String imageRef,
			String flavorId, String reservationId, Instant changedSince, Set<String> allTags, Set<String> anyTags,
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
