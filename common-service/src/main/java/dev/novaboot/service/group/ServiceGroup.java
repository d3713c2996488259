package dev.novaboot.service.group;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

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

	/**
	 * The services of {@code topic} that are up and enabled: those that may take new work.
	 * Up is decided in the database, so only those rows are read.
	 */
	public List<ServiceRecord> upServices(String topic) {
		return this.repository.findUpByTopic(topic, downMillis());
	}

	/**
	 * At most {@code limit} of {@link #upServices}, those with an id above
	 * {@code afterId} in id order: one bounded read however many services the topic has.
	 */
	public List<ServiceRecord> upServicesAfter(String topic, long afterId, int limit) {
		return this.repository.findUpByTopicAfter(topic, downMillis(), afterId, limit);
	}

	/** Every up service of {@code topic}, disabled ones too; decided in the database. */
	public List<ServiceRecord> upServicesIncludingDisabled(String topic) {
		return this.repository.findUpByTopicIncludingDisabled(topic, downMillis());
	}

	/** The up service of {@code binary} with an RPC endpoint that was heard from last. */
	public Optional<ServiceRecord> latestUpWithEndpoint(String binary) {
		return this.repository.findLatestUpByBinary(binary, downMillis()).stream().findFirst();
	}

	/** The distinct zones of the live services of {@code topic}, in name order. */
	public List<String> zonesOf(String topic) {
		return this.repository.findZonesByTopic(topic);
	}

	/**
	 * The zones of the live services of {@code topic} in name order, each with whether one
	 * of its services is enabled.
	 */
	public Map<String, Boolean> zoneAvailability(String topic) {
		Map<String, Boolean> zones = new LinkedHashMap<>();
		for (Object[] row : this.repository.countEnabledByZone(topic)) {
			zones.put((String) row[0], ((Number) row[1]).longValue() > 0);
		}
		return zones;
	}

	/** {@code nova.service.down-time} in milliseconds, for the database's "up" ({@link ServiceRecordRepository#UP}). */
	public long downMillis() {
		return this.downTime.toMillis();
	}

	/** Every live service of the suite with its state at one reading of the database clock. */
	public List<ServiceState> states() {
		Instant now = this.clock.now();
		return this.repository.findAllLive().stream().map((service) -> new ServiceState(service, isUp(service, now))).toList();
	}

	/**
	 * The live services with their state, filtered by {@code binary} and {@code host}
	 * (either may be {@code null}) in the database, at one reading of its clock.
	 */
	public List<ServiceState> states(String binary, String host) {
		List<ServiceRecord> services;
		if (binary != null && host != null) {
			services = this.repository.findLive(host, binary).stream().toList();
		}
		else if (binary != null) {
			services = this.repository.findLiveByBinary(binary);
		}
		else if (host != null) {
			services = this.repository.findLiveByHost(host);
		}
		else {
			services = this.repository.findAllLive();
		}
		if (services.isEmpty()) {
			return List.of();
		}
		Instant now = this.clock.now();
		return services.stream().map((service) -> new ServiceState(service, isUp(service, now))).toList();
	}

	public ServiceState state(ServiceRecord service) {
		return new ServiceState(service, isUp(service));
	}

	/** A service and whether it is up. */
	public record ServiceState(ServiceRecord service, boolean up) {
	}

}
