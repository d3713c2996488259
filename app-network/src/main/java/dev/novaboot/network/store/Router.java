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
 * A project's router (Neutron's L3 router): it forwards between the subnets its interface
 * ports are on and, through its gateway port on an external network, to the outside,
 * with SNAT when {@code enableSnat}. Its interfaces are the ports whose device is the
 * router.
 */
@Entity
@Table(name = "routers")
public class Router extends AuditedEntity {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(nullable = false, updatable = false)
	private String uuid;

	@Column(name = "project_id", nullable = false, updatable = false)
	private String projectId;

	@Column(nullable = false)
	private String name;

	@Column(nullable = false)
	private String description;

	@Column(name = "admin_state_up", nullable = false)
	private boolean adminStateUp;

	@Column(name = "gateway_port_id")
	private Long gatewayPortId;

	@Column(name = "enable_snat", nullable = false)
	private boolean enableSnat;

	private String host;

	protected Router() {
	}

	/** @param now the database's time of the operation that makes the row (created_at, updated_at) */
	public Router(Instant now, String projectId) {
		super(now);
		this.uuid = UUID.randomUUID().toString();
		this.projectId = projectId;
		this.name = "";
		this.description = "";
		this.adminStateUp = true;
		this.enableSnat = true;
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

	public boolean isAdminStateUp() {
		return this.adminStateUp;
	}

	public void setAdminStateUp(boolean adminStateUp) {
		this.adminStateUp = adminStateUp;
	}

	public Long getGatewayPortId() {
		return this.gatewayPortId;
	}

	public boolean isEnableSnat() {
		return this.enableSnat;
	}

	/** Sets or (with {@code null}) clears the external gateway. */
	public void setGateway(Long gatewayPortId, boolean enableSnat) {
		this.gatewayPortId = gatewayPortId;
		this.enableSnat = enableSnat;
	}

	public String getHost() {
		return this.host;
	}

}
