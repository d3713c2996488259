package dev.novaboot.service.group;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import dev.novaboot.service.record.DatabaseClock;
import dev.novaboot.service.record.ServiceRecord;
import dev.novaboot.service.record.ServiceRecordRepository;

/**
 * Nova's service group (database driver): tells which services are up.
 * <p>
 * A service is up when its last heartbeat lies within {@code nova.service.down-time} of
 * the database's clock, in either direction as in Nova, and it is not forced down. A
 * disabled service is up but receives no new work, so {@link #upServices(String)} leaves
 * it out.
 */
public class ServiceGroup {

	private final ServiceRecordRepository repository;

	private final DatabaseClock clock;

	private final Duration downTime;

	public ServiceGroup(ServiceRecordRepository repository, DatabaseClock clock, Duration downTime) {
		this.repository = repository;
		this.clock = clock;
		this.downTime = downTime;
	}

	public boolean isUp(ServiceRecord service) {
		return isUp(service, this.clock.now());
	}

	/** Whether {@code service} was up at {@code now}, a reading of the database clock. */
	public boolean isUp(ServiceRecord service, Instant now) {
		if (service.isForcedDown() || service.isDeleted()) {
			return false;
		}
		Instant lastHeartbeat = (service.getLastSeenUp() != null) ? service.getLastSeenUp() : service.getCreatedAt();
		return Duration.between(lastHeartbeat, now).abs().compareTo(this.downTime) <= 0;
	}

	/** The services of {@code topic} that are up and enabled: those that may take new work. */
	public List<ServiceRecord> upServices(String topic) {
		Instant now = this.clock.now();
		return this.repository.findLiveByTopic(topic)
			.stream()
			.filter((service) -> !service.isDisabled() && isUp(service, now))
			.toList();
	}

	/** Every live service of the suite with its state at one reading of the database clock. */
	public List<ServiceState> states() {
		Instant now = this.clock.now();
		return this.repository.findAllLive().stream().map((service) -> new ServiceState(service, isUp(service, now))).toList();
	}

	public ServiceState state(ServiceRecord service) {
		return new ServiceState(service, isUp(service));
	}

	/** A service and whether it is up. */
	public record ServiceState(ServiceRecord service, boolean up) {
	}

}
