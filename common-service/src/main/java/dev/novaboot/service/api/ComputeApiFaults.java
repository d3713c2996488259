package dev.novaboot.service.api;

import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Errors of the Compute-style APIs in Nova's fault shape,
 * {@code {"itemNotFound": {"code": 404, "message": "..."}}}, which OpenStack clients read.
 */
@RestControllerAdvice(assignableTypes = ServicesController.class)
class ComputeApiFaults {

	@ExceptionHandler
	ResponseEntity<Map<String, Fault>> notFound(NotFoundException ex) {
		return fault(HttpStatus.NOT_FOUND, "itemNotFound", ex.getMessage());
	}

	@ExceptionHandler
	ResponseEntity<Map<String, Fault>> badRequest(BadRequestException ex) {
		return fault(HttpStatus.BAD_REQUEST, "badRequest", ex.getMessage());
	}

	@ExceptionHandler
	ResponseEntity<Map<String, Fault>> unreadable(HttpMessageNotReadableException ex) {
		return fault(HttpStatus.BAD_REQUEST, "badRequest", "Malformed request body: the body must be a JSON object of the documented shape.");
	}

	@ExceptionHandler
	ResponseEntity<Map<String, Fault>> unsupportedMediaType(HttpMediaTypeNotSupportedException ex) {
		return fault(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "badMediaType", "The request body must be application/json.");
	}

	private static ResponseEntity<Map<String, Fault>> fault(HttpStatus status, String name, String message) {
		return ResponseEntity.status(status).body(Map.of(name, new Fault(status.value(), message)));
	}

	record Fault(int code, String message) {
	}

}
