package dev.novaboot.volume.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import dev.novaboot.service.api.BadRequestException;
import dev.novaboot.service.api.Uuids;
import dev.novaboot.volume.manager.InvalidInputException;

import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Cinder's list paging: {@code limit} caps a page, {@code marker} (the id of the last
 * item of the previous page) starts the next, and a {@code <collection>_links} entry with
 * {@code rel: next} points to it while items remain.
 */
final class Pagination {

	private Pagination() {
	}

	static <T, V> Map<String, Object> page(String collection, List<T> items, Function<T, String> id,
			Function<T, V> view, String limit, String marker) {
		Integer max = parseLimit(limit);
		int start = 0;
		if (marker != null) {
			int index = Uuids.isUuid(marker) ? indexOf(items, id, marker) : -1;
			if (index < 0) {
				throw new InvalidInputException("marker [" + RequestBodies.shown(marker) + "] not found.");
			}
			start = index + 1;
		}
		int end = (max != null) ? Math.min(items.size(), start + max) : items.size();
		List<T> page = items.subList(start, end);
		Map<String, Object> body = new LinkedHashMap<>();
		body.put(collection, page.stream().map(view).toList());
		if (end < items.size() && !page.isEmpty()) {
			String next = ServletUriComponentsBuilder.fromCurrentRequest()
				.replaceQueryParam("limit", max)
				.replaceQueryParam("marker", id.apply(page.get(page.size() - 1)))
				.build()
				.toUriString();
			body.put(collection + "_links", List.of(new Link(next, "next")));
		}
		return body;
	}

	private static Integer parseLimit(String limit) {
		if (limit == null) {
			return null;
		}
		// Cinder's words (api.common._get_limit_param)
		if (!limit.strip().matches("[+-]?[0-9]+")) {
			throw new BadRequestException("limit param must be an integer");
		}
		if (limit.strip().startsWith("-")) {
			throw new BadRequestException("limit param must be positive");
		}
		String digits = limit.strip().replace("+", "");
		// more than the list holds is all of it
		return (digits.length() > 9) ? Integer.MAX_VALUE : Integer.parseInt(digits);
	}

	private static <T> int indexOf(List<T> items, Function<T, String> id, String marker) {
		for (int i = 0; i < items.size(); i++) {
			if (marker.equals(id.apply(items.get(i)))) {
				return i;
			}
		}
		return -1;
	}

}
