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
 * A project's security group: a named set of rules. Each project has one default group,
 * made on first use.
 */
@Entity
@Table(name = "security_groups")
public class SecurityGroup extends AuditedEntity {

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

	@Column(name = "default_for_project", updatable = false)
	private String defaultForProject;

	protected SecurityGroup() {
	}

	/** @param now the database's time of the operation that makes the row (created_at, updated_at) */
	public SecurityGroup(Instant now, String projectId, String name, String description, boolean projectDefault) {
		super(now);
		this.uuid = UUID.randomUUID().toString();
		this.projectId = projectId;
		this.name = name;
		this.description = description;
		this.defaultForProject = projectDefault ? projectId : null;
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

	/** Whether this is its project's default group. */
	public boolean isProjectDefault() {
		return this.defaultForProject != null;
	}

}
