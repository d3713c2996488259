package dev.novaboot.volume.driver;

/**
 * A driver operation failed; the message says what the driver tried and why it failed,
 * and becomes the volume's status reason.
 */
public class VolumeDriverException extends RuntimeException {

	public VolumeDriverException(String message, Throwable cause) {
		super(message, cause);
	}

	public VolumeDriverException(String message) {
		super(message);
	}

}
