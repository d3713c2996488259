package dev.novaboot.compute.api.dashboard;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * {@code /dashboard/servers}: the servers the user's token sees (every project's for an
 * admin, {@code all_tenants}), paged and filtered by the Compute API; and one server with
 * its addresses, volumes, actions and console output.
 */
@Controller
class ServersPage {

	private static final int CONSOLE_LINES = 50;

	private final CloudApi cloud;

	ServersPage(CloudApi cloud) {
		this.cloud = cloud;
	}

	@GetMapping("/dashboard/servers")
	String servers(@AuthenticationPrincipal DashboardUser me, @RequestParam(required = false) String name,
			@RequestParam(required = false) String status, @RequestParam(required = false) String host,
			@RequestParam(required = false) String limit, @RequestParam(required = false) String marker, Model model) {
		Map<String, String> filters = new LinkedHashMap<>();
		filters.put("name", name);
		filters.put("status", status);
		if (me.isAdmin()) {
			filters.put("host", host);
		}
		Map<String, String> query = ListQuery.of(filters, limit, marker, me.isAdmin());
		List<Map<String, Object>> servers = RestCloudApi.list(this.cloud.servers(me, query).get("servers"))
			.stream()
			.map(RestCloudApi::map)
			.toList();
		model.addAttribute("servers", servers);
		model.addAttribute("filters", filters);
		model.addAttribute("limit", query.get("limit"));
		model.addAttribute("next", ListQuery.nextMarker(servers, Integer.parseInt(query.get("limit"))));
		return "dashboard/servers";
	}

	@GetMapping("/dashboard/servers/{id}")
	String server(@AuthenticationPrincipal DashboardUser me, @PathVariable String id, Model model) {
		String serverId = Ids.uuid("server", id);
		model.addAttribute("server", this.cloud.server(me, serverId));
		model.addAttribute("actions", this.cloud.instanceActions(me, serverId));
		try {
			model.addAttribute("console", this.cloud.consoleOutput(me, serverId, CONSOLE_LINES));
		}
		catch (CloudApiException ex) {
			// a server without a console (building, in error) is still worth showing
			model.addAttribute("consoleError", ex.getMessage());
		}
		return "dashboard/server";
	}

}
