package dev.novaboot.service.auth.identity;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A project (tenant): the owner of volumes, networks and servers. */
@Entity
@Table(name = "identity_projects")
public class Project {

	@Id
	private String id;

	@Column(nullable = false)
	private String name;

	@Column(name = "domain_id", nullable = false)
	private String domainId;

	private String description;

	@Column(nullable = false)
	private boolean enabled;

	@Column(name = "created_at", nullable = false, updatable = false)
	private Instant createdAt;

	protected Project() {
	}

	Project(String name, String domainId, String description, boolean enabled, Instant createdAt) {
		this.id = IdentityIds.newId();
		this.name = name;
		this.domainId = domainId;
		this.description = description;
		this.enabled = enabled;
		this.createdAt = createdAt;
	}

	public String getId() {
		return this.id;
	}

	public String getName() {
		return this.name;
	}

	public String getDomainId() {
		return this.domainId;
	}

	public String getDescription() {
		return this.description;
	}

	public boolean isEnabled() {
		return this.enabled;
	}

}
