package dev.novaboot.volume.api;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.novaboot.service.api.BadRequestException;
import dev.novaboot.service.context.RequestContext;
import dev.novaboot.volume.manager.InvalidInputException;
import dev.novaboot.volume.manager.QuotaTargets;
import dev.novaboot.volume.manager.VolumeQuotas;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Cinder's {@code /v3/{project_id}/os-quota-sets/{target}} ({@code cinder/api/contrib/quotas.py},
 * schema {@code cinder/api/schemas/quotas.py}): a project's limits (with {@code usage=true}
 * each one's {@code limit}, {@code in_use} and {@code reserved}), the defaults, and for
 * admins changing and deleting a project's limits. Members see their own project's only.
 */
@RestController
@RequestMapping("/v3/{projectId}/os-quota-sets/{target}")
class QuotaSetsController {

	/** Keys Cinder's quota set takes but ignores. */
	private static final Set<String> NON_QUOTA_KEYS = Set.of("tenant_id", "id");

	private final VolumeQuotas quotas;

	private final QuotaTargets targets;

	QuotaSetsController(VolumeQuotas quotas, QuotaTargets targets) {
		this.quotas = quotas;
		this.targets = targets;
	}

	@GetMapping
	Map<String, Object> show(RequestContext context, @PathVariable String projectId, @PathVariable String target,
			@RequestParam(required = false) String usage) {
		checkShow(context, projectId, target);
		Map<String, Object> set = new LinkedHashMap<>();
		if (RequestBodies.boolParam("usage", usage)) {
			this.quotas.details(target)
				.forEach((resource, detail) -> set.put(resource,
						Map.of("limit", detail.limit(), "in_use", detail.inUse(), "reserved", detail.reserved())));
		}
		else {
			set.putAll(this.quotas.limits(target));
		}
		set.put("id", target);
		return Map.of("quota_set", set);
	}

	@GetMapping("/defaults")
	Map<String, Object> defaults(RequestContext context, @PathVariable String projectId, @PathVariable String target) {
		checkShow(context, projectId, target);
		Map<String, Object> set = new LinkedHashMap<>(this.quotas.defaults());
		set.put("id", target);
		return Map.of("quota_set", set);
	}

	@PutMapping
	Map<String, Object> update(RequestContext context, @PathVariable String projectId, @PathVariable String target,
			@RequestBody Map<String, Object> body) {
		ProjectScope.checkAdmin(context, projectId, "volume_extension:quotas:update");
		this.targets.check(target);
		if (body == null || !body.containsKey("quota_set")) {
			throw new BadRequestException("'quota_set' is a required property");
		}
		RequestBodies.onlyKeys(body, "body", Set.of("quota_set"));
		if (!(body.get("quota_set") instanceof Map<?, ?> given)) {
			throw RequestBodies.schemaError("quota_set", body.get("quota_set"), "is not of type 'object'");
		}
		if (given.isEmpty()) {
			throw RequestBodies.schemaError("quota_set", "{}", "does not have enough properties");
		}
		return Map.of("quota_set", this.quotas.update(target, limits(given)));
	}

	/** Cinder answers 200 with no body. */
	@DeleteMapping
	ResponseEntity<Void> delete(RequestContext context, @PathVariable String projectId, @PathVariable String target) {
		ProjectScope.checkAdmin(context, projectId, "volume_extension:quotas:delete");
		this.targets.check(target);
		this.quotas.delete(target);
		return ResponseEntity.ok().build();
	}

	/** Cinder's {@code quota_set} format: known keys, whole numbers from -1 to its largest integer. */
	private Map<String, Integer> limits(Map<?, ?> given) {
		Set<String> known = this.quotas.defaults().keySet();
		Map<String, Integer> limits = new LinkedHashMap<>();
		List<String> badKeys = new ArrayList<>();
		for (Map.Entry<?, ?> entry : given.entrySet()) {
			String key = String.valueOf(entry.getKey());
			if (NON_QUOTA_KEYS.contains(key)) {
				continue;
			}
			if (!known.contains(key)) {
				badKeys.add(key);
				continue;
			}
			limits.put(key, integer(key, entry.getValue()));
		}
		if (!badKeys.isEmpty()) {
			throw new InvalidInputException("Bad key(s) in quota set: " + String.join(", ", badKeys));
		}
		return limits;
	}

	/** oslo's {@code strutils.validate_integer}, as Cinder calls it for quota values. */
	private static int integer(String key, Object value) {
		long number;
		try {
			if (value instanceof Boolean || value == null || value instanceof Double || value instanceof Float) {
				throw new NumberFormatException();
			}
			number = Long.parseLong(String.valueOf(value).strip());
		}
		catch (NumberFormatException ex) {
			throw new BadRequestException(key + " must be an integer.");
		}
		if (number < -1) {
			throw new BadRequestException(key + " must be >= -1");
		}
		if (number > VolumeQuotas.MAX_LIMIT) {
			throw new BadRequestException(key + " must be <= " + VolumeQuotas.MAX_LIMIT);
		}
		return (int) number;
	}

	/** Cinder's show policy: admins, or the target project's own members. */
	private void checkShow(RequestContext context, String projectId, String target) {
		ProjectScope.check(context, projectId);
		this.targets.check(target);
		if (!context.isAdmin() && !target.equals(context.projectId())) {
			throw new ForbiddenException("Policy doesn't allow volume_extension:quotas:show to be performed.");
		}
	}

}
