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
 * An address of an external network held by a project, optionally associated with (NATed
 * to) a port's fixed IP.
 */
@Entity
@Table(name = "floating_ips")
public class FloatingIp extends AuditedEntity {

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

	// the router that NATs it (associated through the API, as Neutron); null when the
	// network host's own NAT chains do (nova-network's associate over RPC)
	@Column(name = "router_id")
	private Long routerId;

	protected FloatingIp() {
	}

	/** @param now the database's time of the operation that makes the row (created_at, updated_at) */
	public FloatingIp(Instant now, String projectId, Long networkId, Long addressId, String address) {
		super(now);
		this.uuid = UUID.randomUUID().toString();
		this.projectId = projectId;
		this.description = "";
		this.networkId = networkId;
		this.addressId = addressId;
		this.address = address;
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

	public Long getRouterId() {
		return this.routerId;
	}

	/** NATs this floating IP to a port's fixed IP served by {@code host}, changed at {@code now}. */
	public void associate(Long portId, String fixedAddress, String host, Instant now) {
		associate(portId, fixedAddress, host, null, now);
	}

	/**
	 * NATs this floating IP to a port's fixed IP, by {@code routerId}'s namespace when
	 * given, else by the NAT chains of the network host {@code host}.
	 */
	public void associate(Long portId, String fixedAddress, String host, Long routerId, Instant now) {
		this.portId = portId;
		this.fixedAddress = fixedAddress;
		this.host = host;
		this.routerId = routerId;
		touch(now);
	}

	public void disassociate(Instant now) {
		associate(null, null, null, null, now);
	}

}
