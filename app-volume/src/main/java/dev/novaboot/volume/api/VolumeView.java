package dev.novaboot.volume.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.novaboot.service.context.RequestContext;
import dev.novaboot.service.rpc.api.VolumeInfo;
import dev.novaboot.volume.manager.VolumeDetails;

/**
 * A volume as Cinder's view builder ({@code cinder/api/v3/views/volumes.py}) shows it at
 * the microversions served (3.0 to {@link VolumeMicroversions#MAX}: none of them adds a field),
 * key for key and no more. A map, because which keys appear depends on the caller and the
 * request, as in Cinder: {@code migration_status} and an attachment's {@code host_name}
 * are for admins; the extension attributes ({@code os-vol-tenant-attr:tenant_id} for
 * everyone who sees the volume, {@code os-vol-host-attr:host} and
 * {@code os-vol-mig-status-attr:*} for admins) are added by show and detail only, not to
 * the answer of a create.
 */
final class VolumeView {

	private VolumeView() {
	}

	/** The volume of {@code GET /volumes/{id}} and of {@code GET /volumes/detail}. */
	static Map<String, Object> shown(VolumeDetails volume, RequestContext context) {
		Map<String, Object> view = detail(volume, context);
		VolumeInfo info = volume.info();
		// the extensions' policies: tenant for project readers, host and migration for admins
		view.put("os-vol-tenant-attr:tenant_id", info.projectId());
		// Cinder's volume_image_metadata extension: only a volume made from an image has it
		if (!volume.imageMetadata().isEmpty()) {
			view.put("volume_image_metadata", volume.imageMetadata());
		}
		if (context.isAdmin()) {
			view.put("os-vol-host-attr:host", volume.hostAtBackend());
			view.put("os-vol-mig-status-attr:migstat", null);
			view.put("os-vol-mig-status-attr:name_id", null);
		}
		return view;
	}

	/** The short form of {@code GET /volumes}. */
	static Map<String, Object> summary(VolumeDetails volume) {
		Map<String, Object> view = new LinkedHashMap<>();
		view.put("id", volume.info().id());
		view.put("name", volume.info().name());
		view.put("links", Link.of(volume.info().projectId(), "volumes", volume.info().id()));
		return view;
	}

	/**
	 * Cinder's detail view without the extension attributes: the answer of a create
	 * ({@code POST /volumes}) and of an update ({@code PUT /volumes/{id}}).
	 */
	static Map<String, Object> detail(VolumeDetails volume, RequestContext context) {
		VolumeInfo info = volume.info();
		Map<String, Object> view = new LinkedHashMap<>();
		view.put("id", info.id());
		view.put("status", info.status());
		view.put("size", info.sizeGb());
		view.put("availability_zone", info.availabilityZone());
		view.put("created_at", ApiTime.format(info.createdAt()));
		view.put("updated_at", ApiTime.format(info.updatedAt()));
		view.put("name", info.name());
		view.put("description", info.description());
		view.put("volume_type", volume.volumeType());
		view.put("snapshot_id", info.snapshotId());
		view.put("source_volid", volume.sourceVolid());
		view.put("metadata", volume.shownMetadata());
		view.put("links", Link.of(info.projectId(), "volumes", info.id()));
		view.put("user_id", info.userId());
		view.put("bootable", String.valueOf(volume.bootable()));
		view.put("encrypted", false);
		// what Cinder's create flow records for a volume of a type without replication
		view.put("replication_status", "disabled");
		view.put("consistencygroup_id", null);
		view.put("multiattach", false);
		view.put("attachments", (info.attachment() != null) ? List.of(attachment(info, context)) : List.of());
		if (context.isAdmin()) {
			view.put("migration_status", null);
		}
		return view;
	}

	/**
	 * Cinder's attachment entry: its {@code id} is the volume's id (the attachment's own
	 * is {@code attachment_id}), and the compute host is told to admins only.
	 */
	private static Map<String, Object> attachment(VolumeInfo volume, RequestContext context) {
		VolumeInfo.VolumeAttachment attachment = volume.attachment();
		Map<String, Object> view = new LinkedHashMap<>();
		view.put("id", volume.id());
		view.put("attachment_id", attachment.id());
		view.put("volume_id", volume.id());
		view.put("server_id", attachment.serverId());
		view.put("host_name", context.isAdmin() ? attachment.hostName() : null);
		view.put("device", attachment.device());
		view.put("attached_at", ApiTime.format(attachment.attachedAt()));
		return view;
	}

}
