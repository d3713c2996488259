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
import jakarta.persistence.ManyToOne;
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import dev.novaboot.service.store.SoftDeletedEntity;
import dev.novaboot.volume.manager.VolumeManager;
import org.hibernate.annotations.BatchSize;
import org.hibernate.annotations.NotFound;
import org.hibernate.annotations.NotFoundAction;

/**
 * One row of the {@code volumes} table. Plain data: the {@link VolumeManager} of the
 * volume's host is its only writer.
 * <p>
 * A deleted volume stays as a row, soft-deleted ({@link SoftDeletedEntity}): no query of the
 * repository sees it again.
 */
@Entity
@Table(name = "volumes")
public class Volume extends SoftDeletedEntity {

	@Id
	@Column(length = 36)
	private String id;

	@Column(name = "project_id", nullable = false, updatable = false)
	private String projectId;

	@Column(name = "user_id", nullable = false, updatable = false)
	private String userId;

	private String host;

	@Column(name = "availability_zone", nullable = false)
	private String availabilityZone;

	@Column(name = "size_gb", nullable = false)
	private int sizeGb;

	@Column(nullable = false, length = 32)
	private String status;

	@Column(name = "status_reason", length = 1024)
	private String statusReason;

	@Column(name = "display_name")
	private String name;

	private String description;

	@Column(name = "snapshot_id", length = 36)
	private String snapshotId;

	@Column(name = "attachment_id", length = 36)
	private String attachmentId;

	@Column(name = "attached_server", length = 36)
	private String attachedServer;

	@Column(name = "attached_host")
	private String attachedHost;

	@Column(name = "attached_device")
	private String attachedDevice;

	@Column(name = "attached_at")
	private Instant attachedAt;

	private String backend;

	@Column(nullable = false)
	private boolean bootable;

	@Column(name = "source_volid", length = 36)
	private String sourceVolid;

	private Boolean readonly;

	@Column(name = "volume_type_id", length = 36)
	private String volumeTypeId = VolumeType.DEFAULT_ID;

	// shown by name with every volume; a type cannot go while a live volume has it
	@ManyToOne(fetch = FetchType.EAGER)
	@JoinColumn(name = "volume_type_id", insertable = false, updatable = false)
	@NotFound(action = NotFoundAction.IGNORE)
	private VolumeType volumeType;

	// small and always shown with the volume: read with it, for up to a page of volumes
	// (1,000) in one query, not one query per volume
	@ElementCollection(fetch = FetchType.EAGER)
	@BatchSize(size = 1000)
	@CollectionTable(name = "volume_metadata", joinColumns = @JoinColumn(name = "volume_id"))
	@MapKeyColumn(name = "meta_key")
	@Column(name = "meta_value", nullable = false)
	private Map<String, String> metadata = new HashMap<>();

	// Cinder's volume_glance_metadata, written once when the volume is made from an image;
	// read as the metadata above
	@ElementCollection(fetch = FetchType.EAGER)
	@BatchSize(size = 1000)
	@CollectionTable(name = "volume_glance_metadata", joinColumns = @JoinColumn(name = "volume_id"))
	@MapKeyColumn(name = "meta_key")
	@Column(name = "meta_value", nullable = false)
	private Map<String, String> imageMetadata = new HashMap<>();

	@Version
	@Column(name = "lock_version", nullable = false)
	private long lockVersion;

	protected Volume() {
	}

	public Volume(String id, String projectId, String userId, String host, String availabilityZone, int sizeGb,
			String name, String description, String snapshotId, Instant createdAt) {
		super(createdAt);
		this.id = id;
		this.projectId = projectId;
		this.userId = userId;
		this.host = host;
		this.availabilityZone = availabilityZone;
		this.sizeGb = sizeGb;
		this.name = name;
		this.description = description;
		this.snapshotId = snapshotId;
		this.status = VolumeStatus.CREATING.value();
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

	public String getHost() {
		return this.host;
	}

	public String getAvailabilityZone() {
		return this.availabilityZone;
	}

	public int getSizeGb() {
		return this.sizeGb;
	}

	public VolumeStatus getStatus() {
		return VolumeStatus.of(this.status);
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

	public String getSnapshotId() {
		return this.snapshotId;
	}

	public String getAttachmentId() {
		return this.attachmentId;
	}

	public String getAttachedServer() {
		return this.attachedServer;
	}

	public String getAttachedHost() {
		return this.attachedHost;
	}

	public String getAttachedDevice() {
		return this.attachedDevice;
	}

	public Instant getAttachedAt() {
		return this.attachedAt;
	}

	/** The {@code backend#pool} of the volume's host that holds it, {@code null} if none does. */
	public String getBackend() {
		return this.backend;
	}

	/** Records which backend and pool of the volume's host hold it ({@code backend#pool}). */
	public void setBackend(String backend) {
		this.backend = backend;
	}

	public boolean isBootable() {
		return this.bootable;
	}

	public String getVolumeTypeId() {
		return this.volumeTypeId;
	}

	/** The volume's type, {@code null} only for a volume read before its row was saved. */
	public VolumeType getVolumeType() {
		return this.volumeType;
	}

	public void setVolumeTypeId(String volumeTypeId) {
		this.volumeTypeId = volumeTypeId;
	}

	public String getSourceVolid() {
		return this.sourceVolid;
	}

	public void setSourceVolid(String sourceVolid) {
		this.sourceVolid = sourceVolid;
	}

	/** Cinder's admin metadata {@code readonly}: {@code null} until {@code os-update_readonly_flag} set it. */
	public Boolean getReadonly() {
		return this.readonly;
	}

	public void setReadonly(boolean readonly, Instant now) {
		this.readonly = readonly;
		touch(now);
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

	/** What the volume tells of the image it was made from (Cinder's {@code volume_image_metadata}), a copy. */
	public Map<String, String> getImageMetadata() {
		return new TreeMap<>(this.imageMetadata);
	}

	public void setImageMetadata(Map<String, String> imageMetadata) {
		this.imageMetadata.clear();
		this.imageMetadata.putAll(imageMetadata);
	}

	public void setName(String name, Instant now) {
		this.name = name;
		touch(now);
	}

	public void setDescription(String description, Instant now) {
		this.description = description;
		touch(now);
	}

	public void setBootable(boolean bootable, Instant now) {
		this.bootable = bootable;
		touch(now);
	}

	/**
	 * The row's new status and why (cut to what the column holds), at {@code now};
	 * {@code deleted} also deletes the row softly.
	 */
	public void setStatus(VolumeStatus status, String reason, Instant now) {
		this.status = status.value();
		this.statusReason = StatusReason.bounded(reason);
		touch(now);
		if (status == VolumeStatus.DELETED) {
			markDeleted(DELETED, now);
		}
	}

	public void setSizeGb(int sizeGb) {
		this.sizeGb = sizeGb;
	}

	public void attach(String attachmentId, String server, String host, String device, Instant at) {
		this.attachmentId = attachmentId;
		this.attachedServer = server;
		this.attachedHost = host;
		this.attachedDevice = device;
		this.attachedAt = at;
	}

	/** The attachment's server now runs on {@code host} (it moved): the rest of the attachment stays. */
	public void moveAttachment(String host) {
		this.attachedHost = host;
	}

	public void detach() {
		attach(null, null, null, null, null);
	}

}
