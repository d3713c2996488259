package dev.novaboot.service.auth.identity;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A user who logs in with a password; only its hash is stored. */
@Entity
@Table(name = "identity_users")
public class User {

	@Id
	private String id;

	@Column(nullable = false)
	private String name;

	@Column(name = "domain_id", nullable = false)
	private String domainId;

	@Column(name = "password_hash", nullable = false)
	private String passwordHash;

	@Column(nullable = false)
	private boolean enabled;

	@Column(name = "default_project_id")
	private String defaultProjectId;

	@Column(name = "created_at", nullable = false, updatable = false)
	private Instant createdAt;

	protected User() {
	}

	User(String name, String domainId, String passwordHash, boolean enabled, String defaultProjectId,
			Instant createdAt) {
		this.id = IdentityIds.newId();
		this.name = name;
		this.domainId = domainId;
		this.passwordHash = passwordHash;
		this.enabled = enabled;
		this.defaultProjectId = defaultProjectId;
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

	String getPasswordHash() {
		return this.passwordHash;
	}

	public boolean isEnabled() {
		return this.enabled;
	}

	public String getDefaultProjectId() {
		return this.defaultProjectId;
	}

}
