package dev.novaboot.compute.manager;

import java.util.UUID;

import dev.novaboot.compute.ComputeProperties;
import dev.novaboot.compute.driver.ComputeDriver;
import dev.novaboot.compute.driver.HostResources;
import dev.novaboot.compute.store.ComputeNode;
import dev.novaboot.compute.store.ComputeNodeRepository;
import dev.novaboot.service.ServiceIdentity;
import dev.novaboot.service.record.DatabaseClock;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps this host's {@code compute_nodes} row true (Nova's resource tracker): totals from
 * the driver, usage from the live instances placed here.
 */
@Service
public class ResourceTracker {

	private final String host;

	private final ComputeDriver driver;

	private final ComputeNodeRepository nodes;

	private final ComputeProperties properties;

	private final DatabaseClock clock;

	private volatile HostResources resources;

	public ResourceTracker(ServiceIdentity identity, ComputeDriver driver, ComputeNodeRepository nodes, ComputeProperties properties,
			DatabaseClock clock) {
		this.host = identity.host();
		this.driver = driver;
		this.nodes = nodes;
		this.properties = properties;
		this.clock = clock;
	}

	/** Reads the host's resources from the driver anew and records them with the usage. */
	@Transactional
	public ComputeNode update() {
		this.resources = this.driver.getAvailableResource();
		return record();
	}

	/** Records the usage after instances came or went, with the totals last read. */
	@Transactional
	public ComputeNode refreshUsage() {
		if (this.resources == null) {
			this.resources = this.driver.getAvailableResource();
		}
		return record();
	}

	/**
	 * Whether this host has room for {@code vcpus}, {@code memoryMb} and {@code localGb}
	 * more (Nova's resize claim), with the allocation ratios; a host with no node row yet
	 * has none.
	 */
	@Transactional
	public boolean hasRoomFor(int vcpus, int memoryMb, int localGb) {
		return this.nodes.lockByHost(this.host)
			.map((node) -> node.fits(this.nodes.usage(this.host), vcpus, memoryMb, localGb))
			.orElse(false);
	}

	private ComputeNode record() {
		HostResources total = this.resources;
		ComputeNode node = this.nodes.lockByHost(this.host)
			.orElseGet(() -> new ComputeNode(UUID.randomUUID().toString(), this.host, this.clock.now()));
		node.setResources(total.hypervisorType(), total.hypervisorVersion(), total.vcpus(), total.memoryMb(),
				total.localGb(), this.properties.cpuAllocationRatio(), this.properties.ramAllocationRatio(),
				this.properties.diskAllocationRatio());
		node.setUsage(this.nodes.usage(this.host), this.clock.now());
		return this.nodes.saveAndFlush(node);
	}

}
