package dev.novaboot.volume.api;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import dev.novaboot.service.context.RequestContext;
import dev.novaboot.service.rpc.api.VolumeInfo;

/**
 * A volume as Cinder's {@code GET /v3/{project_id}/volumes/{id}} shows it (microversion
 * 3.0), plus {@code status_reason}: why the volume is in an error status. The host and
 * tenant attributes appear for admins only, as Cinder's default policy has it.
 */
record VolumeView(String id, String name, String description, int size, String status,
		@JsonProperty("status_reason") String statusReason,
		@JsonProperty("availability_zone") String availabilityZone, @JsonProperty("created_at") String createdAt,
		@JsonProperty("updated_at") String updatedAt, List<Attachment> attachments, String bootable,
		boolean encrypted, boolean multiattach, Map<String, String> metadata,
		@JsonProperty("snapshot_id") String snapshotId, @JsonProperty("source_volid") String sourceVolid,
		@JsonProperty("volume_type") String volumeType, @JsonProperty("user_id") String userId,
		@JsonProperty("consistencygroup_id") String consistencygroupId,
		@JsonProperty("replication_status") String replicationStatus,
		@JsonProperty("migration_status") String migrationStatus, List<Link> links,
		@JsonInclude(JsonInclude.Include.NON_NULL) @JsonProperty("os-vol-host-attr:host") String host,
		@JsonInclude(JsonInclude.Include.NON_NULL) @JsonProperty("os-vol-tenant-attr:tenant_id") String tenantId) {

	static final String DEFAULT_TYPE = "__DEFAULT__";

	static VolumeView of(VolumeInfo volume, RequestContext context) {
		List<Attachment> attachments = (volume.attachment() != null) ? List.of(Attachment.of(volume)) : List.of();
		boolean admin = context.isAdmin();
		return new VolumeView(volume.id(), volume.name(), volume.description(), volume.sizeGb(), volume.status(),
				volume.statusReason(), volume.availabilityZone(), ApiTime.format(volume.createdAt()),
				ApiTime.format(volume.updatedAt()), attachments, "false", false, false, Map.of(), volume.snapshotId(),
				null, DEFAULT_TYPE, volume.userId(), null, null, null, Link.of(volume.projectId(), "volumes", volume.id()),
				admin ? String.valueOf(volume.host()) : null, admin ? volume.projectId() : null);
	}

	/** The short form of {@code GET /v3/{project_id}/volumes}. */
	record Summary(String id, String name, List<Link> links) {

		static Summary of(VolumeInfo volume) {
			return new Summary(volume.id(), volume.name(), Link.of(volume.projectId(), "volumes", volume.id()));
		}

	}

	record Attachment(String id, @JsonProperty("attachment_id") String attachmentId,
			@JsonProperty("volume_id") String volumeId, @JsonProperty("server_id") String serverId,
			@JsonProperty("host_name") String hostName, String device, @JsonProperty("attached_at") String attachedAt) {

		static Attachment of(VolumeInfo volume) {
			VolumeInfo.VolumeAttachment attachment = volume.attachment();
			return new Attachment(attachment.id(), attachment.id(), volume.id(), attachment.serverId(),
					attachment.hostName(), attachment.device(), ApiTime.format(attachment.attachedAt()));
		}

	}

}
