package dev.novaboot.compute.store;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A row of {@code volume_attachments}: a volume attached to an instance at a device, with
 * the connection info needed to detach it again.
 */
@Entity
@Table(name = "volume_attachments")
public class VolumeAttachmentRecord {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(name = "instance_uuid")
	private String instanceUuid;

	@Column(name = "volume_id")
	private String volumeId;

	private String device;

	@Column(name = "connection_info", length = 4000)
	private String connectionInfo;

	@Column(name = "created_at")
	private Instant createdAt;

	protected VolumeAttachmentRecord() {
	}

	public VolumeAttachmentRecord(String instanceUuid, String volumeId, String device, String connectionInfo,
			Instant createdAt) {
		this.instanceUuid = instanceUuid;
		this.volumeId = volumeId;
		this.device = device;
		this.connectionInfo = connectionInfo;
		this.createdAt = createdAt;
	}

	public String getInstanceUuid() {
		return this.instanceUuid;
	}

	public String getVolumeId() {
		return this.volumeId;
	}

	public String getDevice() {
		return this.device;
	}

	public Long getId() {
		return this.id;
	}

	public String getConnectionInfo() {
		return this.connectionInfo;
	}

	/** The connection on the host the instance moved to. */
	public void setConnectionInfo(String connectionInfo) {
		this.connectionInfo = connectionInfo;
	}

}
