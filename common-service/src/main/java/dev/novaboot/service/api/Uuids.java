package dev.novaboot.service.api;

import java.util.regex.Pattern;

/**
 * Whether an id has the form of the uuids that servers, volumes, snapshots, networks,
 * subnets, ports, floating IPs and images are known by. The APIs check ids with it before
 * any lookup, so that a malformed id is answered at once (404 in a path, 400 in a body)
 * and never reaches a query, a retry or another service.
 */
public final class Uuids {

	// the canonical 8-4-4-4-12 form, either case, as every id here is written
	private static final Pattern UUID = Pattern
		.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

	private Uuids() {
	}

	public static boolean isUuid(String value) {
		return value != null && UUID.matcher(value).matches();
	}

}
