package dev.novaboot.volume.manager;

import dev.novaboot.service.api.BadRequestException;

/** A quota limit an administrator may not set (Cinder answers these with a plain 400). */
public class InvalidQuotaException extends BadRequestException {

	public InvalidQuotaException(String message) {
		super(message);
	}

}
