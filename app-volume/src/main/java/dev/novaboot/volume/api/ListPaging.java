package dev.novaboot.volume.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import dev.novaboot.service.api.BadRequestException;
import dev.novaboot.service.api.Uuids;
import dev.novaboot.volume.manager.InvalidInputException;
import dev.novaboot.volume.manager.ListPage;

import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Cinder's list paging, as the API reads and writes it: {@code limit} caps a page,
 * {@code marker} (the id of the last item of the previous page) starts the next, and a
 * {@code <collection>_links} entry with {@code rel: next} points to it while items
 * remain. The manager finds the page in the database.
 */
final class ListPaging {

	private ListPaging() {
	}

	/** The page the query parameters ask for. */
	static ListPage.Request request(String limit, String marker) {
		Integer max = parseLimit(limit);
		if (marker != null && !Uuids.isUuid(marker)) {
			// no item has such an id: the same answer as for an id that is no item of the list
			throw new InvalidInputException("marker [" + RequestBodies.shown(marker) + "] not found.");
		}
		return new ListPage.Request(max, marker);
	}

	/** The list's body: the page's items as views, and the link to the next page if rows follow. */
	static <T, V> Map<String, Object> body(String collection, ListPage<T> page, ListPage.Request request,
			Function<T, String> id, Function<T, V> view) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put(collection, page.items().stream().map(view).toList());
		if (page.hasNext() && !page.items().isEmpty()) {
			String next = ServletUriComponentsBuilder.fromCurrentRequest()
				.replaceQueryParam("limit", request.limit())
				.replaceQueryParam("marker", id.apply(page.items().get(page.items().size() - 1)))
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

}
