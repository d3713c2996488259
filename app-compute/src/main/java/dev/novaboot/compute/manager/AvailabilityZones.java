package dev.novaboot.compute.manager;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

import dev.novaboot.service.group.ServiceGroup;
import dev.novaboot.service.group.ServiceGroup.ServiceState;

import org.springframework.stereotype.Component;

/**
 * The availability zones of the cloud as Nova derives them from its services: a compute
 * host is in the zone its service reports ({@code nova.service.zone}); every other service
 * is in Nova's {@code internal} zone. A zone is available while one of its services is
 * enabled.
 */
@Component
public class AvailabilityZones {

	/** Nova's {@code internal_service_availability_zone}. */
	public static final String INTERNAL = "internal";

	private static final String COMPUTE_TOPIC = "compute";

	private final ServiceGroup serviceGroup;

	AvailabilityZones(ServiceGroup serviceGroup) {
		this.serviceGroup = serviceGroup;
	}

	/** Every zone by name, in name order, with its services and whether it is available. */
	public List<Zone> zones() {
		Map<String, List<ServiceState>> byZone = new TreeMap<>();
		for (ServiceState state : this.serviceGroup.states()) {
			byZone.computeIfAbsent(zoneOf(state), (zone) -> new ArrayList<>()).add(state);
		}
		return byZone.entrySet()
			.stream()
			.map((entry) -> new Zone(entry.getKey(),
					entry.getValue().stream().anyMatch((state) -> !state.service().isDisabled()), entry.getValue()))
			.toList();
	}

	/**
	 * The zones compute hosts are in, in name order, each with whether it is available (one
	 * of its compute services enabled): a grouped query, not every service.
	 */
	public Map<String, Boolean> computeZoneAvailability() {
		return this.serviceGroup.zoneAvailability(COMPUTE_TOPIC);
	}

	/** The names of the zones compute hosts are in, for checking a requested zone. */
	public TreeSet<String> computeZones() {
		// a handful of distinct zones from the database, not every compute service
		return new TreeSet<>(this.serviceGroup.zonesOf(COMPUTE_TOPIC));
	}

	/** The zone of a compute host, empty when it has no compute service. */
	public Optional<String> zoneOfHost(String host) {
		return this.serviceGroup.states()
			.stream()
			.filter((state) -> COMPUTE_TOPIC.equals(state.service().getTopic())
					&& state.service().getHost().equals(host))
			.map((state) -> state.service().getZone())
			.findFirst();
	}

	private static String zoneOf(ServiceState state) {
		return COMPUTE_TOPIC.equals(state.service().getTopic()) ? state.service().getZone() : INTERNAL;
	}

	/** A zone, whether it is available, and its services with their states. */
	public record Zone(String name, boolean available, List<ServiceState> services) {
	}

}
