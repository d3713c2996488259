package dev.novaboot.service.api;

import java.util.List;
import java.util.function.Consumer;

import dev.novaboot.service.group.ServiceGroup;
import dev.novaboot.service.group.ServiceGroup.ServiceState;
import dev.novaboot.service.group.ServiceListing;
import dev.novaboot.service.group.ServiceListing.ServiceRow;
import dev.novaboot.service.record.DatabaseClock;
import dev.novaboot.service.record.ServiceRecord;
import dev.novaboot.service.record.ServiceRecordRepository;

import org.springframework.transaction.annotation.Transactional;

/**
 * What an operator does with services: list them with their state, disable or enable
 * them for scheduling, force them down (for evacuation) and delete records of services
 * that are gone.
 */
public class ServiceAdministration {

	private final ServiceRecordRepository repository;

	private final ServiceGroup serviceGroup;

	private final DatabaseClock clock;

	private final ServiceListing listing;

	private final List<ServiceDeletionGuard> deletionGuards;

	public ServiceAdministration(ServiceRecordRepository repository, ServiceGroup serviceGroup, DatabaseClock clock,
			ServiceListing listing, List<ServiceDeletionGuard> deletionGuards) {
		this.repository = repository;
		this.listing = listing;
		this.serviceGroup = serviceGroup;
		this.clock = clock;
		this.deletionGuards = List.copyOf(deletionGuards);
	}

	@Transactional(readOnly = true)
	public List<ServiceState> list(String binary, String host) {
		return this.serviceGroup.states(binary, host);
	}

	/**
	 * Hands each live service with its state, filtered by {@code binary} and {@code host}
	 * (either may be {@code null}), to {@code each} as it is read, in id order.
	 */
	@Transactional(readOnly = true)
	public void forEach(String binary, String host, Consumer<ServiceRow> each) {
		this.listing.forEach(binary, host, each);
	}

	@Transactional
	public ServiceState update(String uuid, ServiceUpdate update) {
		update.validate();
		ServiceRecord service = find(uuid);
		if (update.status() != null) {
			service.setDisabled(update.status().equals("disabled"), update.disabledReason());
		}
		if (update.forcedDown() != null) {
			service.setForcedDown(update.forcedDown());
		}
		service.touch(this.clock.now());
		return this.serviceGroup.state(this.repository.saveAndFlush(service));
	}

	/**
	 * The update of microversions before 2.53, which name the service by host and binary:
	 * {@code disabled} and {@code forcedDown} change what is not {@code null}.
	 */
	@Transactional
	public ServiceState update(String host, String binary, Boolean disabled, String disabledReason,
			Boolean forcedDown) {
		ServiceRecord service = this.repository.findLive(host, binary)
			.orElseThrow(() -> new NotFoundException("Could not find binary " + binary + " on host " + host + "."));
		if (disabled != null) {
			service.setDisabled(disabled, disabled ? disabledReason : null);
		}
		if (forcedDown != null) {
			service.setForcedDown(forcedDown);
		}
		service.touch(this.clock.now());
		return this.serviceGroup.state(this.repository.saveAndFlush(service));
	}

	@Transactional
	public void delete(String uuid) {
		delete(find(uuid));
	}

	/** Deletes by the database id, which microversions before 2.53 show. */
	@Transactional
	public void delete(long id) {
		delete(this.repository.findById(id)
			.orElseThrow(() -> new NotFoundException("Service " + id + " not found.")));
	}

	private void delete(ServiceRecord service) {
		this.deletionGuards.forEach((guard) -> guard.checkDeletable(service));
		service.markDeleted(this.clock.now());
		this.repository.saveAndFlush(service);
	}

	private ServiceRecord find(String uuid) {
		return this.repository.findLiveByUuid(uuid)
			.orElseThrow(() -> new NotFoundException("Service " + uuid + " could not be found."));
	}

}
