package dev.novaboot.volume.manager;

import java.util.List;

import dev.novaboot.service.group.ServiceGroup;
import dev.novaboot.service.record.DatabaseClock;
import dev.novaboot.volume.store.FrozenBackends;

import org.springframework.stereotype.Component;

/**
 * Cinder's frozen backends ({@code volume/api.py} {@code freeze_host}/{@code thaw_host}):
 * a frozen volume host keeps serving its volumes but takes no management operation: the
 * scheduler places no new volume on it, and deleting, extending or snapshotting its
 * volumes, and deleting its snapshots, is refused with Cinder's message.
 */
@Component
public class BackendFreezes {

	/** Cinder's {@code assert_not_frozen} message (an {@code InvalidInput}). */
	public static final String FROZEN = "Modification operations are not allowed on frozen storage backends.";

	private final FrozenBackends frozen;

	private final ServiceGroup serviceGroup;

	private final DatabaseClock clock;

	private final SchedulerCandidates candidates;

	BackendFreezes(FrozenBackends frozen, ServiceGroup serviceGroup, DatabaseClock clock,
			SchedulerCandidates candidates) {
		this.candidates = candidates;
		this.frozen = frozen;
		this.serviceGroup = serviceGroup;
		this.clock = clock;
	}

	/**
	 * Freezes the volume service of {@code host} ({@code host@backend} names the same host,
	 * as Cinder's {@code extract_host}), which must not be frozen yet.
	 */
	public void freeze(String host) {
		String volumeHost = volumeHost(host);
		if (!this.frozen.freeze(volumeHost, this.clock.now())) {
			throw notChanged(volumeHost, false);
		}
		// this process's scheduler places nothing more there from now on
		this.candidates.forget();
	}

	/** Thaws the volume service of {@code host}, which must be frozen. */
	public void thaw(String host) {
		String volumeHost = volumeHost(host);
		if (!this.frozen.thaw(volumeHost)) {
			throw notChanged(volumeHost, true);
		}
		this.candidates.forget();
	}

	public boolean isFrozen(String host) {
		return this.frozen.isFrozen(host);
	}

	/** Refuses a management operation on a volume or snapshot of a frozen host. */
	public void assertNotFrozen(String host) {
		if (isFrozen(host)) {
			throw new InvalidInputException(FROZEN);
		}
	}

	private String volumeHost(String host) {
		String name = (host.indexOf('@') >= 0) ? host.substring(0, host.indexOf('@')) : host;
		boolean known = this.serviceGroup.states()
			.stream()
			.anyMatch((state) -> "volume".equals(state.service().getTopic()) && name.equals(state.service().getHost()));
		if (!known) {
			// Cinder's ServiceNotFound, which its services API turns into InvalidInput
			throw new InvalidInputException("No service found with host=" + host);
		}
		return name;
	}

	/** Cinder's message when the conditional update of {@code frozen} changed no service. */
	private static InvalidInputException notChanged(String host, boolean expected) {
		return new InvalidInputException("No service could be changed: frozen in ['" + host + "'] must be "
				+ (expected ? "True" : "False") + " to failover.");
	}

	List<String> frozenHosts() {
		return List.copyOf(this.frozen.hosts());
	}

}
