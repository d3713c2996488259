package dev.novaboot.volume.driver;

import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.boot.health.contributor.Health;

/**
 * Volumes kept in memory only, for tests and demos: it remembers which volumes and
 * snapshots exist and their sizes, and which image a volume was made from, and can be
 * told to fail an operation, so that tests see what the manager does with a broken
 * backend. A volume uploaded as an image leaves the store's file as it was given, empty:
 * there is no data to write.
 */
public class FakeVolumeDriver implements VolumeDriver {

	/** The operations a test can make fail. */
	public enum Operation {

		CREATE, CREATE_FROM_SNAPSHOT, CLONE, CREATE_FROM_IMAGE, UPLOAD_TO_IMAGE, EXTEND, DELETE, SNAPSHOT, DELETE_SNAPSHOT,
		ENSURE_EXPORT

	}

	private final long totalGb;

	private final Map<String, Integer> volumes = new ConcurrentHashMap<>();

	private final Map<String, Integer> snapshots = new ConcurrentHashMap<>();

	private final Set<Operation> failing = ConcurrentHashMap.newKeySet();

	private final Map<String, Path> imagesOfVolumes = new ConcurrentHashMap<>();

	public FakeVolumeDriver(long totalGb) {
		this.totalGb = totalGb;
	}

	@Override
	public String name() {
		return "fake";
	}

	@Override
	public boolean createsInstantly() {
		return true;
	}

	@Override
	public boolean deletesInstantly() {
		return true;
	}

	@Override
	public void createVolume(String name, int sizeGb) {
		check(Operation.CREATE, name);
		this.volumes.put(BackingName.check(name), sizeGb);
	}

	@Override
	public void createVolumeFromSnapshot(String name, int sizeGb, String snapshotName, int snapshotSizeGb) {
		check(Operation.CREATE_FROM_SNAPSHOT, name);
		if (!this.snapshots.containsKey(snapshotName)) {
			throw new VolumeBackingMissingException("Snapshot " + snapshotName + " does not exist");
		}
		this.volumes.put(BackingName.check(name), sizeGb);
	}

	@Override
	public void createCloneVolume(String name, int sizeGb, String sourceName, int sourceSizeGb) {
		check(Operation.CLONE, name);
		if (!this.volumes.containsKey(sourceName)) {
			throw new VolumeBackingMissingException("Volume " + sourceName + " does not exist");
		}
		this.volumes.put(BackingName.check(name), sizeGb);
	}

	@Override
	public void createVolumeFromImage(String name, int sizeGb, Path image) {
		check(Operation.CREATE_FROM_IMAGE, name);
		this.volumes.put(BackingName.check(name), sizeGb);
		this.imagesOfVolumes.put(name, image);
	}

	@Override
	public void copyVolumeToImage(String name, Path image, String diskFormat) {
		check(Operation.UPLOAD_TO_IMAGE, name);
		if (!this.volumes.containsKey(name)) {
			throw new VolumeBackingMissingException("Volume " + name + " does not exist");
		}
	}

	@Override
	public void extendVolume(String name, int newSizeGb) {
		check(Operation.EXTEND, name);
		if (this.volumes.replace(name, newSizeGb) == null) {
			throw new VolumeBackingMissingException("Volume " + name + " does not exist");
		}
	}

	@Override
	public void deleteVolume(String name) {
		check(Operation.DELETE, name);
		this.volumes.remove(name);
		this.imagesOfVolumes.remove(name);
	}

	@Override
	public void createSnapshot(String snapshotName, String volumeName, int sizeGb) {
		check(Operation.SNAPSHOT, snapshotName);
		if (!this.volumes.containsKey(volumeName)) {
			throw new VolumeBackingMissingException("Volume " + volumeName + " does not exist");
		}
		this.snapshots.put(BackingName.check(snapshotName), sizeGb);
	}

	@Override
	public void deleteSnapshot(String snapshotName) {
		check(Operation.DELETE_SNAPSHOT, snapshotName);
		this.snapshots.remove(snapshotName);
	}

	@Override
	public void ensureExport(String name) {
		check(Operation.ENSURE_EXPORT, name);
		if (!this.volumes.containsKey(name)) {
			throw new VolumeBackingMissingException("Volume " + name + " does not exist");
		}
	}

	@Override
	public Connection initializeConnection(String name) {
		ensureExport(name);
		return new Connection("fake", "fake:" + name);
	}

	@Override
	public Capacity capacity() {
		long used = this.volumes.values().stream().mapToLong(Integer::longValue).sum()
				+ this.snapshots.values().stream().mapToLong(Integer::longValue).sum();
		return new Capacity(this.totalGb, Math.max(0, this.totalGb - used));
	}

	@Override
	public Health health() {
		return Health.up().withDetail("volumes", this.volumes.size()).withDetail("snapshots", this.snapshots.size()).build();
	}

	/** Makes every later {@code operation} fail until {@link #heal()}. */
	public void fail(Operation operation) {
		this.failing.add(operation);
	}

	public void heal() {
		this.failing.clear();
	}

	public boolean hasVolume(String name) {
		return this.volumes.containsKey(name);
	}

	public Integer volumeSize(String name) {
		return this.volumes.get(name);
	}

	/** The image a volume was made from, {@code null} if none. */
	public Path imageOf(String name) {
		return this.imagesOfVolumes.get(name);
	}

	public boolean hasSnapshot(String name) {
		return this.snapshots.containsKey(name);
	}

	/** Forgets a volume, as if its storage had been lost. */
	public void lose(String name) {
		this.volumes.remove(name);
	}

	private void check(Operation operation, String name) {
		if (this.failing.contains(operation)) {
			throw new VolumeDriverException("Fake driver told to fail " + operation + " (" + name + ")");
		}
	}

}
