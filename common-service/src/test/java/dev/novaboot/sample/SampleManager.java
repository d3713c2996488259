package dev.novaboot.sample;

import java.util.concurrent.atomic.AtomicInteger;

import dev.novaboot.service.manager.Manager;
import dev.novaboot.service.record.Heartbeat;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * A manager with one periodic task that always fails and one that works, and an
 * {@code initHost()} that notes whether the service was already registered when it ran.
 */
@Service
public class SampleManager implements Manager {

	private final Heartbeat heartbeat;

	private final boolean failInitHost;

	private volatile Boolean registeredBeforeInitHost;

	private final AtomicInteger failingRuns = new AtomicInteger();

	private final AtomicInteger workingRuns = new AtomicInteger();

	public SampleManager(Heartbeat heartbeat, @Value("${sample.fail-init-host:false}") boolean failInitHost) {
		this.heartbeat = heartbeat;
		this.failInitHost = failInitHost;
	}

	@Override
	public void initHost() {
		if (this.failInitHost) {
			throw new IllegalStateException("volume group 'nova-volumes' not found");
		}
		// the first run only: Spring's test framework stops cached contexts that are not in
		// use and starts them again, which runs initHost() again on a registered service
		if (this.registeredBeforeInitHost == null) {
			this.registeredBeforeInitHost = this.heartbeat.status().serviceUuid() != null;
		}
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

	public int failingRuns() {
		return this.failingRuns.get();
	}

	public int workingRuns() {
		return this.workingRuns.get();
	}

}
