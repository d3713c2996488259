package dev.novaboot.compute.api.dashboard;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * {@code /dashboard/networks}: the networks the user's token sees, paged by the
 * Networking API, and for admins each network's IP usage per subnet (Neutron's
 * {@code network-ip-availabilities}, which is admin only).
 */
@Controller
class NetworksPage {

	private final CloudApi cloud;

	NetworksPage(CloudApi cloud) {
		this.cloud = cloud;
	}

	@GetMapping("/dashboard/networks")
	String networks(@AuthenticationPrincipal DashboardUser me, @RequestParam(required = false) String name,
			@RequestParam(required = false) String limit, @RequestParam(required = false) String marker, Model model) {
		Map<String, String> filters = new LinkedHashMap<>();
		filters.put("name", name);
		// Neutron shows an admin every project's networks without asking
		Map<String, String> query = ListQuery.of(filters, limit, marker, false);
		List<Map<String, Object>> networks = RestCloudApi.list(this.cloud.networks(me, query).get("networks"))
			.stream()
			.map(RestCloudApi::map)
			.toList();
		Map<Object, List<SubnetUsage>> usage = me.isAdmin() ? this.cloud.ipAvailabilities(me)
			.stream()
			.collect(Collectors.toMap((network) -> network.get("network_id"), NetworksPage::subnets)) : Map.of();
		model.addAttribute("networks", networks);
		model.addAttribute("usage", usage);
		model.addAttribute("filters", filters);
		model.addAttribute("limit", query.get("limit"));
		model.addAttribute("next", ListQuery.nextMarker(networks, Integer.parseInt(query.get("limit"))));
		return "dashboard/networks";
	}

	private static List<SubnetUsage> subnets(Map<String, Object> network) {
		return RestCloudApi.list(network.get("subnet_ip_availability"))
			.stream()
			.map(RestCloudApi::map)
			.map((subnet) -> new SubnetUsage((String) subnet.get("subnet_name"), (String) subnet.get("cidr"),
					new Usage(Usage.number(subnet.get("used_ips")), Usage.number(subnet.get("total_ips")), "addresses")))
			.toList();
	}

	/** One subnet's used and total addresses of its allocation pools. */
	record SubnetUsage(String name, String cidr, Usage ips) {
	}

}
