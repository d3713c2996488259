package dev.novaboot.volume.store;

import java.util.Arrays;

/**
 * Cinder's volume statuses, with the names the API shows.
 */
public enum VolumeStatus {

	CREATING("creating"), AVAILABLE("available"), ATTACHING("attaching"), IN_USE("in-use"),
	DETACHING("detaching"), EXTENDING("extending"), DELETING("deleting"), DELETED("deleted"), ERROR("error"),
	ERROR_DELETING("error_deleting"), ERROR_EXTENDING("error_extending"), UPLOADING("uploading");

	private final String value;

	VolumeStatus(String value) {
		this.value = value;
	}

	/** The name the API and the database use, such as {@code in-use}. */
	public String value() {
		return this.value;
	}

	public static VolumeStatus of(String value) {
		return Arrays.stream(values())
			.filter((status) -> status.value.equals(value))
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException("Unknown volume status '" + value + "'"));
	}

}
