package dev.novaboot.volume.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.novaboot.service.api.ServiceAdministration;
import dev.novaboot.service.context.RequestContext;
import dev.novaboot.service.group.ServiceGroup.ServiceState;
import dev.novaboot.service.record.ServiceRecord;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Cinder's {@code GET /v3/{project_id}/os-services}: the services of the suite with their
 * state, as the Block Storage API shows them (admin only, as every services API).
 */
@RestController
@RequestMapping("/v3/{projectId}/os-services")
class VolumeServicesController {

	private final ServiceAdministration administration;

	VolumeServicesController(ServiceAdministration administration) {
		this.administration = administration;
	}

	@GetMapping
	Map<String, List<Map<String, Object>>> list(RequestContext context, @PathVariable String projectId,
			@RequestParam(required = false) String binary, @RequestParam(required = false) String host) {
		ProjectScope.check(context, projectId);
		return Map.of("services", this.administration.list(binary, host).stream().map(VolumeServicesController::view).toList());
	}

	private static Map<String, Object> view(ServiceState state) {
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
		return view;
	}

}
