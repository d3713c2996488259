package dev.novaboot.compute.manager;

/**
 * A detach named a volume that is not attached to the instance.
 */
public class VolumeNotAttachedException extends RuntimeException {

	public VolumeNotAttachedException(String volumeId, String instanceUuid) {
		super("Volume " + volumeId + " is not attached to instance " + instanceUuid + ".");
	}

}
