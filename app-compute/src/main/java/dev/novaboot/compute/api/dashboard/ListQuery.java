package dev.novaboot.compute.api.dashboard;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The paging and filters of a list page, checked, as the API's own query: the API pages
 * and filters in its database; the dashboard only passes them on.
 */
final class ListQuery {

	static final int DEFAULT_LIMIT = 20;

	private ListQuery() {
	}

	/**
	 * @param filters the filters given (blank ones are left out), each at most 255 characters
	 * @param limit the page size, 1 to 1000
	 * @param marker the last id of the previous page, a UUID, or blank
	 */
	static Map<String, String> of(Map<String, String> filters, String limit, String marker, boolean allProjects) {
		Map<String, String> query = new LinkedHashMap<>();
		filters.forEach((name, value) -> {
			if (value != null && !value.isBlank()) {
				if (value.length() > 255) {
					throw new BadDashboardRequestException("The " + name + " filter has 255 characters at most.");
				}
				query.put(name, value.strip());
			}
		});
		query.put("limit", String.valueOf(limit(limit)));
		if (marker != null && !marker.isBlank()) {
			query.put("marker", Ids.uuid("marker", marker));
		}
		if (allProjects) {
			query.put("all_tenants", "1");
		}
		return query;
	}

	static int limit(String limit) {
		if (limit == null || limit.isBlank()) {
			return DEFAULT_LIMIT;
		}
		try {
			int value = Integer.parseInt(limit);
			if (value >= 1 && value <= 1000) {
				return value;
			}
		}
		catch (NumberFormatException ex) {
			// refused below
		}
		throw new BadDashboardRequestException("The limit must be a whole number from 1 to 1000.");
	}

	/** The marker of the next page: the last item's id when the page is full, else none. */
	static String nextMarker(List<Map<String, Object>> page, int limit) {
		return (page.size() == limit && !page.isEmpty()) ? String.valueOf(page.get(page.size() - 1).get("id")) : null;
	}

}
