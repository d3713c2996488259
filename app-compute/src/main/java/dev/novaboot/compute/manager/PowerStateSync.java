package dev.novaboot.compute.manager;

import dev.novaboot.compute.driver.ComputeDriver;
import dev.novaboot.compute.store.Instance;
import dev.novaboot.compute.store.InstanceRepository;
import dev.novaboot.compute.store.VmState;
import dev.novaboot.service.ServiceIdentity;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.stereotype.Service;

/**
 * The periodic power-state sync (Nova's {@code _sync_power_states}): the driver's view of
 * each guest of this host is written to its instance when no task runs on it, so that a
 * guest that died shows {@code shutdown} or {@code crashed}, and an active instance whose
 * guest stopped becomes {@code stopped}.
 */
@Service
public class PowerStateSync {

	private static final Log logger = LogFactory.getLog(PowerStateSync.class);

	private final String host;

	private final ComputeDriver driver;

	private final InstanceRepository instances;

	private final InstanceStates states;

	public PowerStateSync(ServiceIdentity identity, ComputeDriver driver, InstanceRepository instances, InstanceStates states) {
		this.host = identity.host();
		this.driver = driver;
		this.instances = instances;
		this.states = states;
	}

	public void sync() {
		for (Instance instance : this.instances.findLiveByHost(this.host)) {
			if (instance.getTaskState() != null || instance.getVmState() == VmState.BUILDING) {
				continue;
			}
			try {
				this.states.syncPowerState(instance.getUuid(), this.driver.getInfo(instance.getUuid()));
			}
			catch (RuntimeException ex) {
				logger.warn("Could not read the power state of " + instance.getUuid() + ": " + ex.getMessage());
			}
		}
	}

}
