package dev.novaboot.volume.manager;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.LongSupplier;
import java.util.stream.Collectors;

import dev.novaboot.service.group.ServiceGroup;
import dev.novaboot.service.record.DatabaseClock;
import dev.novaboot.service.record.ServiceRecord;
import dev.novaboot.volume.store.FrozenBackends;
import dev.novaboot.volume.store.VolumeCapacity;
import dev.novaboot.volume.store.VolumeCapacityRepository;

/**
 * What the {@link VolumeScheduler} chooses from (the up, enabled volume services, the
 * frozen hosts, the capacity reports), remembered for a short time
 * ({@code nova.volume.scheduler-cache-ttl}) so that a busy API does not read three tables
 * per new volume; the way {@code RpcTargetCache} remembers RPC targets.
 * <p>
 * Whether a service is up is decided again at every use, from its remembered heartbeat
 * against the database clock read with it plus the time elapsed since: a service whose
 * heartbeat stops is left out exactly as without the cache (its remembered heartbeat can
 * only be older than the real one). Only a change of a row (disabled, forced down, a
 * newly started service, a freeze, a new capacity report) is seen up to one TTL late;
 * freezes, thaws and capacity reports of this process are seen at once ({@link #forget()}).
 * No capacity is claimed, here or before the cache: the scheduler places by the hosts'
 * periodic reports ({@code nova.volume.capacity-report-interval}), already up to that old,
 * to which the cache adds at most one TTL.
 */
public class SchedulerCandidates {

	private final ServiceGroup serviceGroup;

	private final VolumeCapacityRepository capacities;

	private final FrozenBackends frozen;

	private final DatabaseClock clock;

	private final long ttlNanos;

	private final LongSupplier nanoTime;

	private final AtomicReference<Reading> reading = new AtomicReference<>();

	/**
	 * @param ttl how long a reading is used; zero reads the tables for every volume
	 */
	public SchedulerCandidates(ServiceGroup serviceGroup, VolumeCapacityRepository capacities, FrozenBackends frozen,
			DatabaseClock clock, Duration ttl, LongSupplier nanoTime) {
		this.serviceGroup = serviceGroup;
		this.capacities = capacities;
		this.frozen = frozen;
		this.clock = clock;
		this.ttlNanos = ttl.toNanos();
		this.nanoTime = nanoTime;
	}

	/** The candidates now: the remembered reading with the services still up, or a new reading. */
	public Candidates current() {
		long at = this.nanoTime.getAsLong();
		Reading last = this.reading.get();
		if (last == null || at - last.readAt() >= this.ttlNanos) {
			Reading read = read();
			if (this.ttlNanos > 0) {
				this.reading.set(read);
			}
			return read.candidates();
		}
		Instant now = last.databaseNow().plusNanos(at - last.readAt());
		List<ServiceRecord> up = last.candidates()
			.services()
			.stream()
			.filter((service) -> this.serviceGroup.isUp(service, now))
			.toList();
		return new Candidates(up, last.candidates().frozenHosts(), last.candidates().capacities());
	}

	/** Reads the tables again for the next volume. */
	public void forget() {
		this.reading.set(null);
	}

	private Reading read() {
		// the clock is read before the rows: a heartbeat written between the two reads keeps its
		// service up for at most that gap longer, never shorter
		Instant databaseNow = this.clock.now();
		long readAt = this.nanoTime.getAsLong();
		List<ServiceRecord> services = this.serviceGroup.upServices("volume");
		Set<String> frozenHosts = Set.copyOf(this.frozen.hosts());
		Map<String, VolumeCapacity> reported = services.isEmpty() ? Map.of()
				: this.capacities.findAllById(services.stream().map(ServiceRecord::getHost).distinct().toList())
					.stream()
					.collect(Collectors.toUnmodifiableMap(VolumeCapacity::getHost, Function.identity()));
		return new Reading(new Candidates(List.copyOf(services), frozenHosts, reported), databaseNow, readAt);
	}

	/**
	 * What the scheduler chooses from.
	 *
	 * @param services the up, enabled volume services
	 * @param frozenHosts the frozen volume hosts
	 * @param capacities the last capacity report of each of those services' hosts that reported
	 */
	public record Candidates(List<ServiceRecord> services, Set<String> frozenHosts,
			Map<String, VolumeCapacity> capacities) {
	}

	private record Reading(Candidates candidates, Instant databaseNow, long readAt) {
	}

}
