package dev.novaboot.volume.driver;

import java.nio.file.Path;

import dev.novaboot.service.driver.Driver;
import dev.novaboot.service.driver.SelectedBy;

/**
 * How volumes are stored on this host (the seed's {@code VolumeDriver}). Drivers get
 * plain values (backing names chosen by the manager, sizes in GiB), never entities, and
 * keep no record of their own: the manager's rows are the truth, the driver's storage
 * follows them.
 * <p>
 * Names are {@link BackingName validated} before any of them reaches a command line.
 */
@SelectedBy(property = "nova.volume.driver", choices = VolumeDriver.Choice.class)
public interface VolumeDriver extends Driver {

	/**
	 * Prepares this host for the driver and checks it is usable (Nova's {@code do_setup}
	 * and {@code check_for_setup_error}); an exception means the host cannot serve
	 * volumes.
	 */
	default void doSetup() {
	}

	/**
	 * Whether an empty volume's {@link #createVolume} returns at once and touches nothing
	 * outside this process (bookkeeping only). Such a create may run inside the
	 * transaction that records the volume, which then needs no second one to make it
	 * {@code available}; any other driver's work happens between transactions, never in one
	 * (the project's quota row is locked in the recording transaction).
	 */
	default boolean createsInstantly() {
		return false;
	}

	/**
	 * Whether {@link #deleteVolume} returns at once and touches nothing outside this
	 * process, as {@link #createsInstantly()} for a create: such a delete may run inside
	 * the transaction that moves the volume out of {@code available}, which then records
	 * it {@code deleted} (or {@code error_deleting}) without a second transaction.
	 */
	default boolean deletesInstantly() {
		return false;
	}

	/** Creates an empty volume of {@code sizeGb} GiB. */
	void createVolume(String name, int sizeGb);

	/** Creates a volume of {@code sizeGb} GiB holding the data of a snapshot of this host. */
	void createVolumeFromSnapshot(String name, int sizeGb, String snapshotName, int snapshotSizeGb);

	/**
	 * Creates a volume of {@code sizeGb} GiB holding the data of another volume of this
	 * host, {@code sourceName} of {@code sourceSizeGb} GiB (Cinder's
	 * {@code create_cloned_volume}).
	 */
	void createCloneVolume(String name, int sizeGb, String sourceName, int sourceSizeGb);

	/**
	 * Creates a volume of {@code sizeGb} GiB holding the disk of an image (Cinder's
	 * {@code copy_image_to_volume}): the image's data written as raw data, whatever the
	 * image's format ({@code qcow2} or {@code raw}, as the image itself tells). An image
	 * that does not fit, or is no plain image of those formats, fails the create.
	 */
	void createVolumeFromImage(String name, int sizeGb, Path image);

	/**
	 * Writes a volume's data to {@code image}, an existing empty file of the image store,
	 * in {@code diskFormat} ({@code raw} or {@code qcow2}) (Cinder's
	 * {@code copy_volume_to_image}).
	 */
	void copyVolumeToImage(String name, Path image, String diskFormat);

	/** Grows a volume to {@code newSizeGb} GiB, keeping its data. */
	void extendVolume(String name, int newSizeGb);

	/** Removes a volume; a volume that does not exist (any more) is not an error. */
	void deleteVolume(String name);

	/** Takes an independent point-in-time copy of a volume of {@code sizeGb} GiB. */
	void createSnapshot(String snapshotName, String volumeName, int sizeGb);

	/** Removes a snapshot; one that does not exist (any more) is not an error. */
	void deleteSnapshot(String snapshotName);

	/**
	 * Makes an existing volume reachable again after a restart (Cinder's
	 * {@code ensure_export}); throws {@link VolumeBackingMissingException} when its
	 * storage is gone.
	 */
	void ensureExport(String name);

	/** What a compute host needs to attach the volume. */
	Connection initializeConnection(String name);

	/** Withdraws what {@link #initializeConnection} set up. */
	default void terminateConnection(String name) {
	}

	/** This host's total and free space for volumes. */
	Capacity capacity();

	/**
	 * Where a volume's data is, for a compute host.
	 *
	 * @param driverVolumeType how to reach it, such as {@code local}
	 * @param devicePath the file or block device
	 */
	record Connection(String driverVolumeType, String devicePath) {
	}

	/**
	 * Space for volumes, in whole GiB (rounded down).
	 *
	 * @param totalGb the storage's size
	 * @param freeGb what is left for new volumes
	 */
	record Capacity(long totalGb, long freeGb) {
	}

	/** The values of {@code nova.volume.driver}. */
	enum Choice {

		/** Each volume a sparse file under {@code nova.volume.file.directory} (the default). */
		FILE,

		/** Each volume a logical volume in {@code nova.volume.lvm.volume-group}. */
		LVM,

		/** Volumes in memory only, for tests and demos. */
		FAKE

	}

}
