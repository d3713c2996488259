package dev.novaboot.network.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A range of a subnet's addresses that may be handed out.
 */
@Entity
@Table(name = "allocation_pools")
public class AllocationPool {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(name = "subnet_id", nullable = false, updatable = false)
	private Long subnetId;

	@Column(name = "first_ip", nullable = false)
	private String firstIp;

	@Column(name = "last_ip", nullable = false)
	private String lastIp;

	protected AllocationPool() {
	}

	public AllocationPool(Long subnetId, String firstIp, String lastIp) {
		this.subnetId = subnetId;
		this.firstIp = firstIp;
		this.lastIp = lastIp;
	}

	public Long getSubnetId() {
		return this.subnetId;
	}

	public String getFirstIp() {
		return this.firstIp;
	}

	public String getLastIp() {
		return this.lastIp;
	}

}
