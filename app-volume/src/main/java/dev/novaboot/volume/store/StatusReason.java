package dev.novaboot.volume.store;

/**
 * Why a volume or snapshot is in its status, cut to what the {@code status_reason}
 * column holds: a driver's message can be of any length, and a failure must still be
 * recorded rather than refused by the database.
 */
final class StatusReason {

	/** Below the column's 1024 characters. */
	static final int MAX_LENGTH = 1000;

	private StatusReason() {
	}

	static String bounded(String reason) {
		return (reason != null && reason.length() > MAX_LENGTH) ? reason.substring(0, MAX_LENGTH) : reason;
	}

}
