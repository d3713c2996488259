package dev.novaboot.compute.manager;

import java.util.List;

import dev.novaboot.compute.store.InstanceRepository;
import dev.novaboot.compute.store.MigrationRepository;
import dev.novaboot.service.api.ServiceDeletionGuard;
import dev.novaboot.service.api.ServiceInUseException;
import dev.novaboot.service.record.ServiceRecord;

import org.springframework.stereotype.Component;

/**
 * A compute host's service record is what the scheduler, the service group and every
 * server on it are tied to: Nova refuses to delete it while servers live there or a
 * migration that has not ended involves it (with its words), and so does this. Draining a
 * host is: disable it, move its servers away, then delete it.
 */
@Component
class ComputeHostDeletionGuard implements ServiceDeletionGuard {

	/** The statuses that end a migration; any other means it is still going on. */
	static final List<String> ENDED = List.of("confirmed", "reverted", "error", "failed", "completed", "cancelled",
			"done");

	private final InstanceRepository instances;

	private final MigrationRepository migrations;

	ComputeHostDeletionGuard(InstanceRepository instances, MigrationRepository migrations) {
		this.instances = instances;
		this.migrations = migrations;
	}

	@Override
	public void checkDeletable(ServiceRecord service) {
		if (!ComputeServices.BINARY.equals(service.getBinary())) {
			return;
		}
		if (this.instances.existsByHost(service.getHost())) {
			throw new ServiceInUseException("Unable to delete compute service that is hosting instances. "
					+ "Migrate or delete the instances first.");
		}
		if (this.migrations.existsInProgressInvolving(service.getHost(), ENDED)) {
			throw new ServiceInUseException("Unable to delete compute service that has in-progress migrations. "
					+ "Complete the migrations or delete the instances first.");
		}
	}

}
