package dev.novaboot.network.api;

import java.util.Map;
import java.util.Set;

import dev.novaboot.network.manager.SecurityGroupService;
import dev.novaboot.network.store.ListOrder;
import dev.novaboot.network.store.SecurityGroup;
import dev.novaboot.service.context.RequestContext;
import tools.jackson.databind.JsonNode;

import org.springframework.http.HttpStatus;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * {@code /v2.0/security-groups} (Neutron's security-group extension). The groups and
 * rules are kept and shown; the linux driver enforces them per instance port (PortFilters).
 */
@RestController
@RequestMapping("/v2.0/security-groups")
class SecurityGroupsController {

	private static final Map<String, String> FILTERS = Map.of("id", "uuid", "name", "name", "description",
			"description", "tenant_id", "projectId", "project_id", "projectId");

	// is_sort_key in neutron's securitygroup.py, with project_id
	private static final Map<String, String> SORT_KEYS = Map.of("id", "uuid", "name", "name", "tenant_id", "projectId",
			"project_id", "projectId");

	private static final Set<String> CREATE = Set.of("name", "description", "tenant_id", "project_id");

	private static final Set<String> UPDATE = Set.of("name", "description");

	private final SecurityGroupService groups;

	private final Views views;

	SecurityGroupsController(SecurityGroupService groups, Views views) {
		this.groups = groups;
		this.views = views;
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	Map<String, Object> create(RequestContext context, @RequestBody JsonNode body) {
		Body group = Body.of(body, "security_group", CREATE);
		SecurityGroup created = this.groups.create(context, group.project(), group.name("name", Limits.NAME),
				group.string("description", Limits.DESCRIPTION));
		return Map.of("security_group", this.views.securityGroup(created));
	}

	@GetMapping
	Map<String, Object> list(RequestContext context, @RequestParam MultiValueMap<String, String> query) {
		Listing.Filters filters = Listing.filters(query, FILTERS);
		ListOrder order = Listing.order(query, SORT_KEYS);
		return Listing.page(query, filters, order,
				(after, size) -> this.groups.list(context, filters.database(), order, after, size), SecurityGroup::getId,
				(uuid) -> Listing.found(() -> this.groups.find(context, uuid)), this.views::securityGroup)
			.body("security_groups", ServletUriComponentsBuilder.fromCurrentRequestUri().replaceQuery(null).toUriString(),
					query);
	}

	@GetMapping("/{id}")
	Map<String, Object> show(RequestContext context, @PathVariable String id,
			@RequestParam MultiValueMap<String, String> query) {
		SecurityGroup group = this.groups.find(context, Limits.pathId("Security group", "SecurityGroupNotFound", id));
		return Map.of("security_group", Listing.fields(this.views.securityGroup(group), query));
	}

	@PutMapping("/{id}")
	Map<String, Object> update(RequestContext context, @PathVariable String id, @RequestBody JsonNode body) {
		Limits.pathId("Security group", "SecurityGroupNotFound", id);
		Body group = Body.of(body, "security_group", UPDATE);
		return Map.of("security_group", this.views.securityGroup(this.groups.update(context, id,
				group.name("name", Limits.NAME), group.string("description", Limits.DESCRIPTION))));
	}

	@DeleteMapping("/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void delete(RequestContext context, @PathVariable String id) {
		this.groups.delete(context, Limits.pathId("Security group", "SecurityGroupNotFound", id));
	}

}
