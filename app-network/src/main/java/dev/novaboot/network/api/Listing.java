package dev.novaboot.network.api;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

import dev.novaboot.network.manager.NetworkException;
import dev.novaboot.service.api.Uuids;

import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * Neutron's list filters: any attribute as a query parameter ({@code ?name=a&name=b}
 * matches either), {@code fields} to choose the attributes returned, and paging with
 * {@code limit} and {@code marker} (the id of the last item of the previous page).
 * Rows are read from the database in id order, starting after the marker's row (keyset).
 * The filters a resource can put into its query (stored attributes, and computed ones such
 * as a port's {@code network_id}, {@code fixed_ips} or {@code status}, translated by the
 * store) are the database's, so that a list reads just the page it returns; the few left
 * (constants such as a network's {@code mtu}, attributes only some callers see) are applied
 * to the views of the rows read, a chunk at a time until the page is full.
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
		return page(query, Filters.NONE, rows, rowId, byUuid, view);
	}

	/**
	 * Neutron's paging, where {@code rows} applies the database's part of the filters
	 * ({@link #filters}) and only the rest is matched on the views.
	 */
	static <T> List<Map<String, Object>> page(MultiValueMap<String, String> query, Filters filters, Rows<T> rows,
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
		MultiValueMap<String, String> inMemory = new LinkedMultiValueMap<>(query);
		filters.inDatabase().forEach(inMemory::remove);
		boolean allInDatabase = inMemory.keySet().stream().allMatch(NOT_FILTERS::contains);
		// every row the database returns is on the page: read the page in one query
		int chunk = (limit > 0) ? (allInDatabase ? limit : Math.min(limit, CHUNK)) : CHUNK;
		List<Map<String, Object>> page = new ArrayList<>();
		while (limit == 0 || page.size() < limit) {
			List<T> batch = rows.after(after, chunk);
			for (T row : batch) {
				Map<String, Object> shown = view.apply(row);
				if (matches(shown, inMemory)) {
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
	 * The filters of the query that the database applies, by the names the store knows
	 * them by.
	 * @param database the API's attribute names the store can filter on, with the store's
	 * names; {@code fixed_ips.ip_address} and {@code fixed_ips.subnet_id} for the parts of
	 * Neutron's {@code fixed_ips=ip_address=...} filter
	 */
	static Filters filters(MultiValueMap<String, String> query, Map<String, String> database) {
		Map<String, List<String>> filters = new LinkedHashMap<>();
		Set<String> applied = new HashSet<>();
		query.forEach((name, values) -> {
			if (NOT_FILTERS.contains(name)) {
				return;
			}
			if (database.containsKey(name)) {
				filters.put(database.get(name), values);
				applied.add(name);
			}
			else if (database.containsKey(name + ".ip_address") && subFilters(name, values, database, filters)) {
				applied.add(name);
			}
		});
		return new Filters(filters, applied);
	}

	// Neutron's fixed_ips=ip_address=a&fixed_ips=subnet_id=b: each key's values the store's
	// filter, all keys together (a key it does not know keeps the filter in memory)
	private static boolean subFilters(String name, List<String> values, Map<String, String> database,
			Map<String, List<String>> filters) {
		Map<String, List<String>> parts = new LinkedHashMap<>();
		for (String value : values) {
			int equals = value.indexOf('=');
			String key = (equals > 0) ? database.get(name + "." + value.substring(0, equals)) : null;
			if (key == null) {
				return false;
			}
			parts.computeIfAbsent(key, (k) -> new ArrayList<>()).add(value.substring(equals + 1));
		}
		filters.putAll(parts);
		return true;
	}

	/**
	 * The database's part of a list's filters.
	 * @param database the values asked for, by the store's filter names
	 * @param inDatabase the query parameters they come from, which need no matching in memory
	 */
	record Filters(Map<String, List<String>> database, Set<String> inDatabase) {

		static final Filters NONE = new Filters(Map.of(), Set.of());

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
			if (isKeyed(filter.getValue(), value)) {
				if (!matchesKeyed((List<?>) value, filter.getValue())) {
					return false;
				}
				continue;
			}
			boolean any = filter.getValue().stream().anyMatch((wanted) -> matches(value, wanted));
			if (!any) {
				return false;
			}
		}
		return true;
	}

	// a list of objects filtered as Neutron filters fixed_ips: key=value per entry
	private static boolean isKeyed(List<String> wanted, Object value) {
		return value instanceof List<?> list && list.stream().allMatch(Map.class::isInstance)
				&& wanted.stream().allMatch((w) -> w.indexOf('=') > 0);
	}

	// every key asked for is met by some entry (values of one key: any of them), as Neutron's
	// fixed_ips.any(ip_address in ...) and fixed_ips.any(subnet_id in ...)
	private static boolean matchesKeyed(List<?> entries, List<String> wanted) {
		Map<String, List<String>> byKey = new LinkedHashMap<>();
		for (String w : wanted) {
			int equals = w.indexOf('=');
			byKey.computeIfAbsent(w.substring(0, equals), (k) -> new ArrayList<>()).add(w.substring(equals + 1));
		}
		return byKey.entrySet()
			.stream()
			.allMatch((key) -> entries.stream()
				.anyMatch((entry) -> key.getValue().contains(String.valueOf(((Map<?, ?>) entry).get(key.getKey())))));
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
