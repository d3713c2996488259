package dev.novaboot.network.store;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * An address of an external network held by a project, optionally associated with (NATed
 * to) a port's fixed IP.
 */
@Entity
@Table(name = "floating_ips")
public class FloatingIp {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(nullable = false, updatable = false)
	private String uuid;

	@Column(name = "project_id", nullable = false)
	private String projectId;

	@Column(nullable = false)
	private String description;

	@Column(name = "network_id", nullable = false, updatable = false)
	private Long networkId;

	@Column(name = "address_id", nullable = false, updatable = false)
	private Long addressId;

	@Column(nullable = false, updatable = false)
	private String address;

	@Column(name = "port_id")
	private Long portId;

	@Column(name = "fixed_address")
	private String fixedAddress;

	private String host;

	@Column(name = "created_at", nullable = false, updatable = false)
	private Instant createdAt;

	@Column(name = "updated_at", nullable = false)
	private Instant updatedAt;

	protected FloatingIp() {
	}

	public FloatingIp(String projectId, Long networkId, Long addressId, String address) {
		this.uuid = UUID.randomUUID().toString();
		this.projectId = projectId;
		this.description = "";
		this.networkId = networkId;
		this.addressId = addressId;
		this.address = address;
		this.createdAt = Instant.now();
		this.updatedAt = this.createdAt;
	}

	public Long getId() {
		return this.id;
	}

	public String getUuid() {
		return this.uuid;
	}

	public String getProjectId() {
		return this.projectId;
	}

	public String getDescription() {
		return this.description;
	}

	public void setDescription(String description) {
		this.description = description;
	}

	public Long getNetworkId() {
		return this.networkId;
	}

	public Long getAddressId() {
		return this.addressId;
	}

	public String getAddress() {
		return this.address;
	}

	public Long getPortId() {
		return this.portId;
	}

	public String getFixedAddress() {
		return this.fixedAddress;
	}

	public String getHost() {
		return this.host;
	}

	public void associate(Long portId, String fixedAddress, String host) {
		this.portId = portId;
		this.fixedAddress = fixedAddress;
		this.host = host;
		touch();
	}

	public void disassociate() {
		associate(null, null, null);
	}

	public Instant getCreatedAt() {
		return this.createdAt;
	}

	public Instant getUpdatedAt() {
		return this.updatedAt;
	}

	public void touch() {
		this.updatedAt = Instant.now();
	}

}
