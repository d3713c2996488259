package dev.novaboot.volume.manager;

/**
 * A call reached the manager of a host that does not hold the volume: only the volume's
 * own host can touch its storage.
 */
public class WrongVolumeHostException extends RuntimeException {

	public WrongVolumeHostException(String message) {
		super(message);
	}

}
