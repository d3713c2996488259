package dev.novaboot.volume.manager;

import java.nio.file.Path;
import java.time.Instant;

import dev.novaboot.service.image.ImageStore;
import dev.novaboot.service.image.StoredImage;
import dev.novaboot.volume.driver.BackingName;
import dev.novaboot.volume.driver.VolumeDriver;
import dev.novaboot.volume.store.Snapshot;
import dev.novaboot.volume.store.SnapshotStatus;
import dev.novaboot.volume.store.Volume;
import dev.novaboot.volume.store.VolumeStatus;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.stereotype.Component;

/**
 * The second half of every operation that needs the driver: runs the driver on a volume
 * or snapshot already in its transitional status and records how it ended. It never
 * throws for a driver failure: the failure becomes an error status with the driver's
 * message as the reason, so that nothing stays transitional.
 */
@Component
class DriverTasks {

	private static final Log logger = LogFactory.getLog(DriverTasks.class);

	private final VolumeDriver driver;

	private final VolumeTransactions store;

	private final VolumeImages images;

	DriverTasks(VolumeDriver driver, VolumeTransactions store, VolumeImages images) {
		this.driver = driver;
		this.store = store;
		this.images = images;
	}

	Volume create(Volume volume, Snapshot source, Volume sourceVolume, StoredImage image) {
		String name = BackingName.volume(volume.getId());
		try {
			if (image != null) {
				this.driver.createVolumeFromImage(name, volume.getSizeGb(), image.path());
				// Cinder's enable_bootable_flag and _capture_volume_image_metadata
				return this.store.finish(volume.getId(), VolumeStatus.AVAILABLE, null, (v) -> {
					v.setBootable(true, v.getUpdatedAt());
					v.setImageMetadata(VolumeImages.metadataOf(image));
				});
			}
			if (sourceVolume != null) {
				this.driver.createCloneVolume(name, volume.getSizeGb(), BackingName.volume(sourceVolume.getId()),
						sourceVolume.getSizeGb());
			}
			else if (source == null) {
				this.driver.createVolume(name, volume.getSizeGb());
			}
			else {
				this.driver.createVolumeFromSnapshot(name, volume.getSizeGb(), BackingName.snapshot(source.getId()),
						source.getSizeGb());
			}
			return this.store.finish(volume.getId(), VolumeStatus.AVAILABLE, null, (v) -> {
			});
		}
		catch (RuntimeException ex) {
			return failed(volume, VolumeStatus.ERROR, "create", ex);
		}
	}

	/**
	 * Writes an {@code uploading} volume to a new image of the store, published only when
	 * complete, and returns the volume to what its attachment says (Cinder's
	 * {@code volume_update_status_based_on_attachment}), whether the upload worked or not.
	 */
	Upload upload(Volume volume, String imageName, String diskFormat) {
		ImageStore images = this.images.store();
		Path partial = null;
		boolean uploaded = false;
		try {
			partial = images.newUpload();
			this.driver.copyVolumeToImage(BackingName.volume(volume.getId()), partial, diskFormat);
			images.publish(partial, imageName);
			uploaded = true;
		}
		catch (RuntimeException ex) {
			logger.warn("Volume " + volume.getId() + ": upload to image " + imageName + " failed: " + ex.getMessage(),
					ex);
			discardQuietly(images, partial);
		}
		VolumeStatus next = (volume.getAttachmentId() != null) ? VolumeStatus.IN_USE : VolumeStatus.AVAILABLE;
		return new Upload(this.store.finish(volume.getId(), next, null, (v) -> {
		}), uploaded);
	}

	private static void discardQuietly(ImageStore images, Path partial) {
		if (partial == null) {
			return;
		}
		try {
			images.discard(partial);
		}
		catch (RuntimeException ex) {
			logger.warn("Cannot remove the unfinished upload " + partial + ": " + ex.getMessage());
		}
	}

	/** How an upload ended: the volume, back in its status, and whether the image was made. */
	record Upload(Volume volume, boolean uploaded) {
	}

	Volume delete(Volume volume) {
		try {
			// a volume that failed before reaching a host has no storage to remove
			if (volume.getHost() != null) {
				this.driver.deleteVolume(BackingName.volume(volume.getId()));
			}
			return this.store.finish(volume.getId(), VolumeStatus.DELETED, null, (v) -> {
			});
		}
		catch (RuntimeException ex) {
			return failed(volume, VolumeStatus.ERROR_DELETING, "delete", ex);
		}
	}

	Volume extend(Volume volume, int newSizeGb) {
		try {
			this.driver.extendVolume(BackingName.volume(volume.getId()), newSizeGb);
			return this.store.finish(volume.getId(), VolumeStatus.AVAILABLE, null, (v) -> v.setSizeGb(newSizeGb));
		}
		catch (RuntimeException ex) {
			return failed(volume, VolumeStatus.ERROR_EXTENDING, "extend", ex);
		}
	}

	Snapshot snapshot(Snapshot snapshot) {
		try {
			this.driver.createSnapshot(BackingName.snapshot(snapshot.getId()), BackingName.volume(snapshot.getVolumeId()),
					snapshot.getSizeGb());
			return this.store.finishSnapshot(snapshot.getId(), SnapshotStatus.AVAILABLE, null);
		}
		catch (RuntimeException ex) {
			logger.warn("Snapshot " + snapshot.getId() + " failed: " + ex.getMessage(), ex);
			return this.store.finishSnapshot(snapshot.getId(), SnapshotStatus.ERROR, reason("create snapshot", ex));
		}
	}

	Snapshot deleteSnapshot(Snapshot snapshot) {
		try {
			this.driver.deleteSnapshot(BackingName.snapshot(snapshot.getId()));
			return this.store.finishSnapshot(snapshot.getId(), SnapshotStatus.DELETED, null);
		}
		catch (RuntimeException ex) {
			logger.warn("Deleting snapshot " + snapshot.getId() + " failed: " + ex.getMessage(), ex);
			return this.store.finishSnapshot(snapshot.getId(), SnapshotStatus.ERROR_DELETING,
					reason("delete snapshot", ex));
		}
	}

	/**
	 * An empty volume's create by a driver that {@link VolumeDriver#createsInstantly() creates
	 * instantly}, inside the transaction that records it: the volume becomes
	 * {@code available}, or {@code error} with the reason, as {@link #create} leaves it.
	 */
	void createWhileRecording(Volume volume, Instant now) {
		try {
			this.driver.createVolume(BackingName.volume(volume.getId()), volume.getSizeGb());
			volume.setStatus(VolumeStatus.AVAILABLE, null, now);
		}
		catch (RuntimeException ex) {
			logger.warn("Volume " + volume.getId() + ": create failed: " + ex.getMessage(), ex);
			volume.setStatus(VolumeStatus.ERROR, reason("create", ex), now);
		}
	}

	/**
	 * A delete by a driver that {@link VolumeDriver#deletesInstantly() deletes instantly},
	 * inside the transaction that has just moved the volume to {@code deleting}: the volume
	 * becomes {@code deleted}, or {@code error_deleting} with the reason, as {@link #delete}
	 * leaves it.
	 */
	void deleteWhileRecording(Volume volume, Instant now) {
		try {
			// a volume that failed before reaching a host has no storage to remove
			if (volume.getHost() != null) {
				this.driver.deleteVolume(BackingName.volume(volume.getId()));
			}
			volume.setStatus(VolumeStatus.DELETED, null, now);
		}
		catch (RuntimeException ex) {
			logger.warn("Volume " + volume.getId() + ": delete failed: " + ex.getMessage(), ex);
			volume.setStatus(VolumeStatus.ERROR_DELETING, reason("delete", ex), now);
		}
	}

	/** Whether {@link #deleteWhileRecording} serves a delete on this host. */
	boolean deletesWhileRecording() {
		return this.driver.deletesInstantly();
	}

	/** Whether {@link #createWhileRecording} serves an empty volume on this host. */
	boolean createsWhileRecording() {
		return this.driver.createsInstantly();
	}

	private Volume failed(Volume volume, VolumeStatus status, String what, RuntimeException ex) {
		logger.warn("Volume " + volume.getId() + ": " + what + " failed: " + ex.getMessage(), ex);
		return this.store.finish(volume.getId(), status, reason(what, ex), (v) -> {
		});
	}

	/** The status reason of a failure; the entity cuts it to what its column holds. */
	static String reason(String what, Throwable ex) {
		return "Failed to " + what + ": " + ex.getMessage();
	}

}
