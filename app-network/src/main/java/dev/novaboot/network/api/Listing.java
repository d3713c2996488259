package dev.novaboot.network.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.novaboot.network.manager.NetworkException;
import dev.novaboot.service.api.Uuids;

import org.springframework.util.MultiValueMap;

/**
 * Neutron's list filters: any attribute as a query parameter ({@code ?name=a&name=b}
 * matches either), {@code fields} to choose the attributes returned, and paging with
 * {@code limit} and {@code marker} (the id of the last item of the previous page).
 */
final class Listing {

	private static final Set<String> NOT_FILTERS = Set.of("fields", "limit", "marker", "sort_key", "sort_dir",
			"page_reverse", "verbose");

	private Listing() {
	}

	static List<Map<String, Object>> apply(List<Map<String, Object>> views, MultiValueMap<String, String> query) {
		int limit = limit(query.getFirst("limit"));
		String marker = marker(query.getFirst("marker"));
		List<Map<String, Object>> matching = views.stream().filter((view) -> matches(view, query)).toList();
		int start = 0;
		if (marker != null) {
			start = indexOf(matching, marker) + 1;
			if (start == 0) {
				throw badRequest("marker", "marker " + marker + " is not in the list");
			}
		}
		// Neutron's paging: the page after the item named by marker, at most limit items (0: all)
		int end = (limit > 0) ? Math.min(matching.size(), start + limit) : matching.size();
		return matching.subList(start, end).stream().map((view) -> fields(view, query)).toList();
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

	private static int indexOf(List<Map<String, Object>> views, String id) {
		for (int i = 0; i < views.size(); i++) {
			if (id.equals(views.get(i).get("id"))) {
				return i;
			}
		}
		return -1;
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
