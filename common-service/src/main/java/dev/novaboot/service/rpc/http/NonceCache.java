package dev.novaboot.service.rpc.http;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The nonces of the messages accepted within the replay window. Older ones are forgotten,
 * since the timestamp check refuses their messages anyway.
 */
class NonceCache {

	private static final int PURGE_EVERY = 1024;

	private final Map<String, Long> expiries = new ConcurrentHashMap<>();

	private final AtomicInteger inserts = new AtomicInteger();

	private final long windowMillis;

	NonceCache(Duration window) {
		this.windowMillis = window.toMillis();
	}

	/** Whether {@code nonce}, of a message sent at {@code sentAt}, is used for the first time. */
	boolean firstUse(String nonce, long sentAt) {
		if (this.inserts.incrementAndGet() % PURGE_EVERY == 0) {
			long now = System.currentTimeMillis();
			this.expiries.values().removeIf((expiry) -> expiry < now);
		}
		return this.expiries.putIfAbsent(nonce, sentAt + 2 * this.windowMillis) == null;
	}

}
