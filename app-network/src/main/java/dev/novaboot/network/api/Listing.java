package dev.novaboot.network.api;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

import dev.novaboot.network.manager.NetworkException;
import dev.novaboot.service.api.Uuids;

import org.springframework.util.MultiValueMap;

/**
 * Neutron's list filters: any attribute as a query parameter ({@code ?name=a&name=b}
 * matches either), {@code fields} to choose the attributes returned, and paging with
 * {@code limit} and {@code marker} (the id of the last item of the previous page).
 * Rows are read from the database in id order, a chunk at a time, starting after the
 * marker's row (keyset), until the page is full. Filters on attributes stored as shown are
 * part of the query; every filter is applied to the views of the rows read as well, as
 * several attributes are computed ({@code status}, {@code subnets}, {@code network_id}).
 */
final class Listing {

	private static final Set<String> NOT_FILTERS = Set.of("fields", "limit", "marker", "sort_key", "sort_dir",
			"page_reverse", "verbose");

	// rows read per query when the page is larger or unlimited
	private static final int CHUNK = 100;

	private Listing() {
	}

	/**
	 * Neutron's paging: the page after the item named by marker, at most limit items (0:
	 * all), of the items that match the filters.
	 * @param rows the rows the caller sees, in id order, after a row id (0: from the first)
	 * @param rowId the row id of a row
	 * @param byUuid the row with an API id, if the caller sees it
	 * @param view a row as the API shows it
	 */
	static <T> List<Map<String, Object>> page(MultiValueMap<String, String> query, Rows<T> rows,
			Function<T, Long> rowId, Function<String, Optional<T>> byUuid, Function<T, Map<String, Object>> view) {
		int limit = limit(query.getFirst("limit"));
		String marker = marker(query.getFirst("marker"));
		long after = 0;
		if (marker != null) {
			T row = byUuid.apply(marker)
				.filter((candidate) -> matches(view.apply(candidate), query))
				.orElseThrow(() -> badRequest("marker", "marker " + marker + " is not in the list"));
			after = rowId.apply(row);
		}
		int chunk = (limit > 0) ? Math.min(limit, CHUNK) : CHUNK;
		List<Map<String, Object>> page = new ArrayList<>();
		while (limit == 0 || page.size() < limit) {
			List<T> batch = rows.after(after, chunk);
			for (T row : batch) {
				Map<String, Object> shown = view.apply(row);
				if (matches(shown, query)) {
					page.add(fields(shown, query));
					if (page.size() == limit) {
						break;
					}
				}
			}
			if (batch.size() < chunk) {
				break;
			}
			after = rowId.apply(batch.get(batch.size() - 1));
		}
		return page;
	}

	/**
	 * The filters of the query on attributes the database can match, by the entity's
	 * attribute name.
	 * @param stored the API's attribute names that are stored as shown, with the entity's
	 * names
	 */
	static Map<String, List<String>> stored(MultiValueMap<String, String> query, Map<String, String> stored) {
		Map<String, List<String>> filters = new LinkedHashMap<>();
		query.forEach((name, values) -> {
			if (stored.containsKey(name) && !NOT_FILTERS.contains(name)) {
				filters.put(stored.get(name), values);
			}
		});
		return filters;
	}

	/** The row a lookup finds, or empty when it answers "not found". */
	static <T> Optional<T> found(Supplier<T> lookup) {
		try {
			return Optional.of(lookup.get());
		}
		catch (NetworkException ex) {
			if (ex.kind() == NetworkException.Kind.NOT_FOUND) {
				return Optional.empty();
			}
			throw ex;
		}
	}

	/** A resource's rows the caller sees, in id order. */
	@FunctionalInterface
	interface Rows<T> {

		/** At most {@code size} rows after the row {@code afterId}. */
		List<T> after(long afterId, int size);

	}

	// Neutron's words (api_common._get_limit_param); it answers this as a BadRequest
	private static int limit(String limit) {
		if (limit == null) {
			return 0;
		}
		if (!limit.matches("[0-9]+")) {
			throw badRequest("limit", "Limit must be an integer 0 or greater and not '" + Limits.shown(limit) + "'");
		}
		// more than the list holds is all of it
		return (limit.length() > 9) ? Integer.MAX_VALUE : Integer.parseInt(limit);
	}

	private static String marker(String marker) {
		if (marker != null && !Uuids.isUuid(marker)) {
			throw badRequest("marker", "'" + Limits.shown(marker) + "' is not a valid UUID");
		}
		return marker;
	}

	// neutron_lib.exceptions.BadRequest: "Bad <resource> request: <msg>."
	private static NetworkException badRequest(String parameter, String message) {
		return new NetworkException(NetworkException.Kind.INVALID, "BadRequest", "Bad " + parameter + " request: " + message + ".");
	}

	static Map<String, Object> fields(Map<String, Object> view, MultiValueMap<String, String> query) {
		List<String> fields = query.get("fields");
		if (fields == null || fields.isEmpty()) {
			return view;
		}
		Map<String, Object> selected = new LinkedHashMap<>();
		for (String field : fields) {
			for (String name : field.split(",")) {
				if (view.containsKey(name)) {
					selected.put(name, view.get(name));
				}
			}
		}
		return selected;
	}

	private static boolean matches(Map<String, Object> view, MultiValueMap<String, String> query) {
		for (Map.Entry<String, List<String>> filter : query.entrySet()) {
			if (NOT_FILTERS.contains(filter.getKey()) || !view.containsKey(filter.getKey())) {
				continue;
			}
			Object value = view.get(filter.getKey());
			boolean any = filter.getValue().stream().anyMatch((wanted) -> matches(value, wanted));
			if (!any) {
				return false;
			}
		}
		return true;
	}

	private static boolean matches(Object value, String wanted) {
		if (value instanceof Boolean) {
			return value.toString().equalsIgnoreCase(wanted);
		}
		if (value instanceof List<?> list) {
			return list.stream().anyMatch((item) -> String.valueOf(item).equals(wanted));
		}
		return String.valueOf(value).equals(wanted);
	}

}
