package dev.novaboot.volume.store;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import dev.novaboot.service.store.SoftDeletedEntity;
import dev.novaboot.volume.manager.VolumeManager;

/**
 * One row of the {@code snapshots} table. Plain data: the {@link VolumeManager} of the
 * snapshot's host (its volume's host) is its only writer.
 * <p>
 * A deleted snapshot stays as a row, soft-deleted ({@link SoftDeletedEntity}): no query of the
 * repository sees it again.
 */
@Entity
@Table(name = "snapshots")
public class Snapshot extends SoftDeletedEntity {

	@Id
	@Column(length = 36)
	private String id;

	@Column(name = "project_id", nullable = false, updatable = false)
	private String projectId;

	@Column(name = "user_id", nullable = false, updatable = false)
	private String userId;

	@Column(name = "volume_id", nullable = false, updatable = false, length = 36)
	private String volumeId;

	@Column(nullable = false)
	private String host;

	@Column(name = "size_gb", nullable = false)
	private int sizeGb;

	@Column(nullable = false, length = 32)
	private String status;

	@Column(name = "status_reason", length = 1024)
	private String statusReason;

	@Column(name = "display_name")
	private String name;

	private String description;

	@Version
	@Column(name = "lock_version", nullable = false)
	private long lockVersion;

	protected Snapshot() {
	}

	public Snapshot(String id, String projectId, String userId, String volumeId, String host, int sizeGb, String name,
			String description, Instant createdAt) {
		super(createdAt);
		this.id = id;
		this.projectId = projectId;
		this.userId = userId;
		this.volumeId = volumeId;
		this.host = host;
		this.sizeGb = sizeGb;
		this.name = name;
		this.description = description;
		this.status = SnapshotStatus.CREATING.value();
	}

	public String getId() {
		return this.id;
	}

	public String getProjectId() {
		return this.projectId;
	}

	public String getUserId() {
		return this.userId;
	}

	public String getVolumeId() {
		return this.volumeId;
	}

	public String getHost() {
		return this.host;
	}

	public int getSizeGb() {
		return this.sizeGb;
	}

	public SnapshotStatus getStatus() {
		return SnapshotStatus.of(this.status);
	}

	public String getStatusReason() {
		return this.statusReason;
	}

	public String getName() {
		return this.name;
	}

	public String getDescription() {
		return this.description;
	}

	/**
	 * The row's new status and why (cut to what the column holds), at {@code now};
	 * {@code deleted} also deletes the row softly.
	 */
	public void setStatus(SnapshotStatus status, String reason, Instant now) {
		this.status = status.value();
		this.statusReason = StatusReason.bounded(reason);
		touch(now);
		if (status == SnapshotStatus.DELETED) {
			markDeleted(DELETED, now);
		}
	}

}
