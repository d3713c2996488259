package dev.novaboot.compute.manager;

import java.util.Optional;

import dev.novaboot.service.group.ServiceGroup;
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

	private static final String BINARY = "nova-compute";

	private final ServiceRecordRepository services;

	private final ServiceGroup serviceGroup;

	ComputeServices(ServiceRecordRepository services, ServiceGroup serviceGroup) {
		this.services = services;
		this.serviceGroup = serviceGroup;
	}

	@Transactional(readOnly = true)
	public Optional<ServiceRecord> find(String host) {
		return this.services.findLive(host, BINARY);
	}

	public boolean isUp(ServiceRecord service) {
		return this.serviceGroup.isUp(service);
	}

	/** Whether the compute service of {@code host} exists and is up. */
	@Transactional(readOnly = true)
	public boolean isUp(String host) {
		return find(host).map(this::isUp).orElse(false);
	}

}
