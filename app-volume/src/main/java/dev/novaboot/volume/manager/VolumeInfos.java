package dev.novaboot.volume.manager;

import dev.novaboot.service.rpc.api.SnapshotInfo;
import dev.novaboot.service.rpc.api.VolumeInfo.VolumeAttachment;
import dev.novaboot.service.rpc.api.VolumeInfo;
import dev.novaboot.volume.store.Snapshot;
import dev.novaboot.volume.store.Volume;
import dev.novaboot.volume.store.VolumeType;

/**
 * Rows as the RPC contract's records.
 */
public final class VolumeInfos {

	private VolumeInfos() {
	}

	public static VolumeInfo of(Volume volume) {
		VolumeAttachment attachment = (volume.getAttachmentId() != null)
				? new VolumeAttachment(volume.getAttachmentId(), volume.getAttachedServer(), volume.getAttachedHost(),
						volume.getAttachedDevice(), volume.getAttachedAt())
				: null;
		return new VolumeInfo(volume.getId(), volume.getProjectId(), volume.getUserId(), volume.getHost(),
				volume.getAvailabilityZone(), volume.getSizeGb(), volume.getStatus().value(), volume.getStatusReason(),
				volume.getName(), volume.getDescription(), volume.getSnapshotId(), attachment, volume.getCreatedAt(),
				volume.getUpdatedAt());
	}

	public static VolumeDetails details(Volume volume) {
		return new VolumeDetails(of(volume), volume.getBackend(), volume.isBootable(), volume.getMetadata(),
				volume.getSourceVolid(), volume.getReadonly(), typeName(volume), volume.getImageMetadata());
	}

	private static String typeName(Volume volume) {
		if (volume.getVolumeType() != null) {
			return volume.getVolumeType().getName();
		}
		// a row inserted in this transaction has not read its type
		return VolumeType.DEFAULT_ID.equals(volume.getVolumeTypeId()) ? VolumeType.DEFAULT_NAME : volume.getVolumeTypeId();
	}

	public static SnapshotDetails details(Snapshot snapshot) {
		return new SnapshotDetails(of(snapshot), snapshot.getMetadata());
	}

	public static SnapshotInfo of(Snapshot snapshot) {
		return new SnapshotInfo(snapshot.getId(), snapshot.getProjectId(), snapshot.getVolumeId(),
				snapshot.getSizeGb(), snapshot.getStatus().value(), snapshot.getStatusReason(), snapshot.getName(),
				snapshot.getDescription(), snapshot.getCreatedAt(), snapshot.getUpdatedAt());
	}

}
