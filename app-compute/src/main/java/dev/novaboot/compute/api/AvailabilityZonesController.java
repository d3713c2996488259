package dev.novaboot.compute.api;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import dev.novaboot.compute.manager.AvailabilityZones;
import dev.novaboot.service.context.RequestContext;
import dev.novaboot.service.group.ServiceGroup.ServiceState;
import dev.novaboot.service.record.ServiceRecord;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /v2.1/os-availability-zone}: the zones users may boot into (Nova hides its
 * {@code internal} zone from them), and for admins ({@code /detail}) every zone with the
 * enabled services of each host and their states.
 */
@RestController
class AvailabilityZonesController {


	private final AvailabilityZones zones;

	AvailabilityZonesController(AvailabilityZones zones) {
		this.zones = zones;
	}

	@GetMapping("/v2.1/os-availability-zone")
	Map<String, Object> list() {
		List<Map<String, Object>> info = new ArrayList<>();
		// the compute hosts' zones (the internal one is not listed here), grouped by the database
		Map<String, Boolean> zones = this.zones.computeZoneAvailability();
		// available zones first, then the others, each in name order (Nova's order)
		for (boolean available : new boolean[] { true, false }) {
			zones.forEach((name, isAvailable) -> {
				if (isAvailable == available && !name.equals(AvailabilityZones.INTERNAL)) {
					info.add(zone(name, available, null));
				}
			});
		}
		return Map.of("availabilityZoneInfo", info);
	}

	@GetMapping("/v2.1/os-availability-zone/detail")
	Map<String, Object> detail(RequestContext context) {
		if (!context.isAdmin()) {
			throw new PolicyForbiddenException("os_compute_api:os-availability-zone:detail");
		}
		List<Map<String, Object>> info = new ArrayList<>();
		List<AvailabilityZones.Zone> all = this.zones.zones();
		for (AvailabilityZones.Zone zone : all) {
			if (zone.available()) {
				info.add(zone(zone.name(), true, hosts(zone)));
			}
		}
		for (AvailabilityZones.Zone zone : all) {
			if (!zone.available()) {
				info.add(zone(zone.name(), false, null));
			}
		}
		return Map.of("availabilityZoneInfo", info);
	}

	// each host of the zone with its enabled services: up or not, and when last updated
	private static Map<String, Object> hosts(AvailabilityZones.Zone zone) {
		Map<String, Object> hosts = new TreeMap<>();
		for (ServiceState state : zone.services()) {
			ServiceRecord service = state.service();
			if (service.isDisabled()) {
				continue;
			}
			Map<String, Object> status = new LinkedHashMap<>();
			status.put("available", state.up());
			status.put("active", true);
			status.put("updated_at", NovaTime.microseconds(service.getUpdatedAt()));
			@SuppressWarnings("unchecked")
			Map<String, Object> services = (Map<String, Object>) hosts.computeIfAbsent(service.getHost(),
					(host) -> new TreeMap<>());
			services.put(service.getBinary(), status);
		}
		return hosts;
	}

	private static Map<String, Object> zone(String name, boolean available, Map<String, Object> hosts) {
		Map<String, Object> zone = new HashMap<>();
		zone.put("zoneName", name);
		zone.put("zoneState", Map.of("available", available));
		zone.put("hosts", hosts);
		return zone;
	}

}
