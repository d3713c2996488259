package dev.novaboot.compute.store;

import java.util.List;

/**
 * A page of flavors as Nova's {@code FlavorList.get_all} gives it, in the database: the
 * flavors a project may see (or, for admins, a choice of public and private ones), with
 * at least {@code minRam} MB and {@code minDisk} GB, sorted by one key and the row id,
 * after the marker (keyset) and at most {@code limit}.
 */
public interface FlavorListing {

	/**
	 * @param visibleTo the project whose private flavors are shown besides the public ones
	 * ({@code publicOnly}); null when {@code publicOnly} is not asked
	 * @param publicOnly public flavors (and those open to {@code visibleTo}) when true,
	 * private ones only when false, every flavor when null
	 * @param enabledOnly whether disabled flavors are left out
	 * @param sortKey an attribute of {@link FlavorRecord}
	 * @param marker the row after which the page starts, or null
	 */
	List<FlavorRecord> page(String visibleTo, Boolean publicOnly, boolean enabledOnly, Integer minRam, Integer minDisk,
			String sortKey, boolean ascending, FlavorRecord marker, int limit);

}
