package dev.novaboot.compute.api;

import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.novaboot.compute.store.Instance;
import dev.novaboot.service.api.BadRequestException;
import dev.novaboot.service.api.Microversion;
import dev.novaboot.service.api.Uuids;
import dev.novaboot.service.context.RequestContext;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Nova's {@code os-security-groups} proxy (up to 2.35) and a server's groups
 * ({@code /servers/{id}/os-security-groups}, every microversion): the Networking API's
 * groups in nova-network's shape, read and deleted as the caller. Older clients find a
 * group through it before they add it to a server (the OpenStack CLI's
 * {@code server add security group} does).
 */
@RestController
class SecurityGroupsProxyController {

	private final SiblingApis siblings;

	private final ServerOperations servers;

	SecurityGroupsProxyController(SiblingApis siblings, ServerOperations servers) {
		this.siblings = siblings;
		this.servers = servers;
	}

	/** The caller's project's groups (every project's for an admin asking {@code all_tenants}), by project and name. */
	@GetMapping("/v2.1/os-security-groups")
	Map<String, Object> list(RequestContext context, @RequestHeader HttpHeaders caller,
			@RequestParam(required = false) String limit, @RequestParam(required = false) String offset,
			@RequestParam(name = "all_tenants", required = false) String allTenants, Microversion version) {
		ProxyLimits.checkProxyVersion(version);
		ProxyLimits.Page page = ProxyLimits.page(limit, offset);
		String query = (context.isAdmin() && allTenants != null) ? "" : "?tenant_id=" + context.projectId();
		List<Map<String, Object>> groups = page.of(groups(context, caller, query));
		return Map.of("security_groups", shown(context, caller, groups));
	}

	@GetMapping("/v2.1/os-security-groups/{id}")
	Map<String, Object> show(RequestContext context, @RequestHeader HttpHeaders caller, @PathVariable String id,
			Microversion version) {
		ProxyLimits.checkProxyVersion(version);
		Map<String, Object> group = group(context, caller, id);
		return Map.of("security_group", shown(context, caller, List.of(group)).get(0));
	}

	@DeleteMapping("/v2.1/os-security-groups/{id}")
	@ResponseStatus(HttpStatus.ACCEPTED)
	void delete(RequestContext context, @RequestHeader HttpHeaders caller, @PathVariable String id,
			Microversion version) {
		ProxyLimits.checkProxyVersion(version);
		group(context, caller, id);
		this.siblings.call(context, caller, HttpMethod.DELETE, "network", "/v2.0/security-groups/" + id, null);
	}

	/** The groups of the server's ports, each once. */
	@GetMapping("/v2.1/servers/{serverId}/os-security-groups")
	Map<String, Object> ofServer(RequestContext context, @RequestHeader HttpHeaders caller,
			@PathVariable String serverId) {
		Instance instance = this.servers.find(context, serverId);
		Set<String> ids = new LinkedHashSet<>();
		Map<String, Object> ports = this.siblings.call(context, caller, HttpMethod.GET, "network",
				"/v2.0/ports?device_id=" + instance.getUuid(), null);
		for (Map<String, Object> port : ProxyViews.listOf(ports.get("ports"))) {
			for (Object group : (List<?>) port.getOrDefault("security_groups", List.of())) {
				ids.add(String.valueOf(group));
			}
		}
		List<Map<String, Object>> groups = ids.stream().map((id) -> group(context, caller, id)).toList();
		return Map.of("security_groups", shown(context, caller, groups));
	}

	// Nova's validate_id, then Neutron's group (a 404 there is a 404 here)
	private Map<String, Object> group(RequestContext context, HttpHeaders caller, String id) {
		if (!Uuids.isUuid(id)) {
			throw new BadRequestException("Security group id should be uuid");
		}
		Map<String, Object> answer = this.siblings.call(context, caller, HttpMethod.GET, "network",
				"/v2.0/security-groups/" + id, null);
		@SuppressWarnings("unchecked")
		Map<String, Object> group = (Map<String, Object>) answer.get("security_group");
		return group;
	}

	private List<Map<String, Object>> groups(RequestContext context, HttpHeaders caller, String query) {
		return ProxyViews.listOf(this.siblings
			.call(context, caller, HttpMethod.GET, "network", "/v2.0/security-groups" + query, null)
			.get("security_groups"));
	}

	// each rule's remote group by name and project: the listed groups first, others looked up once
	private List<Map<String, Object>> shown(RequestContext context, HttpHeaders caller,
			List<Map<String, Object>> groups) {
		Map<String, Map<String, Object>> references = new HashMap<>();
		groups.forEach((group) -> references.put((String) group.get("id"), ProxyViews.groupReference(group)));
		return groups.stream()
			.map((group) -> ProxyViews.securityGroup(group, (remote) -> references.computeIfAbsent(remote, (id) -> {
				try {
					return ProxyViews.groupReference(group(context, caller, id));
				}
				catch (SiblingApis.SiblingApiException ex) {
					return null;
				}
			})))
			.sorted(Comparator.comparing((Map<String, Object> group) -> String.valueOf(group.get("tenant_id")))
				.thenComparing((group) -> String.valueOf(group.get("name"))))
			.toList();
	}

}
