package dev.novaboot.volume.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import dev.novaboot.service.api.NotFoundException;
import dev.novaboot.service.api.ServiceAdministration;
import dev.novaboot.service.context.RequestContext;
import dev.novaboot.service.group.ServiceGroup.ServiceState;
import dev.novaboot.service.record.ServiceRecord;
import dev.novaboot.volume.manager.BackendFreezes;
import dev.novaboot.volume.manager.SchedulerCandidates;
import dev.novaboot.volume.manager.InvalidInputException;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Cinder's {@code /v3/{project_id}/os-services} ({@code cinder/api/v3/services.py},
 * schemas {@code cinder/api/schemas/services.py}), admin only: the services of the suite
 * with their state, taking one out of scheduling ({@code disable}, with a reason through
 * {@code disable-log-reason}) or back ({@code enable}), and freezing a volume host
 * ({@code freeze}/{@code thaw}), which then refuses management operations on its volumes.
 */
@RestController
@RequestMapping("/v3/{projectId}/os-services")
class VolumeServicesController {

	private static final String VOLUME_TOPIC = "volume";

	private static final Pattern CINDER_HOST = Pattern.compile("[a-zA-Z0-9-._#@:/+\\[\\]]*");

	private static final Set<String> SERVICE_KEYS = Set.of("binary", "host", "cluster", "service");

	private static final Set<String> REASON_KEYS = Set.of("binary", "host", "cluster", "service", "disabled_reason");

	private static final Set<String> FREEZE_KEYS = Set.of("host", "cluster");

	private final ServiceAdministration administration;

	private final BackendFreezes freezes;

	private final SchedulerCandidates candidates;

	VolumeServicesController(ServiceAdministration administration, BackendFreezes freezes,
			SchedulerCandidates candidates) {
		this.administration = administration;
		this.freezes = freezes;
		this.candidates = candidates;
	}

	@GetMapping
	Map<String, List<Map<String, Object>>> list(RequestContext context, @PathVariable String projectId,
			@RequestParam(required = false) String binary, @RequestParam(required = false) String host) {
		ProjectScope.checkAdmin(context, projectId, "volume_extension:services:index");
		return Map.of("services", this.administration.list(binary, host).stream().map(this::view).toList());
	}

	@PutMapping("/enable")
	Map<String, Object> enable(RequestContext context, @PathVariable String projectId,
			@RequestBody Map<String, Object> body) {
		return setDisabled(context, projectId, body, false, SERVICE_KEYS);
	}

	@PutMapping("/disable")
	Map<String, Object> disable(RequestContext context, @PathVariable String projectId,
			@RequestBody Map<String, Object> body) {
		return setDisabled(context, projectId, body, true, SERVICE_KEYS);
	}

	@PutMapping("/disable-log-reason")
	Map<String, Object> disableLogReason(RequestContext context, @PathVariable String projectId,
			@RequestBody Map<String, Object> body) {
		return setDisabled(context, projectId, body, true, REASON_KEYS);
	}

	/** Cinder answers 200 with no body (its own TODO says 204 would fit better). */
	@PutMapping("/freeze")
	ResponseEntity<Void> freeze(RequestContext context, @PathVariable String projectId,
			@RequestBody Map<String, Object> body) {
		this.freezes.freeze(freezeHost(context, projectId, body));
		return ResponseEntity.ok().build();
	}

	@PutMapping("/thaw")
	ResponseEntity<Void> thaw(RequestContext context, @PathVariable String projectId,
			@RequestBody Map<String, Object> body) {
		this.freezes.thaw(freezeHost(context, projectId, body));
		return ResponseEntity.ok().build();
	}

	private Map<String, Object> setDisabled(RequestContext context, String projectId, Map<String, Object> body,
			boolean disabled, Set<String> keys) {
		ProjectScope.checkAdmin(context, projectId, "volume_extension:services:update");
		RequestBodies.onlyKeys(checkedObject(body), "body", keys);
		String binary = boundedText(body, "binary");
		String service = boundedText(body, "service");
		if (binary == null && service == null) {
			throw new InvalidInputException(shown(body) + " is not valid under any of the given schemas");
		}
		String host = host(body);
		String reason = null;
		if (keys.contains("disabled_reason") && body.get("disabled_reason") != null) {
			reason = boundedText(body, "disabled_reason");
			if (reason.isBlank()) {
				throw RequestBodies.schemaError("disabled_reason", reason, "is not a 'disabled_reason'");
			}
		}
		// binary takes precedence; service is Cinder's deprecated spelling of it
		String binaryKey = (binary != null) ? binary : service;
		try {
			this.administration.update(host, binaryKey, disabled, reason, null);
			// this process's scheduler sees the change at once
			this.candidates.forget();
		}
		catch (NotFoundException ex) {
			throw new NotFoundException("Service " + binaryKey + " could not be found on host " + host + ".");
		}
		Map<String, Object> answer = new LinkedHashMap<>();
		answer.put("host", host);
		answer.put("service", (service != null) ? service : "");
		answer.put("binary", (binary != null) ? binary : "");
		answer.put("status", disabled ? "disabled" : "enabled");
		answer.put("disabled", disabled);
		if (keys.contains("disabled_reason")) {
			answer.put("disabled_reason", reason);
		}
		return answer;
	}

	private String freezeHost(RequestContext context, String projectId, Map<String, Object> body) {
		ProjectScope.checkAdmin(context, projectId, "volume:freeze_host");
		RequestBodies.onlyKeys(checkedObject(body), "body", FREEZE_KEYS);
		return host(body);
	}

	/** Cinder's {@code get_cluster_host} without clusters (before 3.26): {@code host} is required. */
	private static String host(Map<String, Object> body) {
		Object host = body.get("host");
		if (host != null && !(host instanceof String)) {
			throw RequestBodies.schemaError("host", host, "is not of type 'string', 'null'");
		}
		String text = (String) host;
		if (text != null && (text.isEmpty() || text.length() > RequestBodies.MAX_TEXT)) {
			throw RequestBodies.schemaError("host", text, text.isEmpty() ? "is too short" : "is too long");
		}
		if (text != null && !CINDER_HOST.matcher(text).matches()) {
			throw RequestBodies.schemaError("host", text, "does not match '^[a-zA-Z0-9-._#@:/+\\\\[\\\\]]*$'");
		}
		if (text == null) {
			throw new InvalidInputException("Host field is missing.");
		}
		return text;
	}

	/** A string of 1 to 255 characters, or absent. */
	private static String boundedText(Map<String, Object> body, String key) {
		Object value = body.get(key);
		if (value == null && !body.containsKey(key)) {
			return null;
		}
		if (!(value instanceof String text)) {
			throw RequestBodies.schemaError(key, value, "is not of type 'string'");
		}
		if (text.isEmpty()) {
			throw RequestBodies.schemaError(key, text, "is too short");
		}
		if (text.length() > RequestBodies.MAX_TEXT) {
			throw RequestBodies.schemaError(key, text, "is too long");
		}
		return text;
	}

	private static Map<String, Object> checkedObject(Map<String, Object> body) {
		if (body == null) {
			throw new InvalidInputException("the request body must be a JSON object.");
		}
		return body;
	}

	private static String shown(Map<String, Object> body) {
		return RequestBodies.shown(body.toString());
	}

	private Map<String, Object> view(ServiceState state) {
		ServiceRecord service = state.service();
		Map<String, Object> view = new LinkedHashMap<>();
		view.put("binary", service.getBinary());
		view.put("host", service.getHost());
		view.put("zone", service.getZone());
		view.put("status", service.isDisabled() ? "disabled" : "enabled");
		view.put("state", state.up() ? "up" : "down");
		view.put("updated_at",
				ApiTime.format((service.getUpdatedAt() != null) ? service.getUpdatedAt() : service.getCreatedAt()));
		view.put("disabled_reason", service.getDisabledReason());
		if (VOLUME_TOPIC.equals(service.getTopic())) {
			// os-extended-services' volume keys; this suite has no replication
			view.put("replication_status", "not-capable");
			view.put("active_backend_id", null);
			view.put("frozen", this.freezes.isFrozen(service.getHost()));
		}
		return view;
	}

}
