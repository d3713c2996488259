package dev.novaboot.volume.api;

import dev.novaboot.service.api.Microversion;

/**
 * The Block Storage API microversions served, {@code 3.x}, and the versions that change
 * an answer. The versions themselves are the starter's {@link Microversion}.
 */
final class VolumeMicroversions {

	/** The oldest microversion served: 3.0 is the v2 API under {@code /v3}. */
	static final Microversion MIN = new Microversion(3, 0);

	/**
	 * The newest microversion served. 3.1 adds {@code visibility} and {@code protected} to
	 * {@code os-volume_upload_image}; 3.2 makes the volume list's
	 * {@code bootable} filter strict; 3.3 adds the messages API (docs/volume.md lists the
	 * table).
	 */
	static final Microversion MAX = new Microversion(3, 3);

	/** 3.1: {@code os-volume_upload_image} takes {@code visibility} and {@code protected} ({@code UPLOAD_IMAGE_PARAMS}). */
	static final Microversion UPLOAD_IMAGE_PARAMS = new Microversion(3, 1);

	/** 3.2: the volume list's {@code bootable} filter takes only true/false words ({@code VOLUME_LIST_BOOTABLE}). */
	static final Microversion VOLUME_LIST_BOOTABLE = new Microversion(3, 2);

	/** 3.3: the user messages API, {@code /messages} ({@code MESSAGES}). */
	static final Microversion MESSAGES = new Microversion(3, 3);

	private VolumeMicroversions() {
	}

	static boolean isServed(Microversion version) {
		return version.isAtLeast(MIN) && MAX.isAtLeast(version);
	}

}
