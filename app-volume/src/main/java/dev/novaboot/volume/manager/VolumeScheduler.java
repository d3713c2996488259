package dev.novaboot.volume.manager;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import dev.novaboot.service.group.ServiceGroup;
import dev.novaboot.service.record.ServiceRecord;
import dev.novaboot.volume.store.VolumeCapacity;

import org.springframework.stereotype.Component;

/**
 * Picks the volume host for a new volume (Cinder's capacity filter and weigher, in one):
 * among the up and enabled {@code volume} services of the zone, the one whose last
 * capacity report shows the most free space, if that is enough for the volume. A host
 * that never reported its capacity is not considered, nor a frozen one (Cinder's host
 * manager leaves frozen services out of its backends). What it chooses from is read by
 * {@link SchedulerCandidates}, which remembers it for a short time.
 */
@Component
public class VolumeScheduler {

	private final ServiceGroup serviceGroup;

	private final SchedulerCandidates candidates;

	VolumeScheduler(ServiceGroup serviceGroup, SchedulerCandidates candidates) {
		this.serviceGroup = serviceGroup;
		this.candidates = candidates;
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
		SchedulerCandidates.Candidates current = this.candidates.current();
		List<ServiceRecord> inZone = current.services()
			.stream()
			.filter((service) -> zone == null || zone.equals(service.getZone()))
			.toList();
		if (inZone.isEmpty()) {
			throw new NoValidHostException("No valid host was found: no volume service is up and enabled"
					+ ((zone != null) ? " in availability zone '" + zone + "'" : "") + ".");
		}
		Set<String> frozenHosts = current.frozenHosts();
		List<ServiceRecord> services = inZone.stream()
			.filter((service) -> !frozenHosts.contains(service.getHost()))
			.toList();
		if (services.isEmpty()) {
			throw new NoValidHostException("No valid host was found: every volume host that could take it is frozen.");
		}
		List<VolumeCapacity> matching = services.stream()
			.map(ServiceRecord::getHost)
			.distinct()
			.map(current.capacities()::get)
			.filter(Objects::nonNull)
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
