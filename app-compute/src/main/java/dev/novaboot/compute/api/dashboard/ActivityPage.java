package dev.novaboot.compute.api.dashboard;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * {@code /dashboard/activity}: the recent instance actions of the most recently created
 * servers (the Compute API up to 2.53 lists actions per server), the servers in error
 * with their faults, and the Block Storage API's messages about failed operations.
 */
@Controller
class ActivityPage {

	/** How many of the newest servers' actions are shown. */
	static final int RECENT_SERVERS = 10;

	private final CloudApi cloud;

	ActivityPage(CloudApi cloud) {
		this.cloud = cloud;
	}

	@GetMapping("/dashboard/activity")
	String activity(@AuthenticationPrincipal DashboardUser me, Model model) {
		List<Map<String, Object>> servers = servers(me, Map.of("limit", String.valueOf(RECENT_SERVERS)));
		List<Action> actions = new ArrayList<>();
		for (Map<String, Object> server : servers) {
			for (Map<String, Object> action : this.cloud.instanceActions(me, String.valueOf(server.get("id")))) {
				actions.add(new Action(String.valueOf(server.get("id")), (String) server.get("name"),
						(String) action.get("action"), (String) action.get("start_time"),
						(String) action.get("request_id"), (String) action.get("message")));
			}
		}
		actions.sort(Comparator.comparing(Action::startTime, Comparator.nullsLast(Comparator.reverseOrder())));
		model.addAttribute("actions", actions);
		model.addAttribute("failedServers", servers(me, Map.of("status", "ERROR", "limit", "20")));
		try {
			model.addAttribute("volumeMessages", this.cloud.volumeMessages(me));
		}
		catch (CloudApiException ex) {
			model.addAttribute("volumeMessagesError", ex.getMessage());
		}
		return "dashboard/activity";
	}

	private List<Map<String, Object>> servers(DashboardUser me, Map<String, String> query) {
		Map<String, String> all = new java.util.LinkedHashMap<>(query);
		if (me.isAdmin()) {
			all.put("all_tenants", "1");
		}
		return RestCloudApi.list(this.cloud.servers(me, all).get("servers")).stream().map(RestCloudApi::map).toList();
	}

	/** One instance action, with the server it was done to. */
	record Action(String serverId, String serverName, String action, String startTime, String requestId,
			String message) {
	}

}
