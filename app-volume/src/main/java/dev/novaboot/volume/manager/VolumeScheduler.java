package dev.novaboot.volume.manager;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import dev.novaboot.service.group.ServiceGroup;
import dev.novaboot.service.record.ServiceRecord;
import dev.novaboot.volume.store.FrozenBackends;
import dev.novaboot.volume.store.VolumeCapacity;
import dev.novaboot.volume.store.VolumeCapacityRepository;

import org.springframework.stereotype.Component;

/**
 * Picks the volume host for a new volume (Cinder's capacity filter and weigher, in one):
 * among the up and enabled {@code volume} services of the zone, the one whose last
 * capacity report shows the most free space, if that is enough for the volume. A host
 * that never reported its capacity is not considered, nor a frozen one (Cinder's host
 * manager leaves frozen services out of its backends).
 */
@Component
public class VolumeScheduler {

	private final ServiceGroup serviceGroup;

	private final VolumeCapacityRepository capacities;

	private final FrozenBackends frozen;

	VolumeScheduler(ServiceGroup serviceGroup, VolumeCapacityRepository capacities, FrozenBackends frozen) {
		this.serviceGroup = serviceGroup;
		this.capacities = capacities;
		this.frozen = frozen;
	}

	/**
	 * @param sizeGb the new volume's size
	 * @param zone the zone asked for, or {@code null} for any
	 * @return the chosen host
	 * @throws NoValidHostException when no host qualifies, saying why
	 */
	public String selectHost(int sizeGb, String zone) {
		return selectHost(sizeGb, zone, null);
	}

	/**
	 * {@link #selectHost(int, String)} among the hosts that report {@code backendName}
	 * (a volume type's {@code volume_backend_name} extra spec, Cinder's capabilities
	 * filter), or among all when it is {@code null}.
	 */
	public String selectHost(int sizeGb, String zone, String backendName) {
		List<ServiceRecord> inZone = this.serviceGroup.upServices("volume")
			.stream()
			.filter((service) -> zone == null || zone.equals(service.getZone()))
			.toList();
		if (inZone.isEmpty()) {
			throw new NoValidHostException("No valid host was found: no volume service is up and enabled"
					+ ((zone != null) ? " in availability zone '" + zone + "'" : "") + ".");
		}
		Set<String> frozenHosts = this.frozen.hosts();
		List<ServiceRecord> services = inZone.stream()
			.filter((service) -> !frozenHosts.contains(service.getHost()))
			.toList();
		if (services.isEmpty()) {
			throw new NoValidHostException("No valid host was found: every volume host that could take it is frozen.");
		}
		Map<String, VolumeCapacity> reported = this.capacities
			.findAllById(services.stream().map(ServiceRecord::getHost).toList())
			.stream()
			.collect(Collectors.toMap(VolumeCapacity::getHost, Function.identity()));
		List<VolumeCapacity> matching = reported.values()
			.stream()
			.filter((capacity) -> backendName == null || backendName.equals(capacity.getBackendName()))
			.toList();
		if (matching.isEmpty()) {
			throw new NoValidHostException("No valid host was found: no volume host reports volume_backend_name '"
					+ backendName + "'.");
		}
		Optional<VolumeCapacity> best = matching.stream()
			.filter((capacity) -> capacity.getFreeGb() >= sizeGb)
			.max(Comparator.comparingLong(VolumeCapacity::getFreeGb).thenComparing(VolumeCapacity::getHost));
		return best.map(VolumeCapacity::getHost)
			.orElseThrow(() -> new NoValidHostException("No valid host was found: none of the "
					+ services.size() + " volume host(s) reports " + sizeGb + " GiB free."));
	}

	/** Whether any volume service (up or not) serves {@code zone}. */
	public boolean isKnownZone(String zone) {
		return this.serviceGroup.states()
			.stream()
			.anyMatch((state) -> "volume".equals(state.service().getTopic()) && zone.equals(state.service().getZone()));
	}

	/** No host can take the volume. */
	public static class NoValidHostException extends RuntimeException {

		public NoValidHostException(String message) {
			super(message);
		}

	}

}
