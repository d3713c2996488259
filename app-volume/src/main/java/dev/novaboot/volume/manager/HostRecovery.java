package dev.novaboot.volume.manager;

import dev.novaboot.volume.driver.BackingName;
import dev.novaboot.volume.driver.VolumeDriver;
import dev.novaboot.volume.store.Snapshot;
import dev.novaboot.volume.store.SnapshotRepository;
import dev.novaboot.volume.store.SnapshotStatus;
import dev.novaboot.volume.store.Volume;
import dev.novaboot.volume.store.VolumeRepository;
import dev.novaboot.volume.store.VolumeStatus;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.stereotype.Component;

/**
 * What {@code initHost()} does after a crash or restart: no volume or snapshot of this
 * host stays in a transitional status, and volumes in use get their exports back.
 * <ul>
 * <li>{@code creating}: the driver may have left half a volume: {@code error};</li>
 * <li>{@code deleting}: deleted again (deleting is idempotent);</li>
 * <li>{@code extending}: {@code error_extending} (the new size is not known);</li>
 * <li>{@code attaching}: back to {@code available}; {@code detaching}: back to
 * {@code in-use}, as Cinder's reserve and detach roll back;</li>
 * <li>{@code available}, {@code in-use}: the export is re-established; a volume whose
 * storage is gone goes to {@code error}.</li>
 * </ul>
 */
@Component
class HostRecovery {

	private static final Log logger = LogFactory.getLog(HostRecovery.class);

	private final VolumeRepository volumes;

	private final SnapshotRepository snapshots;

	private final VolumeTransactions store;

	private final DriverTasks tasks;

	private final VolumeDriver driver;

	HostRecovery(VolumeRepository volumes, SnapshotRepository snapshots, VolumeTransactions store, DriverTasks tasks,
			VolumeDriver driver) {
		this.volumes = volumes;
		this.snapshots = snapshots;
		this.store = store;
		this.tasks = tasks;
		this.driver = driver;
	}

	void recover(String host) {
		for (Snapshot snapshot : this.snapshots.findLiveByHost(host)) {
			switch (snapshot.getStatus()) {
				case CREATING -> this.store.finishSnapshot(snapshot.getId(), SnapshotStatus.ERROR,
						"Host " + host + " restarted while creating the snapshot");
				case DELETING -> this.tasks.deleteSnapshot(snapshot);
				default -> {
				}
			}
		}
		for (Volume volume : this.volumes.findLiveByHost(host)) {
			recover(host, volume);
		}
	}

	private void recover(String host, Volume volume) {
		String id = volume.getId();
		switch (volume.getStatus()) {
			case CREATING -> finish(id, VolumeStatus.ERROR, "Host " + host + " restarted while creating the volume");
			case DELETING -> this.tasks.delete(volume);
			case EXTENDING -> finish(id, VolumeStatus.ERROR_EXTENDING,
					"Host " + host + " restarted while extending the volume");
			case ATTACHING -> finish(id, VolumeStatus.AVAILABLE, null);
			case DETACHING -> finish(id, VolumeStatus.IN_USE, null);
			// Cinder's init_host: back to what its attachment says; the unfinished upload
			// was never published, and its hidden file is no image
			case UPLOADING -> finish(id, (volume.getAttachmentId() != null) ? VolumeStatus.IN_USE
					: VolumeStatus.AVAILABLE, null);
			case AVAILABLE, IN_USE -> ensureExport(volume);
			default -> {
			}
		}
	}

	private void ensureExport(Volume volume) {
		try {
			this.driver.ensureExport(BackingName.volume(volume.getId()));
		}
		catch (RuntimeException ex) {
			logger.warn("Volume " + volume.getId() + " cannot be exported again: " + ex.getMessage());
			finish(volume.getId(), VolumeStatus.ERROR, DriverTasks.reason("re-establish the export", ex));
		}
	}

	private void finish(String id, VolumeStatus status, String reason) {
		logger.info("Volume " + id + " recovered to " + status.value() + ((reason != null) ? ": " + reason : ""));
		this.store.finish(id, status, reason, (volume) -> {
		});
	}

}
