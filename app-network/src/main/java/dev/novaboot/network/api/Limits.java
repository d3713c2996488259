package dev.novaboot.network.api;

import dev.novaboot.network.manager.NetworkException;
import dev.novaboot.service.api.Uuids;

/**
 * What the Networking API checks before a request reaches the managers: the size of the
 * column each request field is stored in (V1__network.sql, which follows
 * {@code neutron_lib.db.constants} where it can), the form of ids in paths, and how a
 * value is quoted back in an error (shortened: an error must not echo a megabyte).
 */
final class Limits {

	/** networks, subnets, ports: {@code name} ({@code NAME_FIELD_SIZE}). */
	static final int NAME = 255;

	/** {@code description} of every resource ({@code DESCRIPTION_FIELD_SIZE}). */
	static final int DESCRIPTION = 255;

	/** {@code project_id} / {@code tenant_id} ({@code PROJECT_ID_FIELD_SIZE}). */
	static final int PROJECT_ID = 255;

	/** ports: {@code device_id} ({@code DEVICE_ID_FIELD_SIZE}). */
	static final int DEVICE_ID = 255;

	/** ports: {@code device_owner} ({@code DEVICE_OWNER_FIELD_SIZE}). */
	static final int DEVICE_OWNER = 255;

	/** ports: {@code binding:host_id}, stored in {@code ports.host}. */
	static final int HOST = 255;

	/** {@code provider:network_type}: this column holds 16, Neutron's {@code NETWORK_TYPE_MAX_LEN} is 32. */
	static final int NETWORK_TYPE = 16;

	static final int NEUTRON_NETWORK_TYPE = 32;

	/** {@code provider:physical_network} ({@code PHYSICAL_NETWORK_MAX_LEN}). */
	static final int PHYSICAL_NETWORK = 64;

	/** IPv4 and IPv6 addresses: Neutron's {@code IP_ADDR_FIELD_SIZE} (V8__ipv6_and_router_routes.sql). */
	static final int IP_ADDRESS = 64;

	static final int NEUTRON_IP_ADDRESS = 64;

	/** {@code subnets.cidr}, a route's destination: an IPv4 or IPv6 CIDR, in 64 characters as Neutron. */
	static final int CIDR = 64;

	/** {@code ports.mac_address}; Neutron's {@code MAC_ADDR_FIELD_SIZE} is 32. */
	static final int MAC_ADDRESS = 17;

	static final int NEUTRON_MAC_ADDRESS = 32;

	// how much of a bad value an error quotes back
	private static final int SHOWN = 64;

	private Limits() {
	}

	/** The value as an error quotes it: whole when short, else its start and its length. */
	static String shown(String value) {
		return (value.length() <= SHOWN) ? value
				: value.substring(0, SHOWN) + "... (" + value.length() + " characters)";
	}

	/**
	 * The id of a path, which must be a uuid: anything else names no resource, so it is
	 * "not found" (as Neutron answers) without a lookup.
	 */
	static String pathId(String resource, String id) {
		if (!Uuids.isUuid(id)) {
			throw NetworkException.notFound(resource, shown(id));
		}
		return id;
	}

	/**
	 * {@link #pathId(String, String)} for the extensions whose not-found errors Neutron
	 * words "<resource> <id> does not exist" (security groups and their rules).
	 */
	static String pathId(String resource, String type, String id) {
		if (!Uuids.isUuid(id)) {
			throw new NetworkException(NetworkException.Kind.NOT_FOUND, type, resource + " " + shown(id) + " does not exist");
		}
		return id;
	}

}
