package dev.novaboot.service.record;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import dev.novaboot.service.ServiceIdentity;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Creates the row of this service in the {@code services} table, or re-uses the live row
 * of the same ({@code host}, {@code binary}) left by an earlier run, keeping what an
 * operator set on it (disabled, forced down).
 */
public class ServiceRegistrar {

	/** The version of the service record and RPC contracts this build speaks. */
	public static final int SERVICE_VERSION = 1;

	private static final Log logger = LogFactory.getLog(ServiceRegistrar.class);

	private final ServiceRecordRepository repository;

	private final DatabaseClock clock;

	private final TransactionTemplate transaction;

	public ServiceRegistrar(ServiceRecordRepository repository, DatabaseClock clock, TransactionTemplate transaction) {
		this.repository = repository;
		this.clock = clock;
		this.transaction = transaction;
	}

	public ServiceRecord register(ServiceIdentity identity, String rpcEndpoint) {
		try {
			return this.transaction.execute((status) -> createOrReuse(identity, rpcEndpoint));
		}
		catch (DataIntegrityViolationException ex) {
			// another process of the same host and binary created the row first
			return this.transaction.execute((status) -> createOrReuse(identity, rpcEndpoint));
		}
	}

	private ServiceRecord createOrReuse(ServiceIdentity identity, String rpcEndpoint) {
		ServiceRecord record = this.repository.findLive(identity.host(), identity.binary()).orElse(null);
		if (record == null) {
			record = new ServiceRecord(identity.host(), identity.binary(), identity.topic(), identity.zone(),
					SERVICE_VERSION, this.clock.now());
			logger.info("Creating the service record of " + identity.binary() + " on " + identity.host());
		}
		else {
			logger.info("Re-using service record " + record.getUuid() + " of " + identity.binary() + " on "
					+ identity.host());
		}
		record.setTopic(identity.topic());
		record.setZone(identity.zone());
		record.setVersion(SERVICE_VERSION);
		record.setRpcEndpoint(rpcEndpoint);
		return this.repository.saveAndFlush(record);
	}

}
