package dev.novaboot.volume.manager;

import dev.novaboot.service.api.NotFoundException;

/**
 * No such volume or snapshot, or none the caller's project may see (another project's
 * volume is indistinguishable from a missing one).
 */
public class VolumeNotFoundException extends NotFoundException {

	public VolumeNotFoundException(String message) {
		super(message);
	}

	static VolumeNotFoundException volume(String id) {
		return new VolumeNotFoundException("Volume " + id + " could not be found.");
	}

	static VolumeNotFoundException volumeMetadata(String id, String key) {
		return new VolumeNotFoundException("Volume " + id + " has no metadata with key " + key + ".");
	}

	static VolumeNotFoundException snapshotMetadata(String id, String key) {
		return new VolumeNotFoundException("Snapshot " + id + " has no metadata with key " + key + ".");
	}

	static VolumeNotFoundException snapshot(String id) {
		return new VolumeNotFoundException("Snapshot " + id + " could not be found.");
	}

}
