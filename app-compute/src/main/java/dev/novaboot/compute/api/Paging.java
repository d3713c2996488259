package dev.novaboot.compute.api;

import java.util.List;
import java.util.Map;

import dev.novaboot.service.api.BadRequestException;

import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Nova's paging of a collection ({@code nova.api.openstack.common}): {@code limit} a
 * non-negative integer, at most (and by default) {@link #MAX_LIMIT}; a {@code next} link
 * with the last item as marker when a page is full.
 */
final class Paging {

	/** Nova's {@code [api] max_limit}. */
	static final int MAX_LIMIT = 1000;

	private Paging() {
	}

	/** The page size a {@code limit} parameter asks for; 400 with Nova's words if it is no such number. */
	static int limit(String limit) {
		if (limit == null) {
			return MAX_LIMIT;
		}
		int value;
		try {
			value = Integer.parseInt(limit.strip());
		}
		catch (NumberFormatException ex) {
			throw new BadRequestException("Invalid input received: limit must be an integer");
		}
		if (value < 0) {
			throw new BadRequestException("Invalid input received: limit must be >= 0");
		}
		// 0, or more than the maximum, is the maximum
		return (value == 0) ? MAX_LIMIT : Math.min(value, MAX_LIMIT);
	}

	/**
	 * The {@code <collection>_links} of a page: a {@code next} link when the page is full,
	 * the request's own query with the last item as marker.
	 */
	static List<Map<String, String>> links(int limit, int count, Object lastId) {
		if (count == 0 || count < limit) {
			return List.of();
		}
		String next = ServletUriComponentsBuilder.fromCurrentRequest()
			.replaceQueryParam("marker", lastId)
			.build()
			.toUriString();
		return List.of(Map.of("rel", "next", "href", next));
	}

}
