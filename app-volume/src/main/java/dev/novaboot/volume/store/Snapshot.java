package dev.novaboot.volume.store;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.MapKeyColumn;
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

	@ElementCollection(fetch = FetchType.EAGER)
	@CollectionTable(name = "snapshot_metadata", joinColumns = @JoinColumn(name = "snapshot_id"))
	@MapKeyColumn(name = "meta_key")
	@Column(name = "meta_value", nullable = false)
	private Map<String, String> metadata = new HashMap<>();

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

	/** The user metadata, a copy. */
	public Map<String, String> getMetadata() {
		return new TreeMap<>(this.metadata);
	}

	/** Replaces the user metadata with {@code metadata}. */
	public void setMetadata(Map<String, String> metadata, Instant now) {
		this.metadata.clear();
		this.metadata.putAll(metadata);
		touch(now);
	}

	public void setName(String name, Instant now) {
		this.name = name;
		touch(now);
	}

	public void setDescription(String description, Instant now) {
		this.description = description;
		touch(now);
	}

}
