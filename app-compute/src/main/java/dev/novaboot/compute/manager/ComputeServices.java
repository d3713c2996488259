package dev.novaboot.compute.manager;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.novaboot.service.group.ServiceGroup;
import dev.novaboot.service.group.ServiceGroup.ServiceState;
import dev.novaboot.service.record.DatabaseClock;
import dev.novaboot.service.record.ServiceRecord;
import dev.novaboot.service.record.ServiceRecordRepository;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The {@code nova-compute} services of the cloud as the API asks about them: a host's
 * service record and whether the service group counts it up.
 */
@Service
public class ComputeServices {

	static final String BINARY = "nova-compute";

	private final ServiceRecordRepository services;

	// hosts per IN list: a page of hypervisors at most, well within PostgreSQL's parameter limit
	private static final int CHUNK = 1000;

	private final ServiceGroup serviceGroup;

	private final DatabaseClock clock;

	ComputeServices(ServiceRecordRepository services, ServiceGroup serviceGroup, DatabaseClock clock) {
		this.services = services;
		this.serviceGroup = serviceGroup;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	public Optional<ServiceRecord> find(String host) {
		return this.services.findLive(host, BINARY);
	}

	public boolean isUp(ServiceRecord service) {
		return this.serviceGroup.isUp(service);
	}

	/**
	 * The compute services of {@code hosts} with whether each is up, by host: one query per
	 * thousand hosts and one reading of the database clock, not a few per host.
	 */
	@Transactional(readOnly = true)
	public Map<String, ServiceState> states(Collection<String> hosts) {
		Map<String, ServiceState> states = new HashMap<>();
		if (hosts.isEmpty()) {
			return states;
		}
		Instant now = this.clock.now();
		List<String> all = List.copyOf(hosts);
		for (int i = 0; i < all.size(); i += CHUNK) {
			for (ServiceRecord service : this.services.findLiveByBinaryAndHostIn(BINARY,
					all.subList(i, Math.min(all.size(), i + CHUNK)))) {
				states.put(service.getHost(), new ServiceState(service, this.serviceGroup.isUp(service, now)));
			}
		}
		return states;
	}

	/** Whether the compute service of {@code host} exists and is up. */
	@Transactional(readOnly = true)
	public boolean isUp(String host) {
		return find(host).map(this::isUp).orElse(false);
	}

}
