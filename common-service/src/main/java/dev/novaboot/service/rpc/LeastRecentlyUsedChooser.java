package dev.novaboot.service.rpc;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import dev.novaboot.service.record.ServiceRecord;

/**
 * Sends each message to the service this caller used least recently (one it never used
 * first), which spreads a caller's messages evenly over the services of a topic.
 */
public class LeastRecentlyUsedChooser implements RpcTargetChooser {

	private final AtomicLong ticks = new AtomicLong();

	private final Map<String, Long> lastUsed = new ConcurrentHashMap<>();

	@Override
	public ServiceRecord choose(String topic, List<ServiceRecord> candidates) {
		ServiceRecord chosen = null;
		long oldest = Long.MAX_VALUE;
		for (ServiceRecord candidate : candidates) {
			long used = this.lastUsed.getOrDefault(candidate.getUuid(), 0L);
			if (used < oldest) {
				oldest = used;
				chosen = candidate;
			}
		}
		this.lastUsed.put(chosen.getUuid(), this.ticks.incrementAndGet());
		return chosen;
	}

}
