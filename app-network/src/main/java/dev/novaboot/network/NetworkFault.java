package dev.novaboot.network;

import org.springframework.http.HttpStatus;

/**
 * Something a caller asked of nova-network cannot be done, with the Neutron error type
 * ({@code NetworkNotFound}, {@code IpAddressGenerationFailure}, ...) and the HTTP status
 * the Networking API answers with. Over RPC the type and message travel back to the caller.
 */
public class NetworkFault extends RuntimeException {

	private final HttpStatus status;

	private final String type;

	public NetworkFault(HttpStatus status, String type, String message) {
		super(message);
		this.status = status;
		this.type = type;
	}

	public static NetworkFault notFound(String resource, String id) {
		return new NetworkFault(HttpStatus.NOT_FOUND, resource.replace(" ", "") + "NotFound",
				resource + " " + id + " could not be found.");
	}

	public static NetworkFault badRequest(String message) {
		return new NetworkFault(HttpStatus.BAD_REQUEST, "HTTPBadRequest", message);
	}

	public static NetworkFault invalidInput(String message) {
		return new NetworkFault(HttpStatus.BAD_REQUEST, "InvalidInput", "Invalid input for operation: " + message);
	}

	public static NetworkFault conflict(String type, String message) {
		return new NetworkFault(HttpStatus.CONFLICT, type, message);
	}

	public static NetworkFault forbidden(String message) {
		return new NetworkFault(HttpStatus.FORBIDDEN, "PolicyNotAuthorized", message);
	}

	public HttpStatus status() {
		return this.status;
	}

	public String type() {
		return this.type;
	}

}
