package dev.novaboot.compute.api.dashboard;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * {@code /dashboard/volumes}: the volumes the user's token sees, with their attachments
 * (linked to the servers), paged and filtered by the Block Storage API.
 */
@Controller
class VolumesPage {

	private final CloudApi cloud;

	VolumesPage(CloudApi cloud) {
		this.cloud = cloud;
	}

	@GetMapping("/dashboard/volumes")
	String volumes(@AuthenticationPrincipal DashboardUser me, @RequestParam(required = false) String name,
			@RequestParam(required = false) String status, @RequestParam(required = false) String limit,
			@RequestParam(required = false) String marker, Model model) {
		Map<String, String> filters = new LinkedHashMap<>();
		filters.put("name", name);
		filters.put("status", status);
		Map<String, String> query = ListQuery.of(filters, limit, marker, me.isAdmin());
		List<Map<String, Object>> volumes = RestCloudApi.list(this.cloud.volumes(me, query).get("volumes"))
			.stream()
			.map(RestCloudApi::map)
			.toList();
		model.addAttribute("volumes", volumes);
		model.addAttribute("filters", filters);
		model.addAttribute("limit", query.get("limit"));
		model.addAttribute("next", ListQuery.nextMarker(volumes, Integer.parseInt(query.get("limit"))));
		return "dashboard/volumes";
	}

}
