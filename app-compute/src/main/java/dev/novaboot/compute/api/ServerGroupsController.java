package dev.novaboot.compute.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.novaboot.compute.manager.ServerGroups;
import dev.novaboot.compute.store.ServerGroupRecord;
import dev.novaboot.service.api.BadRequestException;
import dev.novaboot.service.api.Microversion;
import dev.novaboot.service.api.Names;
import dev.novaboot.service.context.RequestContext;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /v2.1/os-server-groups}: a project's server groups as Nova shows them before 2.64
 * (a one-element {@code policies} list and an empty {@code metadata}); the soft policies
 * from 2.15, the owner's ids from 2.13; members are the group's live servers.
 */
@RestController
class ServerGroupsController {

	private static final Set<String> HARD_POLICIES = Set.of("affinity", "anti-affinity");

	private final ServerGroups groups;

	ServerGroupsController(ServerGroups groups) {
		this.groups = groups;
	}

	@PostMapping("/v2.1/os-server-groups")
	Map<String, Object> create(RequestContext context, @RequestBody Map<String, Object> body, Microversion version) {
		Map<String, Object> group = serverGroup(body);
		for (String field : group.keySet()) {
			if (!field.equals("name") && !field.equals("policies")) {
				throw new BadRequestException("Invalid input for field/attribute server_group. Additional properties "
						+ "are not allowed ('" + ServerRequests.shown(field) + "' was unexpected)");
			}
		}
		String name = name(group);
		String policy = policy(group, version);
		ServerGroupRecord created = this.groups.create(context.projectId(), context.userId(), name, policy);
		return Map.of("server_group", view(created, List.of(), version));
	}

	@GetMapping("/v2.1/os-server-groups")
	Map<String, Object> list(RequestContext context, @RequestParam Map<String, String> query, Microversion version) {
		// all_projects is an admin's; a member asking for it sees their own, as in Nova
		boolean all = query.containsKey("all_projects") && context.isAdmin();
		int offset = offset(query.get("offset"));
		int limit = Paging.limit(query.get("limit"));
		List<ServerGroupRecord> found = this.groups.list(context.projectId(), all);
		int from = Math.min(offset, found.size());
		List<ServerGroupRecord> page = found.subList(from, (int) Math.min(found.size(), (long) from + limit));
		Map<String, List<String>> members = this.groups.liveMembers(page);
		return Map.of("server_groups",
				page.stream().map((group) -> view(group, members.get(group.getUuid()), version)).toList());
	}

	@GetMapping("/v2.1/os-server-groups/{id}")
	Map<String, Object> show(RequestContext context, @PathVariable String id, Microversion version) {
		ServerGroupRecord group = owned(context, id, "show");
		return Map.of("server_group", view(group, this.groups.liveMembers(group), version));
	}

	@DeleteMapping("/v2.1/os-server-groups/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void delete(RequestContext context, @PathVariable String id) {
		owned(context, id, "delete");
		this.groups.delete(id);
	}

	// Nova's policy: the group's project or an admin
	private ServerGroupRecord owned(RequestContext context, String id, String action) {
		ServerGroupRecord group = this.groups.get(id);
		if (!context.isAdmin() && !group.getProjectId().equals(context.projectId())) {
			throw new PolicyForbiddenException("os_compute_api:os-server-groups:" + action);
		}
		return group;
	}

	private static Map<String, Object> view(ServerGroupRecord group, List<String> members, Microversion version) {
		Map<String, Object> view = new LinkedHashMap<>();
		view.put("id", group.getUuid());
		view.put("name", group.getName());
		view.put("policies", List.of(group.getPolicy()));
		view.put("metadata", Map.of());
		view.put("members", members);
		if (version.isAtLeast(2, 13)) {
			view.put("project_id", group.getProjectId());
			view.put("user_id", group.getUserId());
		}
		return view;
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> serverGroup(Map<String, Object> body) {
		for (String field : body.keySet()) {
			if (!field.equals("server_group")) {
				throw new BadRequestException("Invalid input for field/attribute body. Additional properties are not "
						+ "allowed ('" + ServerRequests.shown(field) + "' was unexpected)");
			}
		}
		if (!(body.get("server_group") instanceof Map<?, ?> group)) {
			throw new BadRequestException(
					"Invalid input for field/attribute server_group. 'server_group' is a required property");
		}
		return (Map<String, Object>) group;
	}

	private static String name(Map<String, Object> group) {
		if (!group.containsKey("name")) {
			throw new BadRequestException("Invalid input for field/attribute server_group. 'name' is a required property");
		}
		if (!(group.get("name") instanceof String name)) {
			throw new BadRequestException("Invalid input for field/attribute name. Value: "
					+ ServerRequests.shown(String.valueOf(group.get("name"))) + ". It is not of type 'string'.");
		}
		if (name.isEmpty() || name.length() > ServerRequests.MAX_TEXT) {
			throw new BadRequestException("Invalid input for field/attribute name. Value: " + ServerRequests.shown(name)
					+ ". It must be 1 to " + ServerRequests.MAX_TEXT + " characters.");
		}
		if (!Names.isValid(name)) {
			throw new BadRequestException("An invalid 'name' value was provided. The name must be: " + Names.RULE);
		}
		return name;
	}

	// exactly one policy; the soft ones from 2.15
	private static String policy(Map<String, Object> group, Microversion version) {
		if (!group.containsKey("policies")) {
			throw new BadRequestException(
					"Invalid input for field/attribute server_group. 'policies' is a required property");
		}
		Object value = group.get("policies");
		if (!(value instanceof List<?> policies) || policies.size() != 1) {
			throw new BadRequestException("Invalid input for field/attribute policies. Value: "
					+ ServerRequests.shown(String.valueOf(value)) + ". It must be a list of exactly one policy.");
		}
		Object policy = policies.get(0);
		boolean known = version.isAtLeast(2, 15) ? ServerGroups.POLICIES.contains(policy)
				: HARD_POLICIES.contains(policy);
		if (!known) {
			throw new BadRequestException("Invalid input for field/attribute policies. Value: "
					+ ServerRequests.shown(String.valueOf(policy)) + ". '" + ServerRequests.shown(String.valueOf(policy))
					+ "' is not one of " + (version.isAtLeast(2, 15)
							? "['anti-affinity', 'affinity', 'soft-anti-affinity', 'soft-affinity']"
							: "['anti-affinity', 'affinity']"));
		}
		return (String) policy;
	}

	// Nova's offset: a non-negative integer
	private static int offset(String offset) {
		if (offset == null) {
			return 0;
		}
		try {
			int value = Integer.parseInt(offset.strip());
			if (value < 0) {
				throw new BadRequestException("offset must be >= 0");
			}
			return value;
		}
		catch (NumberFormatException ex) {
			throw new BadRequestException("offset must be an integer");
		}
	}

}
