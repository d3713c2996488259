package dev.novaboot.compute.api.dashboard;

/**
 * An error answer of one of the suite's APIs (or none at all: 503), with the API's own
 * message, which the dashboard shows as it is.
 */
class CloudApiException extends RuntimeException {

	private final int status;

	CloudApiException(int status, String message) {
		super(message);
		this.status = status;
	}

	int status() {
		return this.status;
	}

}
