package dev.novaboot.sample;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import dev.novaboot.service.ServiceIdentity;
import dev.novaboot.service.context.RequestContext;

import dev.novaboot.service.manager.Manager;
import dev.novaboot.service.record.Heartbeat;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * A manager with one periodic task that always fails and one that works, an
 * {@code initHost()} that notes whether the service was already registered when it ran,
 * and an RPC contract ({@link SampleRpcApi}) beside a public method outside it.
 */
@Service
public class SampleManager implements Manager, SampleRpcApi {

	private final Heartbeat heartbeat;

	private final ServiceIdentity identity;

	private final List<String> notes = new CopyOnWriteArrayList<>();

	private volatile boolean wiped;

	private final boolean failInitHost;

	private volatile Boolean registeredBeforeInitHost;

	private final AtomicInteger initHostRuns = new AtomicInteger();

	private final AtomicInteger failingRuns = new AtomicInteger();

	private final AtomicInteger workingRuns = new AtomicInteger();

	public SampleManager(Heartbeat heartbeat, ServiceIdentity identity,
			@Value("${sample.fail-init-host:false}") boolean failInitHost) {
		this.heartbeat = heartbeat;
		this.identity = identity;
		this.failInitHost = failInitHost;
	}

	@Override
	public void initHost() {
		if (this.failInitHost) {
			throw new IllegalStateException("volume group 'nova-volumes' not found");
		}
		this.initHostRuns.incrementAndGet();
		this.registeredBeforeInitHost = this.heartbeat.status().serviceUuid() != null;
	}

	@Scheduled(fixedDelay = 100)
	public void failingTask() {
		this.failingRuns.incrementAndGet();
		throw new IllegalStateException("periodic task failed on purpose");
	}

	@Scheduled(fixedDelay = 100)
	public void workingTask() {
		this.workingRuns.incrementAndGet();
	}

	public Boolean registeredBeforeInitHost() {
		return this.registeredBeforeInitHost;
	}

	public int initHostRuns() {
		return this.initHostRuns.get();
	}

	public int failingRuns() {
		return this.failingRuns.get();
	}

	public int workingRuns() {
		return this.workingRuns.get();
	}

	@Override
	public Greeting greet(RequestContext context, Greeting.Request request) {
		return new Greeting(this.identity.host(), "hello " + request.text(), context.requestId(), context.userId(),
				context.projectId(), context.roles());
	}

	@Override
	public void fail(RequestContext context, String reason) {
		throw new IllegalArgumentException("cannot do it: " + reason);
	}

	@Override
	public long sleep(RequestContext context, long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		return millis;
	}

	@Override
	public void note(RequestContext context, String note) {
		this.notes.add(note);
	}

	/** Public, but outside the RPC contract: no message may run it. */
	public void wipe(RequestContext context) {
		this.wiped = true;
	}

	public List<String> notes() {
		return this.notes;
	}

	public boolean wiped() {
		return this.wiped;
	}

}
