package dev.novaboot.service.web;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.http.HttpStatus;

/**
 * The body of an error answer in the shape one OpenStack API gives it, so that a client
 * written for that API can read every error it gets from us, whatever went wrong and
 * wherever: in a controller, in a filter, in the servlet container.
 */
@FunctionalInterface
public interface ApiFaultShape {

	/**
	 * The error body for {@code status} with {@code message}; a map so that it serializes
	 * with any JSON library, and without any HTTP type beyond the status.
	 */
	Map<String, Object> body(HttpStatus status, String message);

	/**
	 * Nova's (and Cinder's, which copied it) {@code {"itemNotFound": {"code": 404,
	 * "message": "..."}}}, the fault named by status as in {@code nova.api.openstack.wsgi.Fault}.
	 */
	static ApiFaultShape openStack() {
		return (status, message) -> Map.of(openStackFaultName(status), fault(status, message));
	}

	/**
	 * Neutron's {@code {"NeutronError": {"type": "HTTPNotFound", "message": "...",
	 * "detail": ""}}}, where the type of an error that no Neutron exception names is webob's
	 * class for the status, as Neutron's fault middleware reports it.
	 */
	static ApiFaultShape neutron() {
		return (status, message) -> {
			Map<String, Object> error = new LinkedHashMap<>();
			error.put("type", webobName(status));
			error.put("message", message);
			error.put("detail", "");
			return Map.of("NeutronError", error);
		};
	}

	/** Keystone's (and keystonemiddleware's) {@code {"error": {"code", "title", "message"}}}. */
	static ApiFaultShape keystone() {
		return (status, message) -> {
			Map<String, Object> error = new LinkedHashMap<>();
			error.put("code", status.value());
			error.put("title", status.getReasonPhrase());
			error.put("message", message);
			return Map.of("error", error);
		};
	}

	/** The fault name Nova and Cinder give a status; {@code computeFault} for the rest. */
	static String openStackFaultName(HttpStatus status) {
		return switch (status.value()) {
			case 400 -> "badRequest";
			case 401 -> "unauthorized";
			case 403 -> "forbidden";
			case 404 -> "itemNotFound";
			case 405 -> "badMethod";
			case 409 -> "conflictingRequest";
			case 413, 429 -> "overLimit";
			case 415 -> "badMediaType";
			case 501 -> "notImplemented";
			case 503 -> "serviceUnavailable";
			default -> "computeFault";
		};
	}

	/** webob's exception class name for a status ({@code HTTPNotFound}, ...). */
	static String webobName(HttpStatus status) {
		return switch (status.value()) {
			case 400 -> "HTTPBadRequest";
			case 401 -> "HTTPUnauthorized";
			case 403 -> "HTTPForbidden";
			case 404 -> "HTTPNotFound";
			case 405 -> "HTTPMethodNotAllowed";
			case 406 -> "HTTPNotAcceptable";
			case 409 -> "HTTPConflict";
			case 413 -> "HTTPRequestEntityTooLarge";
			case 415 -> "HTTPUnsupportedMediaType";
			case 429 -> "HTTPTooManyRequests";
			case 501 -> "HTTPNotImplemented";
			case 503 -> "HTTPServiceUnavailable";
			default -> status.is4xxClientError() ? "HTTPClientError" : "HTTPInternalServerError";
		};
	}

	private static Map<String, Object> fault(HttpStatus status, String message) {
		Map<String, Object> fault = new LinkedHashMap<>();
		fault.put("code", status.value());
		fault.put("message", message);
		return fault;
	}

}
