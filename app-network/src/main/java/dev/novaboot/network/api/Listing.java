package dev.novaboot.network.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.util.MultiValueMap;

/**
 * Neutron's list filters: any attribute as a query parameter ({@code ?name=a&name=b}
 * matches either), and {@code fields} to choose the attributes returned.
 */
final class Listing {

	private static final Set<String> NOT_FILTERS = Set.of("fields", "limit", "marker", "sort_key", "sort_dir",
			"page_reverse", "verbose");

	private Listing() {
	}

	static List<Map<String, Object>> apply(List<Map<String, Object>> views, MultiValueMap<String, String> query) {
		return views.stream().filter((view) -> matches(view, query)).map((view) -> fields(view, query)).toList();
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
