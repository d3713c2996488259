package dev.novaboot.compute.manager;

import java.time.Duration;

import dev.novaboot.compute.ComputeProperties;
import dev.novaboot.compute.store.InstanceRepository;
import dev.novaboot.service.group.ServiceGroup;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.stereotype.Service;

/**
 * A host that dies mid-boot never leaves an instance {@code building} forever: every
 * compute service periodically asks the database for the building instances that have not
 * changed for {@code nova.compute.dead-host-grace} while the service group reports their
 * host down (or that never got a host at all), and those go to {@code error}. The conditional
 * update makes it safe for several compute services to do this at once. The dead host
 * itself, when it comes back, finds nothing left to do for those instances.
 */
@Service
public class DeadHostBuilds {

	private static final Log logger = LogFactory.getLog(DeadHostBuilds.class);

	private final InstanceRepository instances;

	private final InstanceStates states;

	private final ServiceGroup serviceGroup;

	private final Duration grace;

	public DeadHostBuilds(InstanceRepository instances, InstanceStates states, ServiceGroup serviceGroup,
			ComputeProperties properties) {
		this.instances = instances;
		this.states = states;
		this.serviceGroup = serviceGroup;
		this.grace = properties.deadHostGrace();
	}

	/** @return how many instances went to error */
	public int failStaleBuilds() {
		int failed = 0;
		// the database finds them: the stale builds whose host is down or missing, nothing else
		for (Object[] row : this.instances.findStaleBuildsOfDeadHosts(this.grace.toMillis(),
				this.serviceGroup.downMillis())) {
			String uuid = (String) row[0];
			String host = (String) row[1];
			String reason = (host == null) ? "Build of instance " + uuid + " was never scheduled to a host"
					: "Build of instance " + uuid + " failed: compute host " + host
							+ " went down while the instance was building";
			if (this.states.failBuild(uuid, reason)) {
				logger.warn("Instance " + uuid + ": " + reason);
				failed++;
			}
		}
		return failed;
	}

}
