package dev.novaboot.compute.api;

import java.util.List;

import dev.novaboot.service.api.BadRequestException;
import dev.novaboot.service.api.Microversion;
import dev.novaboot.service.api.NotFoundException;

/**
 * What Nova's proxy APIs share: they answer up to microversion 2.35 only (Nova's
 * {@code MAX_PROXY_API_SUPPORT_VERSION}; from 2.36 they are not found), and page their
 * lists by {@code limit} and {@code offset} ({@code nova.api.openstack.common.limited}).
 */
final class ProxyLimits {

	private ProxyLimits() {
	}

	static void checkProxyVersion(Microversion version) {
		if (version.isAtLeast(2, 36)) {
			throw new NotFoundException("The resource could not be found.");
		}
	}

	/** The page the query asks for, checked before anything is asked of another service. */
	static Page page(String limit, String offset) {
		int first = nonNegative("offset", offset, 0);
		int size = Math.min(nonNegative("limit", limit, Paging.MAX_LIMIT), Paging.MAX_LIMIT);
		return new Page(first, (size == 0) ? Paging.MAX_LIMIT : size);
	}

	record Page(int offset, int limit) {

		<T> List<T> of(List<T> items) {
			return items.stream().skip(this.offset).limit(this.limit).toList();
		}

	}

	private static int nonNegative(String name, String value, int absent) {
		if (value == null) {
			return absent;
		}
		if (!value.matches("[0-9]*")) {
			throw new BadRequestException("Invalid input for query parameters " + name + ". Value: "
					+ ServerRequests.shown(value) + ". '" + ServerRequests.shown(value) + "' does not match '^[0-9]*$'");
		}
		return value.isEmpty() ? absent : (int) Math.min(Long.parseLong(value.length() > 10 ? "2147483647" : value),
				Integer.MAX_VALUE);
	}

}
