package dev.novaboot.compute.manager;

/**
 * A list was asked to start after an instance that is not in it.
 */
public class MarkerNotFoundException extends RuntimeException {

	private final String marker;

	public MarkerNotFoundException(String marker) {
		super("marker [" + marker + "] not found");
		this.marker = marker;
	}

	public String getMarker() {
		return this.marker;
	}

}
