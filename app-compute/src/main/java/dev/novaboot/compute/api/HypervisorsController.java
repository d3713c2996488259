package dev.novaboot.compute.api;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import dev.novaboot.compute.manager.ComputeNodeQueries;
import dev.novaboot.compute.manager.ComputeServices;
import dev.novaboot.compute.manager.InstanceQueries;
import dev.novaboot.compute.manager.MarkerNotFoundException;
import dev.novaboot.compute.store.ComputeNode;
import dev.novaboot.compute.store.Instance;
import dev.novaboot.service.api.BadRequestException;
import dev.novaboot.service.api.Microversion;
import dev.novaboot.service.api.NotFoundException;
import dev.novaboot.service.api.Uuids;
import dev.novaboot.service.context.RequestContext;
import dev.novaboot.service.group.ServiceGroup.ServiceState;
import dev.novaboot.service.record.ServiceRecord;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /v2.1/os-hypervisors} (admin only): the compute nodes with their resources and
 * their service's state, as Nova shows them at each microversion: integer ids before 2.53
 * and uuids from 2.53; {@code cpu_info} a string before 2.28 and an object from 2.28;
 * paging by {@code limit} and {@code marker} from 2.33; {@code hypervisor_hostname_pattern}
 * and {@code with_servers} from 2.53, when unknown query parameters become a 400.
 */
@RestController
class HypervisorsController {

	private static final Set<String> LIST_QUERY_253 = Set.of("limit", "marker", "hypervisor_hostname_pattern",
			"with_servers");

	private static final Set<String> TRUE = Set.of("1", "t", "true", "on", "y", "yes");

	private static final Set<String> FALSE = Set.of("0", "f", "false", "off", "n", "no");

	private final ComputeNodeQueries nodes;

	private final ComputeServices services;

	private final InstanceQueries instances;

	HypervisorsController(ComputeNodeQueries nodes, ComputeServices services, InstanceQueries instances) {
		this.nodes = nodes;
		this.services = services;
		this.instances = instances;
	}

	@GetMapping("/v2.1/os-hypervisors")
	Map<String, Object> list(RequestContext context, @RequestParam Map<String, String> query, Microversion version) {
		authorize(context, "list");
		return list(query, version, false);
	}

	@GetMapping("/v2.1/os-hypervisors/detail")
	Map<String, Object> detail(RequestContext context, @RequestParam Map<String, String> query, Microversion version) {
		authorize(context, "list-detail");
		return list(query, version, true);
	}

	@GetMapping("/v2.1/os-hypervisors/{id}")
	Map<String, Object> show(RequestContext context, @PathVariable String id, @RequestParam Map<String, String> query,
			Microversion version) {
		authorize(context, "show");
		boolean withServers = false;
		if (version.isAtLeast(2, 53)) {
			onlyKnown(query, Set.of("with_servers"));
			withServers = bool(query.get("with_servers"));
			if (!Uuids.isUuid(id)) {
				throw new BadRequestException("Invalid uuid " + ServerRequests.shown(id));
			}
		}
		NotFoundException notFound = new NotFoundException(
				"Hypervisor with ID '" + ServerRequests.shown(id) + "' could not be found.");
		ComputeNode node = (version.isAtLeast(2, 53) ? this.nodes.find(id) : this.nodes.findById(id))
			.orElseThrow(() -> notFound);
		ServiceRecord service = this.services.find(node.getHost()).orElseThrow(() -> notFound);
		return Map.of("hypervisor",
				view(node, new ServiceState(service, this.services.isUp(service)), true, withServers, version));
	}

	/**
	 * The sums over the compute nodes of enabled services (Nova's
	 * {@code compute_node_statistics}), a route of every microversion we serve (gone at 2.88).
	 */
	@GetMapping("/v2.1/os-hypervisors/statistics")
	Map<String, Object> statistics(RequestContext context) {
		authorize(context, "statistics");
		// one aggregate in the database, however many hypervisors there are
		ComputeNodeQueries.Totals sums = this.nodes.totalsOfEnabled();
		Map<String, Object> totals = new LinkedHashMap<>();
		int count = (int) sums.count();
		long vcpus = sums.vcpus();
		long memory = sums.memoryMb();
		long disk = sums.localGb();
		long vcpusUsed = sums.vcpusUsed();
		long memoryUsed = sums.memoryMbUsed();
		long diskUsed = sums.localGbUsed();
		long running = sums.runningVms();
		totals.put("count", count);
		totals.put("vcpus", vcpus);
		totals.put("memory_mb", memory);
		totals.put("local_gb", disk);
		totals.put("vcpus_used", vcpusUsed);
		totals.put("memory_mb_used", memoryUsed);
		totals.put("local_gb_used", diskUsed);
		totals.put("free_ram_mb", memory - memoryUsed);
		totals.put("free_disk_gb", disk - diskUsed);
		totals.put("current_workload", 0);
		totals.put("running_vms", running);
		totals.put("disk_available_least", disk - diskUsed);
		return Map.of("hypervisor_statistics", totals);
	}

	/** The hypervisors whose hostname holds {@code pattern}; before 2.53 only (then a query parameter). */
	@GetMapping("/v2.1/os-hypervisors/{pattern}/search")
	Map<String, Object> search(RequestContext context, @PathVariable String pattern, Microversion version) {
		authorize(context, "search");
		return Map.of("hypervisors", matching(pattern, version, false));
	}

	/** {@link #search} with each hypervisor's servers; before 2.53 only. */
	@GetMapping("/v2.1/os-hypervisors/{pattern}/servers")
	Map<String, Object> servers(RequestContext context, @PathVariable String pattern, Microversion version) {
		authorize(context, "servers");
		return Map.of("hypervisors", matching(pattern, version, true));
	}

	private List<Map<String, Object>> matching(String pattern, Microversion version, boolean withServers) {
		if (version.isAtLeast(2, 53)) {
			// the routes are gone from 2.53, as in Nova
			throw new NotFoundException("The resource could not be found.");
		}
		List<ComputeNode> found = this.nodes.search(pattern);
		if (found.isEmpty()) {
			throw new NotFoundException("No hypervisor matching '" + ServerRequests.shown(pattern)
					+ "' could be found.");
		}
		List<Map<String, Object>> views = new ArrayList<>();
		Map<String, ServiceState> states = this.services.states(found.stream().map(ComputeNode::getHost).toList());
		for (ComputeNode node : found) {
			ServiceState state = states.get(node.getHost());
			if (state != null) {
				views.add(view(node, state, false, withServers, version));
			}
		}
		return views;
	}

	private Map<String, Object> list(Map<String, String> query, Microversion version, boolean detail) {
		String pattern = null;
		boolean withServers = false;
		if (version.isAtLeast(2, 53)) {
			onlyKnown(query, LIST_QUERY_253);
			pattern = query.get("hypervisor_hostname_pattern");
			withServers = bool(query.get("with_servers"));
		}
		boolean paged = version.isAtLeast(2, 33);
		List<ComputeNode> page;
		int limit = Paging.MAX_LIMIT;
		if (pattern != null) {
			if (query.containsKey("limit") || query.get("marker") != null) {
				throw new BadRequestException("Paging over hypervisors with the hypervisor_hostname_pattern query "
						+ "parameter is not supported.");
			}
			page = this.nodes.search(pattern);
			if (page.isEmpty()) {
				throw new NotFoundException("No hypervisor matching '" + ServerRequests.shown(pattern)
						+ "' could be found.");
			}
			paged = false;
		}
		else {
			limit = paged ? Paging.limit(query.get("limit")) : Paging.MAX_LIMIT;
			String marker = paged ? query.get("marker") : null;
			try {
				page = this.nodes.page(limit, marker, version.isAtLeast(2, 53));
			}
			catch (MarkerNotFoundException ex) {
				throw new BadRequestException("marker [" + ServerRequests.shown(marker) + "] not found");
			}
		}
		List<Map<String, Object>> views = new ArrayList<>();
		// the page's services in one query, not one per node
		Map<String, ServiceState> states = this.services.states(page.stream().map(ComputeNode::getHost).toList());
		for (ComputeNode node : page) {
			// as Nova: a node whose service record is gone is not shown
			ServiceState state = states.get(node.getHost());
			if (state != null) {
				views.add(view(node, state, detail, withServers, version));
			}
		}
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("hypervisors", views);
		if (paged && !views.isEmpty()) {
			List<Map<String, String>> links = Paging.links(limit, page.size(), views.get(views.size() - 1).get("id"));
			if (!links.isEmpty()) {
				body.put("hypervisors_links", links);
			}
		}
		return body;
	}

	private Map<String, Object> view(ComputeNode node, ServiceState state, boolean detail, boolean withServers,
			Microversion version) {
		ServiceRecord service = state.service();
		boolean uuids = version.isAtLeast(2, 53);
		Map<String, Object> view = new LinkedHashMap<>();
		view.put("id", uuids ? node.getUuid() : node.getId());
		view.put("hypervisor_hostname", node.getHost());
		view.put("state", state.up() ? "up" : "down");
		view.put("status", service.isDisabled() ? "disabled" : "enabled");
		if (detail) {
			view.put("hypervisor_type", node.getHypervisorType());
			view.put("hypervisor_version", versionNumber(node.getHypervisorVersion()));
			view.put("host_ip", null);
			Map<String, Object> serviceView = new LinkedHashMap<>();
			serviceView.put("id", uuids ? service.getUuid() : service.getId());
			serviceView.put("host", node.getHost());
			serviceView.put("disabled_reason", service.getDisabledReason());
			view.put("service", serviceView);
			view.put("vcpus", node.getVcpus());
			view.put("memory_mb", node.getMemoryMb());
			view.put("local_gb", node.getLocalGb());
			view.put("vcpus_used", node.getVcpusUsed());
			view.put("memory_mb_used", node.getMemoryMbUsed());
			view.put("local_gb_used", node.getLocalGbUsed());
			view.put("free_ram_mb", node.getMemoryMb() - node.getMemoryMbUsed());
			view.put("free_disk_gb", node.getLocalGb() - node.getLocalGbUsed());
			view.put("current_workload", 0);
			view.put("running_vms", node.getRunningVms());
			view.put("disk_available_least", node.getLocalGb() - node.getLocalGbUsed());
			// no CPU model is reported: Nova's empty value, a JSON string before 2.28
			view.put("cpu_info", version.isAtLeast(2, 28) ? Map.of() : "{}");
		}
		if (withServers) {
			addServers(view, node);
		}
		return view;
	}

	private void addServers(Map<String, Object> view, ComputeNode node) {
		List<Instance> servers = this.instances.onHost(node.getHost());
		// before 2.75 Nova leaves the key out when there are none
		if (!servers.isEmpty()) {
			view.put("servers",
					servers.stream().map((server) -> Map.of("name", server.getName(), "uuid", server.getUuid())).toList());
		}
	}

	/**
	 * Nova's integer form of a dotted version (oslo's {@code convert_version_to_int}: each
	 * part a thousand times the next, {@code 8.2.2} is 8002002); 0 when the hypervisor
	 * reported none.
	 */
	static int versionNumber(String version) {
		if (version == null || !version.matches("\\d{1,3}(\\.\\d{1,3}){0,2}")) {
			return 0;
		}
		int number = 0;
		for (String part : version.split("\\.")) {
			number = number * 1000 + Integer.parseInt(part);
		}
		return number;
	}

	// the token strategy refuses non-admins at the edge already; this is Nova's policy check,
	// which also holds where roles come from trusted headers (noauth)
	private static void authorize(RequestContext context, String action) {
		if (!context.isAdmin()) {
			throw new PolicyForbiddenException("os_compute_api:os-hypervisors:" + action);
		}
	}

	private static void onlyKnown(Map<String, String> query, Set<String> known) {
		for (String name : query.keySet()) {
			if (!known.contains(name)) {
				throw new BadRequestException("Invalid input for query parameters " + ServerRequests.shown(name)
						+ ". Additional properties are not allowed ('" + ServerRequests.shown(name) + "' was unexpected)");
			}
		}
	}

	private static boolean bool(String value) {
		if (value == null) {
			return false;
		}
		String lower = value.strip().toLowerCase(Locale.ROOT);
		if (TRUE.contains(lower)) {
			return true;
		}
		if (FALSE.contains(lower)) {
			return false;
		}
		throw new BadRequestException("Invalid input for query parameters with_servers. Value: "
				+ ServerRequests.shown(value) + ". It is not a boolean.");
	}

}
