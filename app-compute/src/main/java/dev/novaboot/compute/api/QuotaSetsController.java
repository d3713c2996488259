package dev.novaboot.compute.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import dev.novaboot.compute.manager.ComputeQuotas;
import dev.novaboot.compute.manager.ProjectIds;
import dev.novaboot.service.api.BadRequestException;
import dev.novaboot.service.api.Microversion;
import dev.novaboot.service.context.RequestContext;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /v2.1/os-quota-sets/{project}}: a project's compute quotas as Nova shows them,
 * with the nova-network quotas (always unlimited) only before 2.36; the defaults; what is in
 * use ({@code /detail}); and an admin's update (refused below the usage unless forced) and
 * reset to the defaults. Per-user quotas ({@code user_id}) are not kept: shows answer the
 * project's, and an update for a user is refused.
 */
@RestController
class QuotaSetsController {

	private static final Pattern INTEGER = Pattern.compile("-?[0-9]+");

	// Nova's parameter_types.boolean
	private static final Set<Object> TRUE = Set.of(true, "True", "TRUE", "true", "1", "ON", "On", "on", "YES", "Yes",
			"yes");

	private static final Set<Object> FALSE = Set.of(false, "False", "FALSE", "false", "0", "OFF", "Off", "off", "NO",
			"No", "no");

	private final ComputeQuotas quotas;

	private final ProjectIds projects;

	QuotaSetsController(ComputeQuotas quotas, ProjectIds projects) {
		this.quotas = quotas;
		this.projects = projects;
	}

	@GetMapping("/v2.1/os-quota-sets/{project}")
	Map<String, Object> show(RequestContext context, @PathVariable String project, Microversion version) {
		readable(context, project, "show");
		this.projects.verify(project);
		return Map.of("quota_set", view(project, this.quotas.limits(project), version));
	}

	@GetMapping("/v2.1/os-quota-sets/{project}/defaults")
	Map<String, Object> defaults(@PathVariable String project, Microversion version) {
		this.projects.verify(project);
		return Map.of("quota_set", view(project, this.quotas.defaults(), version));
	}

	@GetMapping("/v2.1/os-quota-sets/{project}/detail")
	Map<String, Object> detail(RequestContext context, @PathVariable String project, Microversion version) {
		readable(context, project, "detail");
		this.projects.verify(project);
		Map<String, Object> view = new LinkedHashMap<>();
		view.put("id", project);
		this.quotas.detail(project, context.userId()).forEach((resource, quota) -> {
			if (shown(resource, version)) {
				view.put(resource, Map.of("in_use", quota.inUse(), "limit", quota.limit(), "reserved", 0));
			}
		});
		return Map.of("quota_set", view);
	}

	@PutMapping("/v2.1/os-quota-sets/{project}")
	Map<String, Object> update(RequestContext context, @PathVariable String project,
			@RequestParam(name = "user_id", required = false) String userId, @RequestBody Map<String, Object> body,
			Microversion version) {
		admin(context, "update");
		this.projects.verify(project);
		if (userId != null) {
			throw new BadRequestException("Quotas per user are not supported: set the project's quotas.");
		}
		Map<String, Object> quotaSet = quotaSet(body);
		boolean force = false;
		Map<String, Integer> limits = new LinkedHashMap<>();
		for (Map.Entry<String, Object> entry : quotaSet.entrySet()) {
			String field = entry.getKey();
			if (field.equals("force")) {
				force = force(entry.getValue());
			}
			else if (!shown(field, version)) {
				throw new BadRequestException("Invalid input for field/attribute quota_set. Additional properties are "
						+ "not allowed ('" + ServerRequests.shown(field) + "' was unexpected)");
			}
			else {
				limits.put(field, limit(field, entry.getValue()));
			}
		}
		// the nova-network quotas are accepted before 2.36 and stay unlimited, as in Nova
		ComputeQuotas.NETWORK_RESOURCES.forEach(limits::remove);
		this.quotas.update(project, context.userId(), limits, force);
		return Map.of("quota_set", view(null, this.quotas.limits(project), version));
	}

	@DeleteMapping("/v2.1/os-quota-sets/{project}")
	@ResponseStatus(HttpStatus.ACCEPTED)
	void delete(RequestContext context, @PathVariable String project) {
		admin(context, "delete");
		this.projects.verify(project);
		this.quotas.reset(project);
	}

	private static Map<String, Object> view(String project, Map<String, Integer> limits, Microversion version) {
		Map<String, Object> view = new LinkedHashMap<>();
		if (project != null) {
			view.put("id", project);
		}
		limits.forEach((resource, limit) -> {
			if (shown(resource, version)) {
				view.put(resource, limit);
			}
		});
		return view;
	}

	private static boolean shown(String resource, Microversion version) {
		return ComputeQuotas.RESOURCES.contains(resource)
				&& !(version.isAtLeast(2, 36) && ComputeQuotas.NETWORK_RESOURCES.contains(resource));
	}

	// Nova's policy: a project's own members read its quotas, admins read every project's
	private static void readable(RequestContext context, String project, String action) {
		if (!context.isAdmin() && !project.equals(context.projectId())) {
			throw new PolicyForbiddenException("os_compute_api:os-quota-sets:" + action);
		}
	}

	private static void admin(RequestContext context, String action) {
		if (!context.isAdmin()) {
			throw new PolicyForbiddenException("os_compute_api:os-quota-sets:" + action);
		}
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> quotaSet(Map<String, Object> body) {
		for (String field : body.keySet()) {
			if (!field.equals("quota_set")) {
				throw new BadRequestException("Invalid input for field/attribute body. Additional properties are not "
						+ "allowed ('" + ServerRequests.shown(field) + "' was unexpected)");
			}
		}
		if (!(body.get("quota_set") instanceof Map<?, ?> quotaSet)) {
			throw new BadRequestException("Invalid input for field/attribute quota_set. 'quota_set' is a required "
					+ "property and an object");
		}
		return (Map<String, Object>) quotaSet;
	}

	// Nova's _common_quota: an integer, or a string of one, from -1 (unlimited) to MAX_INT
	private static int limit(String resource, Object value) {
		long number;
		if (value instanceof Integer || value instanceof Long) {
			number = ((Number) value).longValue();
		}
		else if (value instanceof String text && INTEGER.matcher(text).matches() && text.length() < 12) {
			number = Long.parseLong(text);
		}
		else {
			String shown = ServerRequests.shown(String.valueOf(value));
			throw new BadRequestException("Invalid input for field/attribute " + resource + ". Value: " + shown
					+ ". " + ((value instanceof String) ? "'" + shown + "' does not match '^-?[0-9]+$'"
							: "It is not of type 'integer', 'string'."));
		}
		if (number < -1) {
			throw new BadRequestException("Invalid input for field/attribute " + resource + ". Value: " + number + ". "
					+ number + " is less than the minimum of -1");
		}
		if (number > Integer.MAX_VALUE) {
			throw new BadRequestException("Invalid input for field/attribute " + resource + ". Value: " + number + ". "
					+ number + " is greater than the maximum of " + Integer.MAX_VALUE);
		}
		return (int) number;
	}

	private static boolean force(Object value) {
		if (TRUE.contains(value)) {
			return true;
		}
		if (FALSE.contains(value)) {
			return false;
		}
		throw new BadRequestException("Invalid input for field/attribute force. Value: "
				+ ServerRequests.shown(String.valueOf(value)) + ". " + List.of(value) + " is not of type 'boolean'");
	}

}
