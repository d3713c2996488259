package dev.novaboot.service.auth.identity;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import dev.novaboot.service.web.ApiFaultShape;
import dev.novaboot.service.web.ApiFaults;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Errors of the identity API in Keystone's shape,
 * {@code {"error": {"code": 404, "title": "Not Found", "message": "..."}}}.
 */
@RestControllerAdvice(assignableTypes = { TokensController.class, IdentityAdminController.class })
class IdentityApiFaults {

	@ExceptionHandler
	ResponseEntity<Map<String, Object>> refused(IdentityException ex, HttpServletRequest request) {
		ResponseEntity.BodyBuilder response = ResponseEntity.status(ex.getStatus()).contentType(MediaType.APPLICATION_JSON);
		if (ex.getStatus() == HttpStatus.UNAUTHORIZED) {
			response.header("WWW-Authenticate", "Keystone uri=\""
					+ ServletUriComponentsBuilder.fromContextPath(request).path("/identity/v3").toUriString() + "\"");
		}
		return response.body(error(ex.getStatus(), ex.getMessage()));
	}

	@ExceptionHandler
	ResponseEntity<Map<String, Object>> unreadable(HttpMessageNotReadableException ex) {
		return ResponseEntity.badRequest()
			.contentType(MediaType.APPLICATION_JSON)
			.body(error(HttpStatus.BAD_REQUEST, ApiFaults.MALFORMED_BODY));
	}

	@ExceptionHandler
	ResponseEntity<Map<String, Object>> unsupportedMediaType(HttpMediaTypeNotSupportedException ex) {
		return ResponseEntity.status(HttpStatus.UNSUPPORTED_MEDIA_TYPE)
			.contentType(MediaType.APPLICATION_JSON)
			.body(error(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "The request body must be application/json."));
	}

	private static Map<String, Object> error(HttpStatus status, String message) {
		return ApiFaultShape.keystone().body(status, message);
	}

}
