package dev.novaboot.compute.manager;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import dev.novaboot.compute.ComputeProperties;
import dev.novaboot.compute.store.Instance;
import dev.novaboot.compute.store.InstanceRepository;
import dev.novaboot.compute.store.VmState;
import dev.novaboot.service.group.ServiceGroup;
import dev.novaboot.service.record.DatabaseClock;
import dev.novaboot.service.record.ServiceRecord;
import dev.novaboot.service.record.ServiceRecordRepository;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.stereotype.Service;

/**
 * A host that dies mid-boot never leaves an instance {@code building} forever: every
 * compute service periodically looks at all building instances, and one that has not
 * changed for {@code nova.compute.dead-host-grace} while the service group reports its
 * host down (or that never got a host at all) goes to {@code error}. The conditional
 * update makes it safe for several compute services to do this at once. The dead host
 * itself, when it comes back, finds nothing left to do for those instances.
 */
@Service
public class DeadHostBuilds {

	private static final Log logger = LogFactory.getLog(DeadHostBuilds.class);

	private final InstanceRepository instances;

	private final InstanceStates states;

	private final ServiceRecordRepository services;

	private final ServiceGroup serviceGroup;

	private final DatabaseClock clock;

	private final Duration grace;

	public DeadHostBuilds(InstanceRepository instances, InstanceStates states, ServiceRecordRepository services,
			ServiceGroup serviceGroup, DatabaseClock clock, ComputeProperties properties) {
		this.instances = instances;
		this.states = states;
		this.services = services;
		this.serviceGroup = serviceGroup;
		this.clock = clock;
		this.grace = properties.deadHostGrace();
	}

	/** @return how many instances went to error */
	public int failStaleBuilds() {
		Instant now = this.clock.now();
		Map<String, ServiceRecord> computes = this.services.findLiveByTopic("compute")
			.stream()
			.collect(Collectors.toMap(ServiceRecord::getHost, Function.identity(), (a, b) -> a));
		int failed = 0;
		for (Instance instance : this.instances.findLiveByVmState(VmState.BUILDING)) {
			if (Duration.between(instance.getUpdatedAt(), now).compareTo(this.grace) < 0) {
				continue;
			}
			String reason = reason(instance, computes.get(instance.getHost()), now);
			if (reason != null && this.states.failBuild(instance.getUuid(), reason)) {
				logger.warn("Instance " + instance.getUuid() + ": " + reason);
				failed++;
			}
		}
		return failed;
	}

	private String reason(Instance instance, ServiceRecord service, Instant now) {
		if (instance.getHost() == null) {
			return "Build of instance " + instance.getUuid() + " was never scheduled to a host";
		}
		if (service == null || !this.serviceGroup.isUp(service, now)) {
			return "Build of instance " + instance.getUuid() + " failed: compute host " + instance.getHost()
					+ " went down while the instance was building";
		}
		return null;
	}

}
