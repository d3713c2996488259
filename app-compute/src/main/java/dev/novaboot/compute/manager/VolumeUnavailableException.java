package dev.novaboot.compute.manager;

/**
 * The volume cannot be attached: it does not exist ({@link #isMissing()}) or is in use.
 */
public class VolumeUnavailableException extends RuntimeException {

	private final boolean missing;

	public VolumeUnavailableException(String message, boolean missing) {
		super(message);
		this.missing = missing;
	}

	public boolean isMissing() {
		return this.missing;
	}

}
