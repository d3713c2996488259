package dev.novaboot.service.api;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.novaboot.service.group.ServiceGroup.ServiceState;
import dev.novaboot.service.record.ServiceRecord;

/**
 * A service as Nova's {@code os-services} API shows it at a microversion: {@code id} the
 * database id (an integer) before 2.53, the uuid from 2.53; {@code forced_down} from 2.11.
 */
final class ServiceView {

	// Nova's timestamp format: UTC, no zone designator, microseconds
	private static final DateTimeFormatter NOVA_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS")
		.withZone(ZoneOffset.UTC);

	private ServiceView() {
	}

	static Map<String, Object> of(ServiceState state, Microversion version) {
		ServiceRecord service = state.service();
		Instant updated = (service.getUpdatedAt() != null) ? service.getUpdatedAt() : service.getCreatedAt();
		Map<String, Object> view = new LinkedHashMap<>();
		view.put("id", version.isAtLeast(2, 53) ? service.getUuid() : service.getId());
		view.put("binary", service.getBinary());
		view.put("host", service.getHost());
		view.put("zone", service.getZone());
		view.put("status", service.isDisabled() ? "disabled" : "enabled");
		view.put("state", state.up() ? "up" : "down");
		view.put("updated_at", NOVA_TIME.format(updated));
		view.put("disabled_reason", service.getDisabledReason());
		if (version.isAtLeast(2, 11)) {
			view.put("forced_down", service.isForcedDown());
		}
		return view;
	}

}
