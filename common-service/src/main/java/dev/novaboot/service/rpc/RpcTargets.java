package dev.novaboot.service.rpc;

import java.time.Instant;
import java.util.List;


import dev.novaboot.service.group.ServiceGroup;
import dev.novaboot.service.record.DatabaseClock;
import dev.novaboot.service.record.ServiceRecord;
import dev.novaboot.service.record.ServiceRecordRepository;

/**
 * Which services a message may go to, from the {@code services} table and the service
 * group's idea of "up": the transports ask here before they send, so that a message to a
 * down or unknown host fails at once with a typed exception instead of waiting for a
 * timeout.
 */
public class RpcTargets {

	private final ServiceRecordRepository repository;

	private final ServiceGroup group;

	private final DatabaseClock clock;

	private final RpcTargetChooser chooser;

	public RpcTargets(ServiceRecordRepository repository, ServiceGroup group,
			DatabaseClock clock, RpcTargetChooser chooser) {
		this.repository = repository;
		this.group = group;
		this.clock = clock;
		this.chooser = chooser;
	}

	/**
	 * The service of {@code address.topic()} on {@code address.host()}, which must be up.
	 * @throws NoSuchHostException when the host runs no service of the topic
	 * @throws HostDownException when that service is down
	 */
	public ServiceRecord upHostService(RpcAddress address, String method) {
		ServiceRecord service = hostService(address, method);
		if (service.isForcedDown()) {
			throw new HostDownException(address.toString(), method, address.host(), "forced down", null);
		}
		if (!this.group.isUp(service)) {
			throw new HostDownException(address.toString(), method, address.host(),
					"no heartbeat since " + service.getLastSeenUp(), null);
		}
		return service;
	}

	/**
	 * The service of {@code address.topic()} on {@code address.host()}, up or down.
	 * @throws NoSuchHostException when the host runs no service of the topic
	 */
	public ServiceRecord hostService(RpcAddress address, String method) {
		// one row, not the topic's: a compute topic may have thousands of hosts
		return this.repository.findFirstByTopicAndHostOrderByIdAsc(address.topic(), address.host())
			.orElseThrow(() -> new NoSuchHostException(address.toString(), method, address.host()));
	}

	/** The up, enabled services of {@code topic}: those that may take new work. */
	public List<ServiceRecord> upServices(String topic) {
		return this.group.upServices(topic);
	}

	/** Chooses one of {@code candidates} (not empty) with the configured chooser. */
	public ServiceRecord choose(String topic, List<ServiceRecord> candidates) {
		return this.chooser.choose(topic, candidates);
	}

	/** Every up service of {@code topic}, disabled ones too: a fanout reaches them all. */
	public List<ServiceRecord> fanoutServices(String topic) {
		Instant now = this.clock.now();
		return this.repository.findLiveByTopic(topic).stream().filter((service) -> this.group.isUp(service, now)).toList();
	}

}
