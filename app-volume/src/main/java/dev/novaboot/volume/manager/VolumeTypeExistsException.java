package dev.novaboot.volume.manager;

/** A volume type of that name exists already (Cinder's {@code VolumeTypeExists}, a 409). */
public class VolumeTypeExistsException extends RuntimeException {

	public VolumeTypeExistsException(String name) {
		super("Volume Type " + name + " already exists.");
	}

}
