package dev.novaboot.service.store;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;

/**
 * The audit columns every table of the suite has, Nova's {@code created_at} and
 * {@code updated_at}. The times are the database's clock ({@code DatabaseClock}), passed
 * in by the manager that writes the row, never the host's own clock: hosts of the suite
 * may disagree about the time, the database does not.
 */
@MappedSuperclass
public abstract class AuditedEntity {

	@Column(name = "created_at", nullable = false, updatable = false)
	private Instant createdAt;

	@Column(name = "updated_at")
	private Instant updatedAt;

	protected AuditedEntity() {
	}

	protected AuditedEntity(Instant createdAt) {
		this.createdAt = createdAt;
		this.updatedAt = createdAt;
	}

	public Instant getCreatedAt() {
		return this.createdAt;
	}

	public Instant getUpdatedAt() {
		return this.updatedAt;
	}

	/** The row changed at {@code now}. */
	public void touch(Instant now) {
		this.updatedAt = now;
	}

}
