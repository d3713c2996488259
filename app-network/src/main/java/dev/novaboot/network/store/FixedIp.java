package dev.novaboot.network.store;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * One usable address of a subnet (Nova's {@code fixed_ips}): free, reserved, or allocated
 * to a port. Rows are created with the subnet and changed only by the
 * {@link dev.novaboot.network.manager.AddressAllocator}; JPA only reads them.
 * <p>
 * Not an {@code AuditedEntity}: the table has no {@code created_at} (a row lives exactly
 * as long as its subnet), and {@code updated_at} is written by the allocator's SQL with
 * the database's own {@code CURRENT_TIMESTAMP}, the same clock as {@code DatabaseClock}.
 */
@Entity
@Table(name = "fixed_ips")
public class FixedIp {

	@Id
	private Long id;

	@Column(name = "network_id", nullable = false)
	private Long networkId;

	@Column(name = "subnet_id", nullable = false)
	private Long subnetId;

	@Column(nullable = false)
	private String address;

	@Column(name = "address_value", nullable = false)
	private long addressValue;

	@Column(nullable = false)
	private boolean allocated;

	@Column(nullable = false)
	private boolean reserved;

	@Column(nullable = false)
	private boolean leased;

	@Column(name = "port_id")
	private Long portId;

	@Column(name = "instance_uuid")
	private String instanceUuid;

	private String host;

	@Column(name = "updated_at", nullable = false)
	private Instant updatedAt;

	protected FixedIp() {
	}

	public Long getId() {
		return this.id;
	}

	public Long getNetworkId() {
		return this.networkId;
	}

	public Long getSubnetId() {
		return this.subnetId;
	}

	public String getAddress() {
		return this.address;
	}

	public long getAddressValue() {
		return this.addressValue;
	}

	public boolean isAllocated() {
		return this.allocated;
	}

	public boolean isReserved() {
		return this.reserved;
	}

	public boolean isLeased() {
		return this.leased;
	}

	public Long getPortId() {
		return this.portId;
	}

	public String getInstanceUuid() {
		return this.instanceUuid;
	}

	public String getHost() {
		return this.host;
	}

	public Instant getUpdatedAt() {
		return this.updatedAt;
	}

}
