package dev.novaboot.service.auth.identity;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A Keystone domain; the suite has the {@code default} one. */
@Entity
@Table(name = "identity_domains")
public class Domain {

	/** Keystone's default domain: id {@code default}, name {@code Default}. */
	public static final String DEFAULT_ID = "default";

	@Id
	private String id;

	@Column(nullable = false)
	private String name;

	@Column(nullable = false)
	private boolean enabled;

	@Column(name = "created_at", nullable = false, updatable = false)
	private Instant createdAt;

	protected Domain() {
	}

	Domain(String id, String name, Instant createdAt) {
		this.id = id;
		this.name = name;
		this.enabled = true;
		this.createdAt = createdAt;
	}

	public String getId() {
		return this.id;
	}

	public String getName() {
		return this.name;
	}

	public boolean isEnabled() {
		return this.enabled;
	}

}
