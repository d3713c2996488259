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
 * A row of {@code migrations}: one move of a server from its source host to a destination
 * (Nova's {@code Migration}), {@code migration_type} {@code migration} (cold) or
 * {@code evacuation}, its {@code status} as Nova names the steps ({@code pre-migrating},
 * {@code migrating}, {@code post-migrating}, {@code finished}, then {@code confirmed},
 * {@code reverted} or {@code error}; {@code accepted}, {@code done} or {@code failed} for
 * an evacuation).
 */
@Entity
@Table(name = "migrations")
public class MigrationRecord extends AuditedEntity {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private String uuid;

	@Column(name = "instance_uuid")
	private String instanceUuid;

	@Column(name = "migration_type")
	private String migrationType;

	private String status;

	@Column(name = "source_compute")
	private String sourceCompute;

	@Column(name = "dest_compute")
	private String destCompute;

	@Column(name = "old_instance_type_id")
	private String oldFlavorId;

	@Column(name = "new_instance_type_id")
	private String newFlavorId;

	@Column(name = "project_id")
	private String projectId;

	@Column(name = "user_id")
	private String userId;

	protected MigrationRecord() {
	}

	public MigrationRecord(String uuid, String instanceUuid, String migrationType, String status, String sourceCompute,
			String destCompute, String flavorId, String projectId, String userId, Instant now) {
		super(now);
		this.uuid = uuid;
		this.instanceUuid = instanceUuid;
		this.migrationType = migrationType;
		this.status = status;
		this.sourceCompute = sourceCompute;
		this.destCompute = destCompute;
		this.oldFlavorId = flavorId;
		this.newFlavorId = flavorId;
		this.projectId = projectId;
		this.userId = userId;
	}

	public Long getId() {
		return this.id;
	}

	public String getUuid() {
		return this.uuid;
	}

	public String getInstanceUuid() {
		return this.instanceUuid;
	}

	public String getMigrationType() {
		return this.migrationType;
	}

	public String getStatus() {
		return this.status;
	}

	public String getSourceCompute() {
		return this.sourceCompute;
	}

	public String getDestCompute() {
		return this.destCompute;
	}

	public String getOldFlavorId() {
		return this.oldFlavorId;
	}

	public String getNewFlavorId() {
		return this.newFlavorId;
	}

	public String getProjectId() {
		return this.projectId;
	}

	public String getUserId() {
		return this.userId;
	}

	/** An evacuation's destination, once the scheduler chose it. */
	public void setDestCompute(String destCompute) {
		this.destCompute = destCompute;
	}

	public void setStatus(String status, Instant now) {
		this.status = status;
		touch(now);
	}

}
