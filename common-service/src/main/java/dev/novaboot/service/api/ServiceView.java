package dev.novaboot.service.api;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.novaboot.service.group.ServiceGroup.ServiceState;
import dev.novaboot.service.group.ServiceListing.ServiceRow;
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
		return of(new ServiceRow(service.getId(), service.getUuid(), service.getBinary(), service.getHost(),
				service.getZone(), service.isDisabled(), service.getDisabledReason(), service.isForcedDown(), updated,
				state.up()), version);
	}

	static Map<String, Object> of(ServiceRow service, Microversion version) {
		Map<String, Object> view = new LinkedHashMap<>();
		view.put("id", version.isAtLeast(2, 53) ? service.uuid() : service.id());
		view.put("binary", service.binary());
		view.put("host", service.host());
		view.put("zone", service.zone());
		view.put("status", service.disabled() ? "disabled" : "enabled");
		view.put("state", service.up() ? "up" : "down");
		view.put("updated_at", NOVA_TIME.format(service.updatedAt()));
		view.put("disabled_reason", service.disabledReason());
		if (version.isAtLeast(2, 11)) {
			view.put("forced_down", service.forcedDown());
		}
		return view;
	}

}
