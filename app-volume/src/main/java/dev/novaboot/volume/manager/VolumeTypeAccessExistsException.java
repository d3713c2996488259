package dev.novaboot.volume.manager;

/** A project already has access to a private volume type (Cinder's 409). */
public class VolumeTypeAccessExistsException extends RuntimeException {

	public VolumeTypeAccessExistsException(String typeId, String projectId) {
		super("Volume type access for " + typeId + " / " + projectId + " combination already exists.");
	}

}
