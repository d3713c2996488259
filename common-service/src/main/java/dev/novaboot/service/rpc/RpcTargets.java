package dev.novaboot.service.rpc;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;


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

	/** How many up services of a topic one message may be offered to (see {@link #upServices}). */
	public static final int WINDOW = 8;

	private final ServiceRecordRepository repository;

	private final ServiceGroup group;

	private final DatabaseClock clock;

	private final RpcTargetChooser chooser;

	/** Where the next window of each topic starts: after this id. */
	private final Map<String, Long> cursors = new ConcurrentHashMap<>();

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

	/**
	 * A window of the up, enabled services of {@code topic} (those that may take new
	 * work): at most {@link #WINDOW}, read with one bounded query however many services the
	 * topic has. Each call starts one service further along the topic (by id, wrapping
	 * around), so that the chooser, which picks among the window, still reaches every
	 * service in turn; a sender that finds a service down tries the others of its window.
	 */
	public List<ServiceRecord> upServices(String topic) {
		long after = this.cursors.getOrDefault(topic, 0L);
		List<ServiceRecord> window = new ArrayList<>(this.group.upServicesAfter(topic, after, WINDOW));
		if (window.size() < WINDOW && after > 0) {
			// wrapped around: the rest of the window from the topic's start, short of where it began
			for (ServiceRecord service : this.group.upServicesAfter(topic, 0, WINDOW - window.size())) {
				if (service.getId() <= after) {
					window.add(service);
				}
			}
		}
		this.cursors.put(topic, window.isEmpty() ? 0L : window.get(0).getId());
		return window;
	}

	/** Chooses one of {@code candidates} (not empty) with the configured chooser. */
	public ServiceRecord choose(String topic, List<ServiceRecord> candidates) {
		return this.chooser.choose(topic, candidates);
	}

	/** Every up service of {@code topic}, disabled ones too: a fanout reaches them all. */
	public List<ServiceRecord> fanoutServices(String topic) {
		return this.group.upServicesIncludingDisabled(topic);
	}

}
