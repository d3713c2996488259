package dev.novaboot.service.store;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;

import org.hibernate.annotations.SQLRestriction;

/**
 * A row that is kept when it is deleted, with Nova's soft-delete columns: {@code deleted}
 * is {@code 0} while the row is live and non-zero once it is deleted, {@code deleted_at}
 * says when. Nova writes the row's own id into {@code deleted} so that a unique key that
 * includes it (such as {@code services (host, binary, deleted)}) holds among live rows and
 * lets a deleted name be taken again; tables keyed by a uuid write {@code 1}.
 * <p>
 * Every query of such an entity sees live rows only ({@link SQLRestriction}), so that no
 * repository writes the condition again; reading deleted rows takes native SQL.
 */
@MappedSuperclass
@SQLRestriction("deleted = 0")
public abstract class SoftDeletedEntity extends AuditedEntity {

	/** The {@code deleted} value of a row with no integer id of its own. */
	protected static final long DELETED = 1;

	@Column(name = "deleted_at")
	private Instant deletedAt;

	@Column(nullable = false)
	private long deleted;

	protected SoftDeletedEntity() {
	}

	protected SoftDeletedEntity(Instant createdAt) {
		super(createdAt);
	}

	public boolean isDeleted() {
		return this.deleted != 0;
	}

	public Instant getDeletedAt() {
		return this.deletedAt;
	}

	/**
	 * Deletes the row softly at {@code now}.
	 * @param marker the value {@code deleted} takes: the row's id, or {@link #DELETED}
	 */
	protected void markDeleted(long marker, Instant now) {
		this.deleted = marker;
		this.deletedAt = now;
		touch(now);
	}

}
