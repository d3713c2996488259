package dev.novaboot.network.manager;

/**
 * Something a caller asked of nova-network cannot be done, with the Neutron error type
 * ({@code NetworkNotFound}, {@code IpAddressGenerationFailure}, ...) and the {@link Kind}
 * of failure, which the API turns into its status. Over RPC the exception's class name and
 * message travel back to the caller.
 */
public class NetworkException extends RuntimeException {

	/** What kind of refusal this is, whatever protocol reports it. */
	public enum Kind {

		/** The thing named does not exist (or is not visible to the caller). */
		NOT_FOUND,

		/** The request itself is wrong. */
		INVALID,

		/** The request clashes with the current state. */
		CONFLICT,

		/** The caller may not do this. */
		NOT_ALLOWED,

		/** Nothing can serve the request now. */
		UNAVAILABLE

	}

	private final Kind kind;

	private final String type;

	public NetworkException(Kind kind, String type, String message) {
		super(message);
		this.kind = kind;
		this.type = type;
	}

	public static NetworkException notFound(String resource, String id) {
		return new NetworkException(Kind.NOT_FOUND, resource.replace(" ", "") + "NotFound",
				resource + " " + id + " could not be found.");
	}

	public static NetworkException badRequest(String message) {
		return new NetworkException(Kind.INVALID, "HTTPBadRequest", message);
	}

	public static NetworkException invalidInput(String message) {
		return new NetworkException(Kind.INVALID, "InvalidInput", "Invalid input for operation: " + message);
	}

	public static NetworkException conflict(String type, String message) {
		return new NetworkException(Kind.CONFLICT, type, message);
	}

	public static NetworkException forbidden(String message) {
		return new NetworkException(Kind.NOT_ALLOWED, "PolicyNotAuthorized", message);
	}

	public Kind kind() {
		return this.kind;
	}

	/** Neutron's name for the failure. */
	public String type() {
		return this.type;
	}

}
