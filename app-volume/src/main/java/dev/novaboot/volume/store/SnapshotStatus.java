package dev.novaboot.volume.store;

import java.util.Arrays;

/**
 * Cinder's snapshot statuses, with the names the API shows.
 */
public enum SnapshotStatus {

	CREATING("creating"), AVAILABLE("available"), DELETING("deleting"), DELETED("deleted"), ERROR("error"),
	ERROR_DELETING("error_deleting");

	private final String value;

	SnapshotStatus(String value) {
		this.value = value;
	}

	public String value() {
		return this.value;
	}

	public static SnapshotStatus of(String value) {
		return Arrays.stream(values())
			.filter((status) -> status.value.equals(value))
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException("Unknown snapshot status '" + value + "'"));
	}

}
