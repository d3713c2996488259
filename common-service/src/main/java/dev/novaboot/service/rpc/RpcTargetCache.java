package dev.novaboot.service.rpc;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

import dev.novaboot.service.group.ServiceGroup;
import dev.novaboot.service.record.DatabaseClock;
import dev.novaboot.service.record.ServiceRecord;

/**
 * The {@link RpcTargets} answers that a transport needs before each message, remembered
 * for a short time ({@code nova.rpc.target-cache-ttl}) so that a busy caller does not read
 * the services table and the database clock twice per call.
 * <p>
 * What is remembered is the service row and the database clock at the time it was read;
 * whether the service is up is decided again at every use, against that clock reading
 * plus the time elapsed since. So a service whose heartbeat stops is seen down exactly
 * as without the cache (its remembered heartbeat can only be older than the real one);
 * only a change of the row itself (forced down, disabled, a new endpoint, deleted) is seen
 * up to one TTL late. A transport forgets a host as soon as sending to it fails, so
 * the next message reads the table again.
 */
public class RpcTargetCache {

	private final RpcTargets targets;

	private final ServiceGroup group;

	private final DatabaseClock clock;

	private final long ttlNanos;

	private final LongSupplier nanoTime;

	private final Map<RpcAddress, Reading<ServiceRecord>> hosts = new ConcurrentHashMap<>();

	private final Map<String, Reading<List<ServiceRecord>>> topics = new ConcurrentHashMap<>();

	/**
	 * @param ttl how long a reading is used; zero reads the table for every message
	 */
	public RpcTargetCache(RpcTargets targets, ServiceGroup group, DatabaseClock clock, Duration ttl,
			LongSupplier nanoTime) {
		this.targets = targets;
		this.group = group;
		this.clock = clock;
		this.ttlNanos = ttl.toNanos();
		this.nanoTime = nanoTime;
	}

	/**
	 * As {@link RpcTargets#upHostService(RpcAddress, String)}.
	 * @throws NoSuchHostException when the host runs no service of the topic (never remembered)
	 * @throws HostDownException when that service is forced down or its heartbeat is too old
	 */
	public ServiceRecord upHostService(RpcAddress address, String method) {
		RpcAddress key = RpcAddress.host(address.topic(), address.host());
		Reading<ServiceRecord> reading = fresh(this.hosts.get(key));
		if (reading == null) {
			ServiceRecord service = this.targets.hostService(address, method);
			reading = new Reading<>(service, this.clock.now(), this.nanoTime.getAsLong());
			remember(this.hosts, key, reading);
		}
		ServiceRecord service = reading.value();
		if (service.isForcedDown()) {
			throw new HostDownException(address.toString(), method, address.host(), "forced down", null);
		}
		if (!this.group.isUp(service, reading.databaseNow(this.nanoTime.getAsLong()))) {
			throw new HostDownException(address.toString(), method, address.host(),
					"no heartbeat since " + service.getLastSeenUp(), null);
		}
		return service;
	}

	/** As {@link RpcTargets#upServices(String)}: the up, enabled services of {@code topic}. */
	public List<ServiceRecord> upServices(String topic) {
		Reading<List<ServiceRecord>> reading = fresh(this.topics.get(topic));
		if (reading == null) {
			// the clock is read before the rows: a heartbeat can only look older than it is
			Instant now = this.clock.now();
			long at = this.nanoTime.getAsLong();
			reading = new Reading<>(this.targets.upServices(topic), now, at);
			remember(this.topics, topic, reading);
			return reading.value();
		}
		Instant now = reading.databaseNow(this.nanoTime.getAsLong());
		return reading.value().stream().filter((service) -> this.group.isUp(service, now)).toList();
	}

	/** Reads the table again for the next message to {@code host}, or to its topic. */
	public void forget(String topic, String host) {
		this.hosts.remove(RpcAddress.host(topic, host));
		this.topics.remove(topic);
	}

	private <K, V> void remember(Map<K, Reading<V>> readings, K key, Reading<V> reading) {
		if (this.ttlNanos > 0) {
			readings.put(key, reading);
		}
	}

	private <V> Reading<V> fresh(Reading<V> reading) {
		if (reading == null || this.nanoTime.getAsLong() - reading.readAt() >= this.ttlNanos) {
			return null;
		}
		return reading;
	}

	/** A value read at {@code readAt} (nano time), when the database clock said {@code databaseNow}. */
	private record Reading<V>(V value, Instant databaseNow, long readAt) {

		Instant databaseNow(long nanoTimeNow) {
			return this.databaseNow.plusNanos(nanoTimeNow - this.readAt);
		}

	}

}
