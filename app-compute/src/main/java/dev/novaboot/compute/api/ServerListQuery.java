package dev.novaboot.compute.api;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import dev.novaboot.compute.manager.InstanceQueries.StateFilter;
import dev.novaboot.compute.store.InstanceListing;
import dev.novaboot.compute.store.InstanceListing.Column;
import dev.novaboot.service.api.BadRequestException;
import dev.novaboot.service.api.Microversion;
import dev.novaboot.service.context.RequestContext;

/**
 * The query of {@code GET /servers} and {@code /servers/detail} read as Nova's
 * {@code _get_servers} and its schema ({@code schemas/servers.py} {@code query_params_v21},
 * {@code v226}) read it: the filters a member may use (others are dropped, as Nova's
 * {@code remove_invalid_options} does up to 2.75), {@code all_tenants} for admins,
 * {@code sort_key}/{@code sort_dir}, {@code limit}/{@code marker}, and a 400 in Nova's
 * words for a bad value.
 */
final class ServerListQuery {

	// every status Nova knows (its _STATE_MAP); from 2.38 any other is a 400
	private static final Set<String> NOVA_STATUSES = Set.of("ACTIVE", "BUILD", "REBOOT", "HARD_REBOOT", "PASSWORD",
			"REBUILD", "MIGRATING", "RESIZE", "VERIFY_RESIZE", "REVERT_RESIZE", "PAUSED", "SUSPENDED", "RESCUE",
			"ERROR", "DELETED", "SOFT_DELETED", "SHUTOFF", "SHELVED", "SHELVED_OFFLOADED", "UNKNOWN");

	// Nova's JOINED_TABLE_QUERY_PARAMS_SERVERS: an admin filtering on them gets a 400
	private static final Set<String> JOINED_TABLES = Set.of("block_device_mapping", "services", "metadata",
			"system_metadata", "info_cache", "security_groups", "pci_devices");

	// Nova's VALID_SORT_KEYS that this service keeps a column for
	private static final Map<String, Column> SORT_COLUMNS = Map.ofEntries(Map.entry("access_ip_v4", Column.ACCESS_IP_V4),
			Map.entry("access_ip_v6", Column.ACCESS_IP_V6), Map.entry("created_at", Column.CREATED_AT),
			Map.entry("display_description", Column.DESCRIPTION), Map.entry("display_name", Column.NAME),
			Map.entry("host", Column.HOST), Map.entry("node", Column.HOST), Map.entry("hostname", Column.HOSTNAME),
			Map.entry("image_ref", Column.IMAGE_REF), Map.entry("instance_type_id", Column.FLAVOR_ID),
			Map.entry("launched_at", Column.LAUNCHED_AT), Map.entry("power_state", Column.POWER_STATE),
			Map.entry("project_id", Column.PROJECT_ID), Map.entry("updated_at", Column.UPDATED_AT),
			Map.entry("user_id", Column.USER_ID), Map.entry("uuid", Column.UUID), Map.entry("vm_state", Column.VM_STATE));

	// the rest of Nova's VALID_SORT_KEYS: the same for every server here (no key pairs, one
	// zone, no config drives ...) or, for task_state, not sortable here; accepted, no effect
	private static final Set<String> CONSTANT_SORT_KEYS = Set.of("auto_disk_config", "availability_zone",
			"config_drive", "kernel_id", "key_name", "launch_index", "locked_by", "progress", "ramdisk_id",
			"root_device_name", "task_state", "terminated_at");

	// Nova's SERVER_LIST_IGNORE_SORT_KEY: valid once, ignored since
	private static final Set<String> IGNORED_SORT_KEYS = Set.of("architecture", "cell_name", "cleaned",
			"default_ephemeral_device", "default_swap_device", "deleted", "deleted_at", "disable_terminate",
			"ephemeral_gb", "ephemeral_key_uuid", "id", "key_data", "launched_on", "locked", "memory_mb", "os_type",
			"reservation_id", "root_gb", "shutdown_terminate", "user_data", "vcpus", "vm_mode");

	// sort keys only admins may use (Nova's admin_only_fields)
	private static final Set<String> ADMIN_SORT_KEYS = Set.of("host", "node");

	private static final Pattern DIGITS = Pattern.compile("[0-9]+");

	private ServerListQuery() {
	}

	/**
	 * A list request, read.
	 * @param criteria what the database filters
	 * @param sort the order
	 * @param marker the server after which the page starts, or null
	 * @param limit the page size
	 * @param name a regular expression the name must match (found anywhere), or null
	 * @param ip one the fixed IPv4 addresses must match, or null
	 * @param ip6 one the IPv6 addresses must match (2.5), or null
	 * @param nothing true when the query admits no server at all (an unknown status before 2.38)
	 */
	record Listing(InstanceListing.Criteria criteria, List<InstanceListing.Sort> sort, String marker, int limit,
			Pattern name, Pattern ip, Pattern ip6, boolean nothing) {
	}

	static Listing read(Map<String, List<String>> query, RequestContext context, Microversion version) {
		boolean admin = context.isAdmin();
		Integer limitValue = limit(query);
		int limit = (limitValue == null) ? Paging.MAX_LIMIT : Math.min(limitValue, Paging.MAX_LIMIT);
		String marker = last(query, "marker");
		List<InstanceListing.Sort> sort = sort(query, admin);
		if (admin) {
			for (String key : query.keySet()) {
				if (JOINED_TABLES.contains(key) || key.startsWith("_")) {
					throw new BadRequestException("Invalid filter field: " + key + ".");
				}
			}
		}
		boolean allTenants = allTenants(query);
		if (allTenants && !admin) {
			throw new PolicyForbiddenException("os_compute_api:servers:index:get_all_tenants");
		}
		String projectId = context.projectId();
		if (allTenants) {
			// an admin may narrow every project's servers to one (Nova's tenant_id/project_id)
			projectId = (last(query, "project_id") != null) ? last(query, "project_id") : last(query, "tenant_id");
		}
		StateFilter states = StateFilter.ANY;
		boolean nothing = false;
		// several statuses admit a server in any of them, as Nova's getall('status')
		List<String> statuses = query.getOrDefault("status", List.of());
		if (!statuses.isEmpty()) {
			if (statuses.stream().noneMatch((status) -> NOVA_STATUSES.contains(status.toUpperCase(Locale.ROOT)))
					&& version.isAtLeast(2, 38)) {
				throw new BadRequestException("Invalid status value");
			}
			states = ServerView.statusFilter(statuses);
			nothing = states.vmStates().isEmpty();
		}
		String image = last(query, "image");
		if (image != null && image.contains("/")) {
			image = image.substring(image.lastIndexOf('/') + 1);
		}
		Instant changesSince = changesSince(last(query, "changes-since"));
		Set<String> none = Set.of();
		// admins only, as Nova's policy has it; a member's host filter is dropped like other unknown options
		String host = admin ? ((last(query, "host") != null) ? last(query, "host") : last(query, "node")) : null;
		boolean tagged = version.isAtLeast(2, 26);
		InstanceListing.Criteria criteria = new InstanceListing.Criteria(projectId, states.vmStates(),
				states.taskStates(), image, last(query, "flavor"), last(query, "reservation_id"), host, changesSince,
				tagged ? tags(query, "tags") : none, tagged ? tags(query, "tags-any") : none,
				tagged ? tags(query, "not-tags") : none, tagged ? tags(query, "not-tags-any") : none);
		return new Listing(criteria, sort, marker, limit, regex(query, "name"), regex(query, "ip"),
				version.isAtLeast(2, 5) ? regex(query, "ip6") : null, nothing);
	}

	/** Nova's {@code non_negative_integer} for {@code limit}; null when absent. */
	private static Integer limit(Map<String, List<String>> query) {
		String limit = last(query, "limit");
		if (limit == null) {
			return null;
		}
		if (!DIGITS.matcher(limit).matches()) {
			throw queryParameter("limit", limit, "'" + ServerRequests.shown(limit) + "' does not match '^[0-9]*$'");
		}
		try {
			return Integer.parseInt(limit);
		}
		catch (NumberFormatException ex) {
			// more than any page holds
			return Paging.MAX_LIMIT;
		}
	}

	/**
	 * Nova's sort: {@code sort_key}s from its list (an unknown one is a 400, an ignored one
	 * is dropped with its direction), {@code sort_dir}s {@code asc} or {@code desc}, by
	 * default the first direction given or {@code desc}; {@code created_at} ends the keys.
	 */
	private static List<InstanceListing.Sort> sort(Map<String, List<String>> query, boolean admin) {
		List<String> keys = new ArrayList<>(query.getOrDefault("sort_key", List.of()));
		List<String> dirs = new ArrayList<>(query.getOrDefault("sort_dir", List.of()));
		for (String key : List.copyOf(keys)) {
			if (IGNORED_SORT_KEYS.contains(key)) {
				int index = keys.indexOf(key);
				if (dirs.size() > index) {
					dirs.remove(index);
				}
				keys.remove(index);
			}
			else if (!SORT_COLUMNS.containsKey(key) && !CONSTANT_SORT_KEYS.contains(key)) {
				throw queryParameter("sort_key", key, "'" + ServerRequests.shown(key) + "' is not one of Nova's sort keys");
			}
			else if (ADMIN_SORT_KEYS.contains(key) && !admin) {
				throw PolicyForbiddenException.because("Only administrators can sort servers by " + key);
			}
		}
		for (String dir : dirs) {
			if (!"asc".equals(dir) && !"desc".equals(dir)) {
				throw new BadRequestException("Invalid input received: Unknown sort direction, must be 'desc' or 'asc'");
			}
		}
		if (dirs.size() > keys.size()) {
			throw new BadRequestException("Invalid input received: Sort direction size exceeds sort key size");
		}
		String defaultDir = dirs.isEmpty() ? "desc" : dirs.get(0);
		List<InstanceListing.Sort> sort = new ArrayList<>();
		Set<Column> seen = new LinkedHashSet<>();
		for (int index = 0; index < keys.size(); index++) {
			Column column = SORT_COLUMNS.get(keys.get(index));
			String dir = (index < dirs.size()) ? dirs.get(index) : defaultDir;
			if (column != null && seen.add(column)) {
				sort.add(new InstanceListing.Sort(column, "asc".equals(dir)));
			}
		}
		if (seen.add(Column.CREATED_AT)) {
			sort.add(new InstanceListing.Sort(Column.CREATED_AT, "asc".equals(defaultDir)));
		}
		return sort;
	}

	/** Nova's {@code is_all_tenants}: present and empty, or a true value; a value that is no boolean is a 400. */
	private static boolean allTenants(Map<String, List<String>> query) {
		if (!query.containsKey("all_tenants")) {
			return false;
		}
		String value = last(query, "all_tenants");
		if (value == null || value.isEmpty()) {
			return true;
		}
		String lower = value.strip().toLowerCase(Locale.ROOT);
		if (Set.of("1", "t", "true", "on", "y", "yes").contains(lower)) {
			return true;
		}
		if (Set.of("0", "f", "false", "off", "n", "no").contains(lower)) {
			return false;
		}
		throw new BadRequestException("Invalid input received: Unrecognized value '" + ServerRequests.shown(value)
				+ "', acceptable values are: '0', '1', 'f', 'false', 'n', 'no', 'off', 'on', 't', 'true', 'y', 'yes'");
	}

	/** Nova's {@code date-time} for {@code changes-since}: ISO 8601, UTC when it names no offset. */
	private static Instant changesSince(String value) {
		if (value == null) {
			return null;
		}
		try {
			return OffsetDateTime.parse(value, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
		}
		catch (DateTimeParseException ex) {
			try {
				return LocalDateTime.parse(value, DateTimeFormatter.ISO_LOCAL_DATE_TIME).toInstant(ZoneOffset.UTC);
			}
			catch (DateTimeParseException again) {
				throw queryParameter("changes-since", value, "'" + ServerRequests.shown(value) + "' is not a 'date-time'");
			}
		}
	}

	private static Pattern regex(Map<String, List<String>> query, String parameter) {
		String value = last(query, parameter);
		if (value == null) {
			return null;
		}
		try {
			return Pattern.compile(value);
		}
		catch (PatternSyntaxException ex) {
			throw queryParameter(parameter, value, "'" + ServerRequests.shown(value) + "' is not a 'regex'");
		}
	}

	// a comma-separated list of tags, as Nova's tag filters take them
	private static Set<String> tags(Map<String, List<String>> query, String parameter) {
		String value = last(query, parameter);
		if (value == null) {
			return Set.of();
		}
		Set<String> tags = new LinkedHashSet<>();
		for (String tag : value.split(",")) {
			if (!tag.isBlank()) {
				tags.add(tag.strip());
			}
		}
		return tags;
	}

	// a parameter given several times counts by its last value, as Nova reads most filters
	private static String last(Map<String, List<String>> query, String parameter) {
		List<String> values = query.get(parameter);
		return (values == null || values.isEmpty()) ? null : values.get(values.size() - 1);
	}

	// the words of Nova's query schema errors
	private static BadRequestException queryParameter(String parameter, String value, String reason) {
		return new BadRequestException("Invalid input for query parameters " + parameter + ". Value: "
				+ ServerRequests.shown(value) + ". " + reason);
	}

}
