package dev.novaboot.network.store;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import dev.novaboot.service.store.AuditedEntity;

/**
 * A virtual interface on a network: a MAC address and the fixed IPs allocated to it,
 * attached to a device (an instance's uuid for {@code compute:*} owners).
 */
@Entity
@Table(name = "ports")
public class Port extends AuditedEntity {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(nullable = false, updatable = false)
	private String uuid;

	@Column(name = "network_id", nullable = false, updatable = false)
	private Long networkId;

	@Column(name = "project_id", nullable = false)
	private String projectId;

	@Column(nullable = false)
	private String name;

	@Column(nullable = false)
	private String description;

	@Column(name = "mac_address", nullable = false, updatable = false)
	private String macAddress;

	@Column(name = "device_id", nullable = false)
	private String deviceId;

	@Column(name = "device_owner", nullable = false)
	private String deviceOwner;

	private String host;

	@Column(name = "admin_state_up", nullable = false)
	private boolean adminStateUp;

	protected Port() {
	}

	/** @param now the database's time of the operation that makes the row (created_at, updated_at) */
	public Port(Instant now, Long networkId, String projectId, String macAddress, String deviceId, String deviceOwner) {
		super(now);
		this.uuid = UUID.randomUUID().toString();
		this.networkId = networkId;
		this.projectId = projectId;
		this.name = "";
		this.description = "";
		this.macAddress = macAddress;
		this.deviceId = deviceId;
		this.deviceOwner = deviceOwner;
		this.adminStateUp = true;
	}

	public Long getId() {
		return this.id;
	}

	public String getUuid() {
		return this.uuid;
	}

	public Long getNetworkId() {
		return this.networkId;
	}

	public String getProjectId() {
		return this.projectId;
	}

	public String getName() {
		return this.name;
	}

	public void setName(String name) {
		this.name = name;
	}

	public String getDescription() {
		return this.description;
	}

	public void setDescription(String description) {
		this.description = description;
	}

	public String getMacAddress() {
		return this.macAddress;
	}

	public String getDeviceId() {
		return this.deviceId;
	}

	public void setDeviceId(String deviceId) {
		this.deviceId = deviceId;
	}

	public String getDeviceOwner() {
		return this.deviceOwner;
	}

	public void setDeviceOwner(String deviceOwner) {
		this.deviceOwner = deviceOwner;
	}

	public String getHost() {
		return this.host;
	}

	public void setHost(String host) {
		this.host = host;
	}

	public boolean isAdminStateUp() {
		return this.adminStateUp;
	}

	public void setAdminStateUp(boolean adminStateUp) {
		this.adminStateUp = adminStateUp;
	}

}
