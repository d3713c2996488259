package dev.novaboot.volume.driver;

/**
 * The storage behind a volume the database knows is gone (a deleted file, a removed
 * logical volume).
 */
public class VolumeBackingMissingException extends RuntimeException {

	public VolumeBackingMissingException(String message) {
		super(message);
	}

}
