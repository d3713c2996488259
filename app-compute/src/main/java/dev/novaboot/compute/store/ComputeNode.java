package dev.novaboot.compute.store;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import dev.novaboot.service.store.AuditedEntity;

/**
 * A row of {@code compute_nodes}: what one host offers and what its instances use.
 */
@Entity
@Table(name = "compute_nodes")
public class ComputeNode extends AuditedEntity {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private String uuid;

	private String host;

	@Column(name = "hypervisor_type")
	private String hypervisorType;

	@Column(name = "hypervisor_version")
	private String hypervisorVersion;

	private int vcpus;

	@Column(name = "memory_mb")
	private int memoryMb;

	@Column(name = "local_gb")
	private int localGb;

	@Column(name = "vcpus_used")
	private int vcpusUsed;

	@Column(name = "memory_mb_used")
	private int memoryMbUsed;

	@Column(name = "local_gb_used")
	private int localGbUsed;

	@Column(name = "running_vms")
	private int runningVms;

	@Column(name = "cpu_allocation_ratio")
	private double cpuAllocationRatio;

	@Column(name = "ram_allocation_ratio")
	private double ramAllocationRatio;

	@Column(name = "disk_allocation_ratio")
	private double diskAllocationRatio;

	/**
	 * {@link #freeRamMb()} kept on the row, written with the totals and the usage: the
	 * scheduler's weight, indexed, so that the database reads the candidates in weight
	 * order and stops after a few instead of sorting every node.
	 */
	@Column(name = "free_ram_mb")
	private double freeRamMbColumn;

	protected ComputeNode() {
	}

	public ComputeNode(String uuid, String host, Instant now) {
		super(now);
		this.uuid = uuid;
		this.host = host;
	}

	public void setResources(String hypervisorType, String hypervisorVersion, int vcpus, int memoryMb, int localGb,
			double cpuRatio, double ramRatio, double diskRatio) {
		this.hypervisorType = hypervisorType;
		this.hypervisorVersion = hypervisorVersion;
		this.vcpus = vcpus;
		this.memoryMb = memoryMb;
		this.localGb = localGb;
		this.cpuAllocationRatio = cpuRatio;
		this.ramAllocationRatio = ramRatio;
		this.diskAllocationRatio = diskRatio;
		this.freeRamMbColumn = freeRamMb();
	}

	public void setUsage(Usage usage, Instant now) {
		this.vcpusUsed = (int) usage.vcpus();
		this.memoryMbUsed = (int) usage.memoryMb();
		this.localGbUsed = (int) usage.localGb();
		this.runningVms = (int) usage.instances();
		this.freeRamMbColumn = freeRamMb();
		touch(now);
	}

	/** Whether an instance of this size still fits, allocation ratios applied. */
	public boolean fits(Usage usage, int vcpus, int memoryMb, int localGb) {
		return usage.vcpus() + vcpus <= this.vcpus * this.cpuAllocationRatio
				&& usage.memoryMb() + memoryMb <= this.memoryMb * this.ramAllocationRatio
				&& usage.localGb() + localGb <= this.localGb * this.diskAllocationRatio;
	}

	/** Memory left to place, allocation ratio applied: the scheduler's weight. */
	public double freeRamMb() {
		return this.memoryMb * this.ramAllocationRatio - this.memoryMbUsed;
	}

	public Long getId() {
		return this.id;
	}

	public String getUuid() {
		return this.uuid;
	}

	public String getHost() {
		return this.host;
	}

	public String getHypervisorType() {
		return this.hypervisorType;
	}

	public String getHypervisorVersion() {
		return this.hypervisorVersion;
	}

	public int getVcpus() {
		return this.vcpus;
	}

	public int getMemoryMb() {
		return this.memoryMb;
	}

	public int getLocalGb() {
		return this.localGb;
	}

	public int getVcpusUsed() {
		return this.vcpusUsed;
	}

	public int getMemoryMbUsed() {
		return this.memoryMbUsed;
	}

	public int getLocalGbUsed() {
		return this.localGbUsed;
	}

	public int getRunningVms() {
		return this.runningVms;
	}

}
