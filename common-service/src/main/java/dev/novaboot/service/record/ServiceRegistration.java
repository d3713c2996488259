package dev.novaboot.service.record;

import java.util.function.Supplier;

import org.springframework.context.SmartLifecycle;

/**
 * Registers this service in the {@code services} table once the manager's
 * {@code initHost()} has run and the web server listens, so that the row it publishes
 * (with its RPC endpoint) points at a service ready for work. Heartbeats follow.
 */
public class ServiceRegistration implements SmartLifecycle {

	private final Heartbeat heartbeat;

	private final Supplier<String> rpcEndpoint;

	private volatile boolean running;

	public ServiceRegistration(Heartbeat heartbeat, Supplier<String> rpcEndpoint) {
		this.heartbeat = heartbeat;
		this.rpcEndpoint = rpcEndpoint;
	}

	@Override
	public void start() {
		this.heartbeat.start(this.rpcEndpoint.get());
		this.running = true;
	}

	@Override
	public void stop() {
		this.running = false;
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	@Override
	public int getPhase() {
		return SmartLifecycle.DEFAULT_PHASE;
	}

}
