package dev.novaboot.compute.api;

import java.util.Map;

import dev.novaboot.compute.dispatch.ComputeHostUnreachableException;
import dev.novaboot.compute.instance.InstanceInvalidStateException;
import dev.novaboot.compute.volume.VolumeUnavailableException;
import dev.novaboot.service.api.BadRequestException;
import dev.novaboot.service.api.NotFoundException;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * Errors of the Compute and Image APIs in Nova's fault shape,
 * {@code {"itemNotFound": {"code": 404, "message": "..."}}}.
 */
@RestControllerAdvice(basePackageClasses = ComputeFaults.class)
class ComputeFaults {

	@ExceptionHandler
	ResponseEntity<Map<String, Fault>> notFound(NotFoundException ex) {
		return fault(HttpStatus.NOT_FOUND, "itemNotFound", ex.getMessage());
	}

	@ExceptionHandler
	ResponseEntity<Map<String, Fault>> badRequest(BadRequestException ex) {
		return fault(HttpStatus.BAD_REQUEST, "badRequest", ex.getMessage());
	}

	@ExceptionHandler
	ResponseEntity<Map<String, Fault>> invalidState(InstanceInvalidStateException ex) {
		return fault(HttpStatus.CONFLICT, "conflictingRequest", ex.getMessage());
	}

	@ExceptionHandler
	ResponseEntity<Map<String, Fault>> conflict(ConflictException ex) {
		return fault(HttpStatus.CONFLICT, "conflictingRequest", ex.getMessage());
	}

	@ExceptionHandler
	ResponseEntity<Map<String, Fault>> hostUnreachable(ComputeHostUnreachableException ex) {
		return fault(HttpStatus.CONFLICT, "conflictingRequest", ex.getMessage());
	}

	@ExceptionHandler
	ResponseEntity<Map<String, Fault>> volumeUnavailable(VolumeUnavailableException ex) {
		return ex.isMissing() ? fault(HttpStatus.NOT_FOUND, "itemNotFound", ex.getMessage())
				: fault(HttpStatus.BAD_REQUEST, "badRequest", ex.getMessage());
	}

	@ExceptionHandler
	ResponseEntity<Map<String, Fault>> unreadable(HttpMessageNotReadableException ex) {
		return fault(HttpStatus.BAD_REQUEST, "badRequest",
				"Malformed request body: the body must be a JSON object of the documented shape.");
	}

	@ExceptionHandler
	ResponseEntity<Map<String, Fault>> typeMismatch(MethodArgumentTypeMismatchException ex) {
		return fault(HttpStatus.BAD_REQUEST, "badRequest", "Invalid value '" + ex.getValue() + "' for " + ex.getName() + ".");
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
