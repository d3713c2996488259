package dev.novaboot.volume.store;

import java.time.Instant;

import dev.novaboot.volume.manager.CapacityReporter;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * One row of {@code volume_capacities}: what a volume host last reported of its space.
 * Written by that host's {@link CapacityReporter}, read by every host's scheduler.
 */
@Entity
@Table(name = "volume_capacities")
public class VolumeCapacity {

	@Id
	private String host;

	@Column(name = "total_gb", nullable = false)
	private long totalGb;

	@Column(name = "free_gb", nullable = false)
	private long freeGb;

	@Column(name = "allocated_gb", nullable = false)
	private long allocatedGb;

	@Column(name = "volume_count", nullable = false)
	private int volumeCount;

	@Column(name = "backend_name")
	private String backendName;

	@Column(name = "updated_at", nullable = false)
	private Instant updatedAt;

	protected VolumeCapacity() {
	}

	public VolumeCapacity(String host) {
		this.host = host;
	}

	public String getHost() {
		return this.host;
	}

	public long getTotalGb() {
		return this.totalGb;
	}

	public long getFreeGb() {
		return this.freeGb;
	}

	public long getAllocatedGb() {
		return this.allocatedGb;
	}

	/** The {@code volume_backend_name} the host reports. */
	public String getBackendName() {
		return this.backendName;
	}

	public void setBackendName(String backendName) {
		this.backendName = backendName;
	}

	public Instant getUpdatedAt() {
		return this.updatedAt;
	}

	public void update(long totalGb, long freeGb, long allocatedGb, int volumeCount, Instant at) {
		this.totalGb = totalGb;
		this.freeGb = freeGb;
		this.allocatedGb = allocatedGb;
		this.volumeCount = volumeCount;
		this.updatedAt = at;
	}

}
