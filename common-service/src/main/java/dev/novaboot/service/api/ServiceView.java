package dev.novaboot.service.api;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import com.fasterxml.jackson.annotation.JsonProperty;

import dev.novaboot.service.group.ServiceGroup.ServiceState;
import dev.novaboot.service.record.ServiceRecord;

/**
 * A service as Nova's {@code os-services} API shows it (microversion 2.53 and later:
 * the id is the service's uuid).
 */
record ServiceView(String id, String binary, String host, String zone, String status, String state,
		@JsonProperty("updated_at") String updatedAt, @JsonProperty("disabled_reason") String disabledReason,
		@JsonProperty("forced_down") boolean forcedDown) {

	// Nova's timestamp format: UTC, no zone designator, microseconds
	private static final DateTimeFormatter NOVA_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS")
		.withZone(ZoneOffset.UTC);

	static ServiceView of(ServiceState state) {
		ServiceRecord service = state.service();
		Instant updated = (service.getUpdatedAt() != null) ? service.getUpdatedAt() : service.getCreatedAt();
		return new ServiceView(service.getUuid(), service.getBinary(), service.getHost(), service.getZone(),
				service.isDisabled() ? "disabled" : "enabled", state.up() ? "up" : "down", NOVA_TIME.format(updated),
				service.getDisabledReason(), service.isForcedDown());
	}

}
