package dev.novaboot.service.web;

import java.io.IOException;
import java.util.Map;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.util.UrlPathHelper;

/**
 * Writes an error answer in the fault shape of the API a request was for: Keystone's
 * under {@code /identity/} and on the signed {@code /rpc/} endpoint (whose refusals are
 * authentication failures), Nova's and Cinder's under {@code /v2.1/} and {@code /v3/}
 * (every app serves Nova's {@code os-services}), the app's own API shape everywhere else. Every error path of
 * an app (the API advices aside) ends here: the error controller, the body limit, the
 * firewall's refusals and the servlet container's own error report.
 */
public class ApiFaults {

	/** The message of a 500: the cause is logged, never shown. */
	public static final String INTERNAL_ERROR = "The server has either erred or is incapable of performing the "
			+ "requested operation.";

	/** The message of a 400 for a body that is not JSON of the documented shape. */
	public static final String MALFORMED_BODY = "Malformed request body: the body must be a JSON object of the "
			+ "documented shape.";

	private static final JsonMapper JSON = JsonMapper.shared();

	private static final UrlPathHelper PATHS = UrlPathHelper.defaultInstance;

	private final ApiFaultShape appShape;

	private final ApiFaultShape keystone = ApiFaultShape.keystone();

	private final ApiFaultShape openStack = ApiFaultShape.openStack();

	public ApiFaults(ApiFaultShape appShape) {
		this.appShape = appShape;
	}

	/**
	 * The shape for a request, by its decoded path within the application or, for a path
	 * the container refused before it was mapped, by its spelling.
	 */
	public ApiFaultShape shapeFor(HttpServletRequest request) {
		// on an error dispatch, the path that failed, not the error page's
		String decoded;
		try {
			decoded = PATHS.getOriginatingRequestUri(request)
				.substring(PATHS.getOriginatingContextPath(request).length());
		}
		catch (RuntimeException ex) {
			decoded = "";
		}
		Object failed = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
		String raw = (failed instanceof String uri) ? uri : (request.getRequestURI() != null) ? request.getRequestURI() : "";
		if (isUnder(decoded, raw, "/identity/", "/rpc/") || decoded.equals("/identity")) {
			return this.keystone;
		}
		if (isUnder(decoded, raw, "/v2.1/", "/v3/")) {
			return this.openStack;
		}
		return this.appShape;
	}

	private static boolean isUnder(String decoded, String raw, String... prefixes) {
		for (String prefix : prefixes) {
			if (decoded.startsWith(prefix) || raw.startsWith(prefix)) {
				return true;
			}
		}
		return false;
	}

	public Map<String, Object> body(HttpServletRequest request, HttpStatus status, String message) {
		return shapeFor(request).body(status, (message != null && !message.isBlank()) ? message
				: defaultMessage(status));
	}

	/** The fault body as JSON. */
	public byte[] json(HttpServletRequest request, HttpStatus status, String message) {
		return JSON.writeValueAsBytes(body(request, status, message));
	}

	/** Writes the fault as the whole response, unless a response was already sent. */
	public void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String message)
			throws IOException {
		if (response.isCommitted()) {
			return;
		}
		response.resetBuffer();
		response.setStatus(status.value());
		response.setContentType(MediaType.APPLICATION_JSON_VALUE);
		response.setCharacterEncoding("UTF-8");
		byte[] json = json(request, status, message);
		response.setContentLength(json.length);
		response.getOutputStream().write(json);
		response.flushBuffer();
	}

	/** What webob says for a status when nobody said more. */
	public static String defaultMessage(HttpStatus status) {
		return switch (status.value()) {
			case 400 -> "The server could not comply with the request since it is either malformed or otherwise "
					+ "incorrect.";
			case 401 -> "The request you have made requires authentication.";
			case 403 -> "Access was denied to this resource.";
			case 404 -> "The resource could not be found.";
			case 405 -> "The method is not allowed for the requested URL.";
			case 406 -> "The resource could not be generated that was acceptable to your browser (content of type "
					+ "application/json).";
			case 413 -> "The request body is too large.";
			case 415 -> "The request media type is not supported by this server: send application/json.";
			case 503 -> "The server is currently unavailable. Please try again at a later time.";
			default -> status.is5xxServerError() ? INTERNAL_ERROR : status.getReasonPhrase() + ".";
		};
	}

}
