package dev.novaboot.compute.api.dashboard;

/** A dashboard request whose parameters are refused before any API is called: a 400 page. */
class BadDashboardRequestException extends RuntimeException {

	BadDashboardRequestException(String message) {
		super(message);
	}

}
