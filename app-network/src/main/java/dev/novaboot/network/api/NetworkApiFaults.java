package dev.novaboot.network.api;

import java.util.Map;

import dev.novaboot.network.manager.NetworkException;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Errors of the Networking API in Neutron's shape,
 * {@code {"NeutronError": {"type": "NetworkNotFound", "message": "...", "detail": ""}}},
 * which OpenStack clients read.
 */
@RestControllerAdvice(basePackageClasses = NetworkApiFaults.class)
class NetworkApiFaults {

	private static final Log logger = LogFactory.getLog(NetworkApiFaults.class);

	@ExceptionHandler
	ResponseEntity<Map<String, NeutronError>> fault(NetworkException ex) {
		return error(status(ex.kind()), ex.type(), ex.getMessage());
	}

	/** The status Neutron answers each kind of refusal with. */
	static HttpStatus status(NetworkException.Kind kind) {
		return switch (kind) {
			case NOT_FOUND -> HttpStatus.NOT_FOUND;
			case INVALID -> HttpStatus.BAD_REQUEST;
			case CONFLICT -> HttpStatus.CONFLICT;
			case NOT_ALLOWED -> HttpStatus.FORBIDDEN;
			case UNAVAILABLE -> HttpStatus.SERVICE_UNAVAILABLE;
		};
	}

	@ExceptionHandler
	ResponseEntity<Map<String, NeutronError>> unreadable(HttpMessageNotReadableException ex) {
		return error(HttpStatus.BAD_REQUEST, "HTTPBadRequest", "Malformed request body: the body must be a JSON object.");
	}

	@ExceptionHandler
	ResponseEntity<Map<String, NeutronError>> unsupportedMediaType(HttpMediaTypeNotSupportedException ex) {
		return error(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "HTTPUnsupportedMediaType",
				"The request body must be application/json.");
	}

	@ExceptionHandler
	ResponseEntity<Map<String, NeutronError>> methodNotAllowed(HttpRequestMethodNotSupportedException ex) {
		return error(HttpStatus.METHOD_NOT_ALLOWED, "HTTPMethodNotAllowed",
				"The method " + ex.getMethod() + " is not allowed on this resource.");
	}

	/**
	 * The last line of defence: a value the API let through that the database refuses (too
	 * long for its column, a broken constraint) is the caller's bad input, never a 5xx, and
	 * it is answered at once, without a retry. The database's own words stay in the log.
	 */
	@ExceptionHandler
	ResponseEntity<Map<String, NeutronError>> refusedByDatabase(DataIntegrityViolationException ex) {
		logger.warn("The database refused a request's data: " + ex.getMostSpecificCause().getMessage());
		return error(HttpStatus.BAD_REQUEST, "HTTPBadRequest",
				"The request could not be stored: a value is too long for its attribute or breaks a constraint.");
	}

	private static ResponseEntity<Map<String, NeutronError>> error(HttpStatus status, String type, String message) {
		// preset: written whatever the request's Accept says
		return ResponseEntity.status(status)
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("NeutronError", new NeutronError(type, message, "")));
	}

	record NeutronError(String type, String message, String detail) {
	}

}
