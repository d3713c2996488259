package dev.novaboot.network.api;

import java.util.Map;
import java.util.Set;

import dev.novaboot.network.manager.NetworkException;
import dev.novaboot.network.manager.NetworkManager;
import dev.novaboot.network.manager.SecurityGroupRuleSpec;
import dev.novaboot.network.manager.SecurityGroupService;
import dev.novaboot.network.store.ListOrder;
import dev.novaboot.network.store.SecurityGroupRule;
import dev.novaboot.service.context.RequestContext;
import tools.jackson.databind.JsonNode;

import org.springframework.http.HttpStatus;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * {@code /v2.0/security-group-rules}: created, listed, shown and deleted; a rule never
 * changes, as in Neutron.
 */
@RestController
@RequestMapping("/v2.0/security-group-rules")
class SecurityGroupRulesController {

	private static final Map<String, String> FILTERS = Map.ofEntries(Map.entry("id", "uuid"),
			Map.entry("security_group_id", "securityGroupUuid"), Map.entry("remote_group_id", "remoteGroupUuid"),
			Map.entry("direction", "direction"), Map.entry("ethertype", "ethertype"), Map.entry("protocol", "protocol"),
			Map.entry("remote_ip_prefix", "remoteIpPrefix"), Map.entry("description", "description"),
			Map.entry("tenant_id", "projectId"), Map.entry("project_id", "projectId"));

	// is_sort_key in neutron's securitygroup.py, with project_id
	private static final Map<String, String> SORT_KEYS = Map.ofEntries(Map.entry("id", "uuid"),
			Map.entry("security_group_id", "securityGroupUuid"), Map.entry("remote_group_id", "remoteGroupUuid"),
			Map.entry("direction", "direction"), Map.entry("protocol", "protocol"),
			Map.entry("port_range_min", "portRangeMin"), Map.entry("port_range_max", "portRangeMax"),
			Map.entry("ethertype", "ethertype"), Map.entry("remote_ip_prefix", "remoteIpPrefix"),
			Map.entry("tenant_id", "projectId"), Map.entry("project_id", "projectId"));

	private static final Set<String> CREATE = Set.of("security_group_id", "direction", "ethertype", "protocol",
			"port_range_min", "port_range_max", "remote_ip_prefix", "remote_group_id", "description", "tenant_id",
			"project_id");

	private final SecurityGroupService groups;

	private final Views views;

	private final NetworkManager manager;

	SecurityGroupRulesController(SecurityGroupService groups, Views views, NetworkManager manager) {
		this.manager = manager;
		this.groups = groups;
		this.views = views;
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	Map<String, Object> create(RequestContext context, @RequestBody JsonNode body) {
		Body rule = Body.of(body, "security_group_rule", CREATE);
		SecurityGroupRule created = this.groups.createRule(context,
				new SecurityGroupRuleSpec(rule.uuid("security_group_id"), rule.project(), rule.string("direction", 16),
						rule.string("ethertype", 16), protocol(rule), port(rule, "port_range_min"),
						port(rule, "port_range_max"), rule.string("remote_ip_prefix", Limits.NEUTRON_IP_ADDRESS),
						rule.uuid("remote_group_id"), rule.string("description", Limits.DESCRIPTION)));
		this.manager.securityGroupsChanged();
		return Map.of("security_group_rule", this.views.securityGroupRule(created));
	}

	// a name, or a number written as a number or a string
	private static String protocol(Body rule) {
		if (rule.has("protocol") && rule.node("protocol").isIntegralNumber()) {
			return rule.node("protocol").asString();
		}
		return rule.string("protocol", 40);
	}

	// neutron's convert_validate_port_value: an integer 0 to 65535, or a string of one
	private static Integer port(Body rule, String field) {
		try {
			return rule.integer(field);
		}
		catch (NetworkException ex) {
			throw new NetworkException(NetworkException.Kind.INVALID, "SecurityGroupInvalidPortValue",
					"Invalid value for port " + Limits.shown(String.valueOf(rule.node(field))));
		}
	}

	@GetMapping
	Map<String, Object> list(RequestContext context, @RequestParam MultiValueMap<String, String> query) {
		Listing.Filters filters = Listing.filters(query, FILTERS);
		ListOrder order = Listing.order(query, SORT_KEYS);
		return Listing.page(query, filters, order,
				(after, size) -> this.groups.listRules(context, filters.database(), order, after, size),
				SecurityGroupRule::getId, (uuid) -> Listing.found(() -> this.groups.findRule(context, uuid)),
				this.views::securityGroupRule)
			.body("security_group_rules",
					ServletUriComponentsBuilder.fromCurrentRequestUri().replaceQuery(null).toUriString(), query);
	}

	@GetMapping("/{id}")
	Map<String, Object> show(RequestContext context, @PathVariable String id,
			@RequestParam MultiValueMap<String, String> query) {
		SecurityGroupRule rule = this.groups.findRule(context,
				Limits.pathId("Security group rule", "SecurityGroupRuleNotFound", id));
		return Map.of("security_group_rule", Listing.fields(this.views.securityGroupRule(rule), query));
	}

	@DeleteMapping("/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void delete(RequestContext context, @PathVariable String id) {
		this.groups.deleteRule(context, Limits.pathId("Security group rule", "SecurityGroupRuleNotFound", id));
		this.manager.securityGroupsChanged();
	}

}
