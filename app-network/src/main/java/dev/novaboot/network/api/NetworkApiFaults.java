package dev.novaboot.network.api;

import java.util.Map;

import dev.novaboot.network.manager.NetworkException;
import dev.novaboot.service.web.ApiFaultShape;
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
 * which OpenStack clients read. A refusal of the network service carries Neutron's own
 * type; the HTTP-level errors are the starter's Neutron shape ({@link ApiFaultShape#neutron},
 * typed by status as webob names it), the same body its error controller and filters
 * write for this app, with Neutron's words here. Unknown routes, and the starter's own
 * exceptions, are left to the starter ({@code FaultErrorController},
 * {@code FallbackFaultAdvice}).
 */
@RestControllerAdvice(basePackageClasses = NetworkApiFaults.class)
class NetworkApiFaults {

	private static final Log logger = LogFactory.getLog(NetworkApiFaults.class);

	private static final ApiFaultShape NEUTRON = ApiFaultShape.neutron();

	@ExceptionHandler
	ResponseEntity<Map<String, NeutronError>> fault(NetworkException ex) {
		return preset(status(ex.kind()), Map.of("NeutronError", new NeutronError(ex.type(), ex.getMessage(), "")));
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

	// the starter's FallbackFaultAdvice would answer this too, in the same shape and type,
	// but in the starter's words; these are the words this API has always given
	@ExceptionHandler
	ResponseEntity<Map<String, Object>> unreadable(HttpMessageNotReadableException ex) {
		return error(HttpStatus.BAD_REQUEST, "Malformed request body: the body must be a JSON object.");
	}

	@ExceptionHandler
	ResponseEntity<Map<String, Object>> unsupportedMediaType(HttpMediaTypeNotSupportedException ex) {
		return error(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "The request body must be application/json.");
	}

	@ExceptionHandler
	ResponseEntity<Map<String, Object>> methodNotAllowed(HttpRequestMethodNotSupportedException ex) {
		return error(HttpStatus.METHOD_NOT_ALLOWED, "The method " + ex.getMethod() + " is not allowed on this resource.");
	}

	/**
	 * The last line of defence: a value the API let through that the database refuses (too
	 * long for its column, a broken constraint) is the caller's bad input, never a 5xx, and
	 * it is answered at once, without a retry. The database's own words stay in the log.
	 */
	@ExceptionHandler
	ResponseEntity<Map<String, Object>> refusedByDatabase(DataIntegrityViolationException ex) {
		logger.warn("The database refused a request's data: " + ex.getMostSpecificCause().getMessage());
		return error(HttpStatus.BAD_REQUEST,
				"The request could not be stored: a value is too long for its attribute or breaks a constraint.");
	}

	/** An HTTP-level error: the starter's Neutron shape, typed by the status. */
	private static ResponseEntity<Map<String, Object>> error(HttpStatus status, String message) {
		return preset(status, NEUTRON.body(status, message));
	}

	private static <T> ResponseEntity<T> preset(HttpStatus status, T body) {
		// preset: written whatever the request's Accept says
		return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(body);
	}

	/** A refusal of the network service, with the type Neutron gives it ({@code NetworkNotFound}, ...). */
	record NeutronError(String type, String message, String detail) {
	}

}
