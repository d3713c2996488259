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

	// written only by UserRepository's atomic updates: an entity write of a stale count
	// would lose the failures counted by concurrent logins
	@Column(name = "failed_auth_count", nullable = false, insertable = false, updatable = false)
	private int failedAuthCount;

	@Column(name = "failed_auth_at", insertable = false, updatable = false)
	private Instant failedAuthAt;

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

	void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public String getDefaultProjectId() {
		return this.defaultProjectId;
	}

	/** Failed password attempts since the last successful login, as last read. */
	int getFailedAuthCount() {
		return this.failedAuthCount;
	}

	/** When the last failed password attempt was, {@code null} after a success. */
	Instant getFailedAuthAt() {
		return this.failedAuthAt;
	}

}
