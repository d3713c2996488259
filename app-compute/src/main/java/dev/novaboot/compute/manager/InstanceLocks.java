package dev.novaboot.compute.manager;

import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

import org.springframework.stereotype.Component;

/**
 * Serialises the work of this host on one instance (Nova's
 * {@code @utils.synchronized(instance.uuid)}): a delete that arrives during a spawn waits
 * for the spawn to finish and then destroys what it built. A fixed set of striped locks,
 * so that nothing grows with the number of instances ever seen.
 */
@Component
public class InstanceLocks {

	/** Enough stripes that unrelated instances rarely wait for each other at the build workers' scale. */
	private static final int STRIPES = 64;

	private final ReentrantLock[] locks;

	public InstanceLocks() {
		this(STRIPES);
	}

	InstanceLocks(int stripes) {
		this.locks = new ReentrantLock[stripes];
		for (int i = 0; i < stripes; i++) {
			this.locks[i] = new ReentrantLock();
		}
	}

	public <T> T withLock(String uuid, Supplier<T> work) {
		ReentrantLock lock = this.locks[Math.floorMod(uuid.hashCode(), this.locks.length)];
		lock.lock();
		try {
			return work.get();
		}
		finally {
			lock.unlock();
		}
	}

	public void withLock(String uuid, Runnable work) {
		withLock(uuid, () -> {
			work.run();
			return null;
		});
	}

}
