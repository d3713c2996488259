package dev.novaboot.service.api;

import dev.novaboot.service.record.ServiceRecord;

/**
 * What an app knows about a service that makes deleting its record wrong, asked before
 * {@code DELETE /os-services/{id}} marks it deleted, in the same transaction. nova-compute
 * refuses to forget a compute host that still holds instances or takes part in a migration,
 * as Nova does: their resources would be orphaned.
 */
public interface ServiceDeletionGuard {

	/**
	 * Throws {@link ServiceInUseException}, with the message for the operator, when
	 * {@code service} must not be deleted now.
	 */
	void checkDeletable(ServiceRecord service);

}
