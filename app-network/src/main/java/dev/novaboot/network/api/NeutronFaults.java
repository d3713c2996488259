package dev.novaboot.network.api;

import java.util.Map;

import dev.novaboot.network.NetworkFault;

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
@RestControllerAdvice(basePackageClasses = NeutronFaults.class)
class NeutronFaults {

	@ExceptionHandler
	ResponseEntity<Map<String, NeutronError>> fault(NetworkFault ex) {
		return error(ex.status(), ex.type(), ex.getMessage());
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

	private static ResponseEntity<Map<String, NeutronError>> error(HttpStatus status, String type, String message) {
		// preset: written whatever the request's Accept says
		return ResponseEntity.status(status)
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("NeutronError", new NeutronError(type, message, "")));
	}

	record NeutronError(String type, String message, String detail) {
	}

}
