package dev.novaboot.network.api;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.novaboot.network.manager.NetworkException;
import dev.novaboot.network.manager.QuotaService;
import dev.novaboot.service.context.RequestContext;
import tools.jackson.databind.JsonNode;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /v2.0/quotas} (neutron's {@code quotasv2} extension, with {@code quota_details}):
 * a project's limits, their defaults, their use, and the admin's list, update and reset.
 * Any caller may read its own project's quotas; another project's, the list, updates and
 * resets are the admin's ({@code get_quota}, {@code update_quota}, {@code delete_quota}).
 */
@RestController
@RequestMapping("/v2.0/quotas")
class QuotasController {

	// the resources, and the update's flags: Neutron pops force and check_limit before it
	// reads the limits
	private static final Set<String> UPDATE;

	static {
		Set<String> update = new HashSet<>(QuotaService.RESOURCES);
		update.add("force");
		update.add("check_limit");
		UPDATE = Set.copyOf(update);
	}

	private final QuotaService quotas;

	QuotasController(QuotaService quotas) {
		this.quotas = quotas;
	}

	/** Every project that has limits of its own, each with all its limits. */
	@GetMapping
	Map<String, Object> list(RequestContext context) {
		List<Map<String, Object>> all = new ArrayList<>();
		this.quotas.all(context).forEach((project, limits) -> {
			Map<String, Object> view = new LinkedHashMap<>(limits);
			view.put("project_id", project);
			view.put("tenant_id", project);
			all.add(view);
		});
		return Map.of("quotas", all);
	}

	/** The caller's project, as Neutron's {@code quotas/project} action names it. */
	@GetMapping("/project")
	Map<String, Object> project(RequestContext context) {
		return Map.of("project", Map.of("project_id", context.projectId()));
	}

	@GetMapping("/{projectId}")
	Map<String, Object> show(RequestContext context, @PathVariable String projectId) {
		return Map.of("quota", this.quotas.limits(context, projectId));
	}

	@GetMapping("/{projectId}/default")
	Map<String, Object> defaults(RequestContext context, @PathVariable String projectId) {
		return Map.of("quota", this.quotas.defaults(context, projectId));
	}

	/** {@code quota_details}: limit, used and reserved (always 0 here: nothing is reserved) of each resource. */
	@GetMapping({ "/{projectId}/details", "/{projectId}/details.json" })
	Map<String, Object> details(RequestContext context, @PathVariable String projectId) {
		Map<String, Object> details = new LinkedHashMap<>();
		this.quotas.details(context, projectId)
			.forEach((resource, detail) -> details.put(resource,
					Map.of("limit", detail.limit(), "used", detail.used(), "reserved", detail.reserved())));
		return Map.of("quota", details);
	}

	@PutMapping("/{projectId}")
	Map<String, Object> update(RequestContext context, @PathVariable String projectId,
			@RequestBody JsonNode body) {
		Body quota = Body.of(body, "quota", UPDATE);
		Map<String, Integer> limits = new LinkedHashMap<>();
		for (String resource : QuotaService.RESOURCES) {
			Integer limit = quota.integer(resource, -1);
			if (limit != null) {
				limits.put(resource, limit);
			}
		}
		// force skips the check, as it does in Neutron; check_limit asks for it
		boolean checkLimit = Boolean.TRUE.equals(quota.bool("check_limit")) && !Boolean.TRUE.equals(quota.bool("force"));
		return Map.of("quota", this.quotas.update(context, checkedProject(projectId), limits, checkLimit));
	}

	/** Back to the defaults. */
	@DeleteMapping("/{projectId}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void reset(RequestContext context, @PathVariable String projectId) {
		this.quotas.reset(context, projectId);
	}

	// a project id the limits' column cannot hold would end in a database error
	private static String checkedProject(String projectId) {
		if (projectId.length() > Limits.PROJECT_ID) {
			throw NetworkException.invalidInput("Invalid input for project_id. Reason: '" + Limits.shown(projectId)
					+ "' exceeds maximum length of " + Limits.PROJECT_ID + ".");
		}
		return projectId;
	}

}
