package dev.novaboot.service.record;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import dev.novaboot.service.ServiceIdentity;

import org.springframework.core.NestedExceptionUtils;

/**
 * Nova's {@code report_state}: every {@code nova.service.report-interval} this service
 * tells the database it is alive. When the database is gone the service keeps running:
 * the loss is logged once, health turns DOWN, and the next successful report logs the
 * recovery once.
 */
public class Heartbeat {

	private static final Log logger = LogFactory.getLog(Heartbeat.class);

	private final ServiceRecordRepository repository;

	private final ServiceRegistrar registrar;

	private final ServiceIdentity identity;

	private final AtomicReference<Registration> registration = new AtomicReference<>();

	private volatile HeartbeatStatus status = new HeartbeatStatus(null, false, null, 0, "not registered yet");

	public Heartbeat(ServiceRecordRepository repository, ServiceRegistrar registrar, ServiceIdentity identity) {
		this.repository = repository;
		this.registrar = registrar;
		this.identity = identity;
	}

	/** Registers this service; heartbeats start counting from here. */
	public ServiceRecord start(String rpcEndpoint) {
		ServiceRecord record = this.registrar.register(this.identity, rpcEndpoint);
		this.registration.set(new Registration(record.getId(), record.getUuid(), rpcEndpoint));
		this.status = HeartbeatStatus.registered(record.getUuid(), Instant.now());
		return record;
	}

	/** One heartbeat; {@link HeartbeatSchedule} runs it every {@code nova.service.report-interval}. */
	public void reportState() {
		Registration current = this.registration.get();
		if (current == null) {
			return;
		}
		try {
			if (this.repository.reportState(current.id()) == 0) {
				current = reRegister(current);
			}
			succeeded(current);
		}
		catch (RuntimeException ex) {
			failed(ex);
		}
	}

	private Registration reRegister(Registration gone) {
		ServiceRecord record = this.registrar.register(this.identity, gone.rpcEndpoint());
		Registration again = new Registration(record.getId(), record.getUuid(), gone.rpcEndpoint());
		this.registration.set(again);
		logger.warn("The service record " + gone.uuid() + " of " + this.identity.binary() + " on "
				+ this.identity.host() + " was deleted while the service runs; registered again as " + again.uuid());
		this.repository.reportState(again.id());
		return again;
	}

	private void succeeded(Registration current) {
		HeartbeatStatus previous = this.status;
		if (!previous.healthy()) {
			logger.warn("Database is back: heartbeats of " + this.identity.binary() + " on " + this.identity.host()
					+ " resumed after " + previous.failures() + " failed reports");
		}
		this.status = previous.reported(current.uuid(), Instant.now());
	}

	private void failed(RuntimeException ex) {
		HeartbeatStatus previous = this.status;
		String reason = NestedExceptionUtils.getMostSpecificCause(ex).toString();
		if (previous.healthy()) {
			logger.error("Lost the database: heartbeats of " + this.identity.binary() + " on " + this.identity.host()
					+ " fail (" + reason + "); the service keeps running and retries every report interval");
		}
		this.status = previous.failed(reason);
	}

	public HeartbeatStatus status() {
		return this.status;
	}

	private record Registration(long id, String uuid, String rpcEndpoint) {
	}

}
