package dev.novaboot.compute.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.novaboot.compute.manager.ComputeQuotas;
import dev.novaboot.service.api.Microversion;
import dev.novaboot.service.context.RequestContext;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /v2.1/limits}: the caller's project's absolute limits and what it uses of them, in
 * Nova's names; no rate limits (Nova has none either). The nova-network limits go at 2.36,
 * {@code maxImageMeta} at 2.39. Admins may ask about another project ({@code tenant_id}).
 */
@RestController
class LimitsController {

	// Nova's view: quota resource -> the limits named after it
	private static final Map<String, List<String>> LIMIT_NAMES = Map.ofEntries(
			Map.entry("ram", List.of("maxTotalRAMSize")), Map.entry("instances", List.of("maxTotalInstances")),
			Map.entry("cores", List.of("maxTotalCores")), Map.entry("key_pairs", List.of("maxTotalKeypairs")),
			Map.entry("floating_ips", List.of("maxTotalFloatingIps")),
			Map.entry("metadata_items", List.of("maxServerMeta", "maxImageMeta")),
			Map.entry("injected_files", List.of("maxPersonality")),
			Map.entry("injected_file_content_bytes", List.of("maxPersonalitySize")),
			Map.entry("security_groups", List.of("maxSecurityGroups")),
			Map.entry("security_group_rules", List.of("maxSecurityGroupRules")),
			Map.entry("server_groups", List.of("maxServerGroups")),
			Map.entry("server_group_members", List.of("maxServerGroupMembers")));

	private static final Map<String, String> USED_NAMES = Map.of("totalRAMUsed", "ram", "totalCoresUsed", "cores",
			"totalInstancesUsed", "instances", "totalFloatingIpsUsed", "floating_ips", "totalSecurityGroupsUsed",
			"security_groups", "totalServerGroupsUsed", "server_groups");

	private static final List<String> FILTERED_236 = List.of("floating_ips", "security_groups", "security_group_rules");

	private final ComputeQuotas quotas;

	LimitsController(ComputeQuotas quotas) {
		this.quotas = quotas;
	}

	@GetMapping("/v2.1/limits")
	Map<String, Object> limits(RequestContext context, @RequestParam(name = "tenant_id", required = false) String tenant,
			Microversion version) {
		String project = context.projectId();
		if (tenant != null && !tenant.equals(project)) {
			if (!context.isAdmin()) {
				throw new PolicyForbiddenException("os_compute_api:limits:other_project");
			}
			project = tenant;
		}
		Map<String, ComputeQuotas.Quota> detail = this.quotas.detail(project, context.userId());
		boolean filtered = version.isAtLeast(2, 36);
		Map<String, Object> absolute = new LinkedHashMap<>();
		detail.forEach((resource, quota) -> {
			if (filtered && FILTERED_236.contains(resource)) {
				return;
			}
			for (String name : LIMIT_NAMES.getOrDefault(resource, List.of())) {
				if (!(name.equals("maxImageMeta") && version.isAtLeast(2, 39))) {
					absolute.put(name, quota.limit());
				}
			}
		});
		USED_NAMES.forEach((name, resource) -> {
			if (!(filtered && FILTERED_236.contains(resource))) {
				absolute.put(name, detail.get(resource).inUse());
			}
		});
		return Map.of("limits", Map.of("rate", List.of(), "absolute", absolute));
	}

}
