package dev.novaboot.volume.manager;

import dev.novaboot.service.api.BadRequestException;

/**
 * The volume (or snapshot) is not in a state that allows what the caller asked (Cinder's
 * {@code InvalidVolume}, a 400); nothing was changed.
 */
public class InvalidVolumeException extends BadRequestException {

	public InvalidVolumeException(String message) {
		super(message);
	}

}
