package dev.novaboot.service.auth.identity;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A role a user holds on a project: {@code admin}, {@code member} or {@code reader}. */
@Entity
@Table(name = "identity_roles")
public class Role {

	@Id
	private String id;

	@Column(nullable = false)
	private String name;

	@Column(name = "created_at", nullable = false, updatable = false)
	private Instant createdAt;

	protected Role() {
	}

	Role(String name, Instant createdAt) {
		this.id = IdentityIds.newId();
		this.name = name;
		this.createdAt = createdAt;
	}

	public String getId() {
		return this.id;
	}

	public String getName() {
		return this.name;
	}

}
