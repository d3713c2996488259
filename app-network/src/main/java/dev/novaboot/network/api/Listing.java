package dev.novaboot.network.api;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import dev.novaboot.network.manager.NetworkException;
import dev.novaboot.network.store.ListOrder;
import dev.novaboot.service.api.Uuids;

import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.util.UriComponentsBuilder;

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

	// rows read per query at most when the database applies every filter: a page of 1,000
	// in one query, a larger one in several (the batch's views take its ids as parameters)
	private static final int MAX_CHUNK = 1000;

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
		return page(query, filters, ListOrder.BY_ID, rows, rowId, byUuid, view).items();
	}

	/**
	 * Neutron's paging in the order of {@code sort_key}/{@code sort_dir} ({@link #order}):
	 * {@code rows} reads the rows in that order (backwards for {@code page_reverse}, whose
	 * page is turned back into the order asked for), after a row.
	 */
	static <T> Page page(MultiValueMap<String, String> query, Filters filters, ListOrder order, Rows<T> rows,
			Function<T, Long> rowId, Function<String, Optional<T>> byUuid, Function<T, Map<String, Object>> view) {
		return pageByBatch(query, filters, order, rows, rowId, byUuid,
				(batch) -> batch.stream().map(view).toList());
	}

	/**
	 * {@link #page(MultiValueMap, Filters, ListOrder, Rows, Function, Function, Function)}
	 * with the views made for a batch of rows at once ({@code views} returns them in the
	 * batch's order), so that what the views show of other tables is read once per batch,
	 * not once per row.
	 */
	static <T> Page pageByBatch(MultiValueMap<String, String> query, Filters filters, ListOrder order, Rows<T> rows,
			Function<T, Long> rowId, Function<String, Optional<T>> byUuid,
			Function<List<T>, List<Map<String, Object>>> views) {
		Function<T, Map<String, Object>> view = (row) -> views.apply(List.of(row)).get(0);
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
		// every row the database returns is on the page: read a page of up to MAX_CHUNK in one query
		int most = allInDatabase ? MAX_CHUNK : CHUNK;
		int chunk = (limit > 0) ? Math.min(limit, most) : most;
		List<Map<String, Object>> page = new ArrayList<>();
		List<Object> ids = new ArrayList<>();
		while (limit == 0 || page.size() < limit) {
			List<T> batch = rows.after(after, chunk);
			List<Map<String, Object>> batchViews = views.apply(batch);
			for (Map<String, Object> shown : batchViews) {
				if (matches(shown, inMemory)) {
					page.add(fields(shown, query));
					ids.add(shown.get("id"));
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
		if (order.reversed()) {
			Collections.reverse(page);
			Collections.reverse(ids);
		}
		return new Page(page, ids, limit, order.reversed());
	}

	/**
	 * A page of a list: the items shown, the ids of its items (also where {@code fields}
	 * leaves the id out, for the links), and how it was asked for.
	 */
	record Page(List<Map<String, Object>> items, List<Object> ids, int limit, boolean reversed) {

		/**
		 * Neutron's {@code <collection>_links} (api_common.get_pagination_links): with a
		 * limit, "next" unless a forward page came out short, "previous" unless a reversed
		 * one did; each the request with the marker of the page's last (first) item.
		 */
		List<Map<String, Object>> links(String path, MultiValueMap<String, String> query) {
			List<Map<String, Object>> links = new ArrayList<>();
			if (this.limit == 0) {
				return links;
			}
			boolean shortPage = this.items.size() < this.limit;
			if (!(shortPage && !this.reversed)) {
				links.add(Map.of("rel", "next",
						"href", link(path, query, this.ids.isEmpty() ? null : this.ids.get(this.ids.size() - 1), false)));
			}
			if (!(shortPage && this.reversed)) {
				links.add(Map.of("rel", "previous",
						"href", link(path, query, this.ids.isEmpty() ? null : this.ids.get(0), true)));
			}
			return links;
		}

		// the request's parameters (decoded by the server) in their order, the marker and
		// page_reverse replaced, encoded again
		private static String link(String path, MultiValueMap<String, String> query, Object marker, boolean previous) {
			UriComponentsBuilder link = UriComponentsBuilder.fromUriString(path);
			query.forEach((name, values) -> {
				if (!name.equals("marker") && !name.equals("page_reverse")) {
					values.forEach((value) -> link.queryParam(name, "{v}"));
				}
			});
			List<Object> values = new ArrayList<>();
			query.forEach((name, all) -> {
				if (!name.equals("marker") && !name.equals("page_reverse")) {
					values.addAll(all);
				}
			});
			if (marker != null) {
				link.queryParam("marker", "{v}");
				values.add(marker);
			}
			if (previous) {
				link.queryParam("page_reverse", "True");
			}
			return link.encode().buildAndExpand(values.toArray()).toUriString();
		}

		/**
		 * The list's body: the items under the collection's name, and its links when there
		 * are any.
		 * @param path the request's URL without its query
		 */
		Map<String, Object> body(String collection, String path, MultiValueMap<String, String> query) {
			Map<String, Object> body = new LinkedHashMap<>();
			body.put(collection, this.items);
			List<Map<String, Object>> links = links(path, query);
			if (!links.isEmpty()) {
				body.put(collection + "_links", links);
			}
			return body;
		}

	}

	/**
	 * The order of {@code sort_key}/{@code sort_dir} (as many of one as of the other, keys
	 * that are the resource's sort keys, directions {@code asc} or {@code desc}, as
	 * Neutron's api_common.get_sorts checks them) and {@code page_reverse}.
	 * @param sortKeys the API's sort keys with the store's names; an empty name is a key
	 * whose value is the same for every row (a constant such as {@code mtu}), which orders
	 * nothing
	 */
	static ListOrder order(MultiValueMap<String, String> query, Map<String, String> sortKeys) {
		List<String> keys = nonEmpty(query.get("sort_key"));
		List<String> dirs = nonEmpty(query.get("sort_dir"));
		if (keys.size() != dirs.size()) {
			throw NetworkException.badRequest("The number of sort_keys and sort_dirs must be same");
		}
		List<String> absent = keys.stream().filter((key) -> !sortKeys.containsKey(key)).toList();
		if (!absent.isEmpty()) {
			throw NetworkException.badRequest(pythonList(absent) + " is invalid attribute for sort_keys");
		}
		List<String> invalid = dirs.stream().filter((dir) -> !dir.equals("asc") && !dir.equals("desc")).toList();
		if (!invalid.isEmpty()) {
			throw NetworkException.badRequest(pythonList(invalid)
					+ " is invalid value for sort_dirs, valid value is 'asc' and 'desc'");
		}
		List<ListOrder.Key> order = new ArrayList<>();
		for (int i = 0; i < keys.size(); i++) {
			String name = sortKeys.get(keys.get(i));
			if (!name.isEmpty()) {
				order.add(new ListOrder.Key(name, dirs.get(i).equals("asc")));
			}
		}
		String reverse = query.getFirst("page_reverse");
		return new ListOrder(order, reverse != null && reverse.equalsIgnoreCase("true"));
	}

	private static List<String> nonEmpty(List<String> values) {
		return (values != null) ? values.stream().filter((value) -> !value.isEmpty()).toList() : List.of();
	}

	// as Neutron's message shows the list: ['a', 'b'], each value shortened
	private static String pythonList(List<String> values) {
		return values.stream()
			.limit(5)
			.map((value) -> "'" + Limits.shown(value) + "'")
			.collect(Collectors.joining(", ", "[", (values.size() > 5) ? ", ...]" : "]"));
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
