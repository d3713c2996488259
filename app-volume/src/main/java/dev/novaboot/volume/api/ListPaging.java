package dev.novaboot.volume.api;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import dev.novaboot.service.api.BadRequestException;
import dev.novaboot.service.api.Uuids;
import dev.novaboot.volume.manager.InvalidInputException;
import dev.novaboot.volume.manager.ListPage;
import dev.novaboot.volume.manager.VolumeNotFoundException;

import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Cinder's list paging, as the API reads and writes it: {@code limit} caps a page,
 * {@code marker} (the id of the last item of the previous page) starts the next, and a
 * {@code <collection>_links} entry with {@code rel: next} points to it while items
 * remain. The manager finds the page in the database.
 */
final class ListPaging {

	/**
	 * The most items a page holds, and the page size when the request gives no
	 * {@code limit}: Cinder's {@code osapi_max_limit} default ({@code api.common}), so that
	 * an unpaged list of a large cloud is a page, not every row.
	 */
	static final int MAX_LIMIT = 1000;

	private ListPaging() {
	}

	/**
	 * The page the query parameters ask for: {@code limit}, {@code marker} (the id of a
	 * {@code resource}; anything that is no uuid names none, which is Cinder's 404) and the
	 * order, from {@code sort=key[:dir],...} or the older {@code sort_key}/{@code sort_dir}
	 * (not both), as Cinder's {@code api.common.get_sort_params} reads them. Whether the
	 * keys are sortable columns is the manager's check.
	 */
	static ListPage.Request request(String resource, String limit, String marker, Sorting sorting) {
		int max = parseLimit(limit);
		if (marker != null && !Uuids.isUuid(marker)) {
			throw new VolumeNotFoundException(resource + " " + RequestBodies.shown(marker) + " could not be found.");
		}
		return new ListPage.Request(max, marker, sorting.keys());
	}

	/**
	 * The sort parameters of a list request.
	 *
	 * @param sort {@code sort}, such as {@code size:asc,name}
	 * @param sortKey the older {@code sort_key}
	 * @param sortDir the older {@code sort_dir}
	 */
	record Sorting(String sort, String sortKey, String sortDir) {

		List<ListPage.SortKey> keys() {
			if (this.sort != null && (this.sortKey != null || this.sortDir != null)) {
				throw new BadRequestException("The 'sort_key' and 'sort_dir' parameters are deprecated and cannot be "
						+ "used with the 'sort' parameter.");
			}
			List<ListPage.SortKey> keys = new ArrayList<>();
			if (this.sort != null) {
				for (String entry : this.sort.strip().split(",", -1)) {
					int colon = entry.indexOf(':');
					String key = (colon < 0) ? entry : entry.substring(0, colon);
					String dir = (colon < 0) ? "" : entry.substring(colon + 1);
					keys.add(key(key.strip(), dir.strip()));
				}
			}
			else if (this.sortKey != null || this.sortDir != null) {
				keys.add(key((this.sortKey != null) ? this.sortKey.strip() : "created_at",
						(this.sortDir != null) ? this.sortDir.strip() : ""));
			}
			return keys;
		}

		private static ListPage.SortKey key(String key, String dir) {
			String direction = dir.isEmpty() ? "desc" : dir;
			if (!direction.equals("asc") && !direction.equals("desc")) {
				throw new InvalidInputException("Unknown sort direction, must be 'desc' or 'asc'.");
			}
			return new ListPage.SortKey(key, direction.equals("asc"));
		}

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

	private static int parseLimit(String limit) {
		if (limit == null) {
			return MAX_LIMIT;
		}
		// Cinder's words (api.common._get_limit_param)
		if (!limit.strip().matches("[+-]?[0-9]+")) {
			throw new BadRequestException("limit param must be an integer");
		}
		if (limit.strip().startsWith("-")) {
			throw new BadRequestException("limit param must be positive");
		}
		String digits = limit.strip().replace("+", "");
		return (digits.length() > 9) ? MAX_LIMIT : Math.min(Integer.parseInt(digits), MAX_LIMIT);
	}

}
