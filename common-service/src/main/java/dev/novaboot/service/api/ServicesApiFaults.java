package dev.novaboot.service.api;

import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Errors of the service administration API (Nova's os-services, served by every app) in Nova's fault shape.
 */
@RestControllerAdvice(assignableTypes = ServicesController.class)
class ServicesApiFaults extends OpenStackFaults {

	@ExceptionHandler
	ResponseEntity<Map<String, Fault>> inUse(ServiceInUseException ex) {
		return fault(HttpStatus.CONFLICT, "conflictingRequest", ex.getMessage());
	}

}
