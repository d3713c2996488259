package dev.novaboot.service.manager;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.aop.support.AopUtils;
import org.springframework.context.SmartLifecycle;

/**
 * Runs the manager's {@link Manager#initHost()} once, before the web server starts and
 * before the service registers itself, so that neither API calls nor RPC reach a host
 * that is not prepared.
 */
public class ManagerInitializer implements SmartLifecycle {

	/** Before the web server (which starts at {@code DEFAULT_PHASE - 2048}). */
	public static final int PHASE = SmartLifecycle.DEFAULT_PHASE - 4096;

	private static final Log logger = LogFactory.getLog(ManagerInitializer.class);

	private final Manager manager;

	private final String host;

	private volatile boolean running;

	private volatile boolean hostInitialized;

	public ManagerInitializer(Manager manager, String host) {
		this.manager = manager;
		this.host = host;
	}

	@Override
	public void start() {
		// a stopped context may be started again (a paused test context, a restored
		// checkpoint): the host was prepared once for this process, and stays prepared
		if (!this.hostInitialized) {
			initHost();
			this.hostInitialized = true;
		}
		this.running = true;
	}

	private void initHost() {
		String name = AopUtils.getTargetClass(this.manager).getSimpleName();
		long started = System.nanoTime();
		try {
			this.manager.initHost();
		}
		catch (RuntimeException ex) {
			throw new ManagerInitializationException(name, this.host, ex);
		}
		logger.info(name + ".initHost() finished on " + this.host + " in "
				+ (System.nanoTime() - started) / 1_000_000 + " ms");
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
		return PHASE;
	}

}
