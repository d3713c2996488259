package dev.novaboot.volume.rpc;

/**
 * The volume host that holds a volume cannot be reached now; answered with 503.
 */
public class VolumeHostUnavailableException extends RuntimeException {

	public VolumeHostUnavailableException(String message) {
		super(message);
	}

}
