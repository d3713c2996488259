package dev.novaboot.compute.manager;

/**
 * An attachment that cannot be made as asked: the volume is already attached, or the
 * device name is invalid, taken or none is left.
 */
public class InvalidVolumeAttachmentException extends RuntimeException {

	public InvalidVolumeAttachmentException(String message) {
		super(message);
	}

}
