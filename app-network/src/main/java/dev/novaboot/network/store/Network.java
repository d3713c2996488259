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
 * A layer-2 network: a bridge on the network host, on a VLAN for {@code vlan} networks.
 * Plain data; the managers own the writes.
 */
@Entity
@Table(name = "networks")
public class Network extends AuditedEntity {

	public static final String FLAT = "flat";

	public static final String VLAN = "vlan";

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(nullable = false, updatable = false)
	private String uuid;

	@Column(name = "project_id", nullable = false)
	private String projectId;

	@Column(nullable = false)
	private String name;

	@Column(nullable = false)
	private String description;

	@Column(nullable = false)
	private boolean shared;

	@Column(nullable = false)
	private boolean external;

	@Column(name = "admin_state_up", nullable = false)
	private boolean adminStateUp;

	@Column(name = "network_type", nullable = false)
	private String networkType;

	@Column(name = "physical_network")
	private String physicalNetwork;

	@Column(name = "segmentation_id")
	private Integer segmentationId;

	@Column(nullable = false)
	private String bridge;

	private String host;

	@Column(name = "default_for_project")
	private String defaultForProject;

	protected Network() {
	}

	/** @param now the database's time of the operation that makes the row (created_at, updated_at) */
	public Network(Instant now, String projectId, String name, String networkType, String physicalNetwork,
			Integer segmentationId, String bridge) {
		super(now);
		this.uuid = UUID.randomUUID().toString();
		this.projectId = projectId;
		this.name = name;
		this.description = "";
		this.adminStateUp = true;
		this.networkType = networkType;
		this.physicalNetwork = physicalNetwork;
		this.segmentationId = segmentationId;
		this.bridge = bridge;
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

	public boolean isShared() {
		return this.shared;
	}

	public void setShared(boolean shared) {
		this.shared = shared;
	}

	public boolean isExternal() {
		return this.external;
	}

	public void setExternal(boolean external) {
		this.external = external;
	}

	public boolean isAdminStateUp() {
		return this.adminStateUp;
	}

	public void setAdminStateUp(boolean adminStateUp) {
		this.adminStateUp = adminStateUp;
	}

	public String getNetworkType() {
		return this.networkType;
	}

	public boolean isVlan() {
		return VLAN.equals(this.networkType);
	}

	public String getPhysicalNetwork() {
		return this.physicalNetwork;
	}

	public Integer getSegmentationId() {
		return this.segmentationId;
	}

	public String getBridge() {
		return this.bridge;
	}

	public String getHost() {
		return this.host;
	}

	public void setDefaultForProject(String defaultForProject) {
		this.defaultForProject = defaultForProject;
	}

}
