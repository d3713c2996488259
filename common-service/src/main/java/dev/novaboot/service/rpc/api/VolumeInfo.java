package dev.novaboot.service.rpc.api;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A volume as the volume host reports it.
 *
 * @param id the volume's uuid
 * @param projectId the project that owns it
 * @param userId the user who created it
 * @param host the volume host that holds it
 * @param availabilityZone its zone
 * @param sizeGb its size in GiB
 * @param status Cinder's status: {@code creating}, {@code available}, {@code attaching},
 * {@code in-use}, {@code detaching}, {@code extending}, {@code deleting}, {@code error},
 * {@code error_deleting}, {@code error_extending} (or {@code deleted})
 * @param statusReason why the volume is in an error status, else {@code null}
 * @param name display name
 * @param description description
 * @param snapshotId the snapshot it was created from
 * @param attachment the attachment, or {@code null}
 * @param createdAt creation time
 * @param updatedAt last change
 */
public record VolumeInfo(String id, @JsonProperty("project_id") String projectId,
		@JsonProperty("user_id") String userId, String host,
		@JsonProperty("availability_zone") String availabilityZone, @JsonProperty("size") int sizeGb,
		String status, @JsonProperty("status_reason") String statusReason, String name, String description,
		@JsonProperty("snapshot_id") String snapshotId, VolumeAttachment attachment,
		@JsonProperty("created_at") Instant createdAt, @JsonProperty("updated_at") Instant updatedAt) {

	/**
	 * Where a volume is attached.
	 *
	 * @param id the attachment's uuid
	 * @param serverId the instance's uuid
	 * @param hostName the compute host
	 * @param device the device name inside the instance, such as {@code /dev/vdb}
	 * @param attachedAt when it was attached
	 */
	public record VolumeAttachment(String id, @JsonProperty("server_id") String serverId,
			@JsonProperty("host_name") String hostName, String device,
			@JsonProperty("attached_at") Instant attachedAt) {
	}

}
