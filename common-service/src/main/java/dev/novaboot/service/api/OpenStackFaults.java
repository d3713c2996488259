package dev.novaboot.service.api;

import java.util.Map;

import dev.novaboot.service.web.ApiFaults;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * The fault shape that Nova's and Cinder's APIs share, and that OpenStack clients read:
 * {@code {"itemNotFound": {"code": 404, "message": "..."}}}. Each API's
 * {@code @RestControllerAdvice} extends this for the errors every API has (unknown
 * resource, bad input, unreadable body, wrong media type) and adds its own.
 */
public abstract class OpenStackFaults {

	private static final Log logger = LogFactory.getLog(OpenStackFaults.class);

	@ExceptionHandler
	public ResponseEntity<Map<String, Fault>> notFound(NotFoundException ex) {
		return fault(HttpStatus.NOT_FOUND, "itemNotFound", ex.getMessage());
	}

	@ExceptionHandler
	public ResponseEntity<Map<String, Fault>> badRequest(BadRequestException ex) {
		return fault(HttpStatus.BAD_REQUEST, "badRequest", ex.getMessage());
	}

	@ExceptionHandler
	public ResponseEntity<Map<String, Fault>> unreadable(HttpMessageNotReadableException ex) {
		return fault(HttpStatus.BAD_REQUEST, "badRequest", ApiFaults.MALFORMED_BODY);
	}

	@ExceptionHandler
	public ResponseEntity<Map<String, Fault>> typeMismatch(MethodArgumentTypeMismatchException ex) {
		return fault(HttpStatus.BAD_REQUEST, "badRequest",
				"Invalid value '" + ex.getValue() + "' for " + ex.getName() + ".");
	}

	@ExceptionHandler
	public ResponseEntity<Map<String, Fault>> unsupportedMediaType(HttpMediaTypeNotSupportedException ex) {
		return fault(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "badMediaType", "The request body must be application/json.");
	}

	/**
	 * The last line of defence: a value the API let through that the database refuses (too
	 * long for its column, a broken constraint) is the caller's bad input, never a 5xx, and
	 * it is answered at once, without a retry. The database's own words stay in the log.
	 */
	@ExceptionHandler
	public ResponseEntity<Map<String, Fault>> refusedByDatabase(DataIntegrityViolationException ex) {
		logger.warn("The database refused a request's data: " + ex.getMostSpecificCause().getMessage());
		return fault(HttpStatus.BAD_REQUEST, "badRequest",
				"Invalid input received: a value is too long for its field or breaks a constraint.");
	}

	/** A fault named {@code name} (Nova's and Cinder's names: badRequest, itemNotFound, ...). */
	protected static ResponseEntity<Map<String, Fault>> fault(HttpStatus status, String name, String message) {
		// a preset content type is written whatever the request's Accept says: an error must
		// reach the client, not fail again on content negotiation
		return ResponseEntity.status(status)
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of(name, new Fault(status.value(), message)));
	}

	/** The body of one fault. */
	public record Fault(int code, String message) {
	}

}
