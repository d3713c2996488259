package dev.novaboot.compute.api;

import java.util.Map;

import dev.novaboot.compute.dispatch.ComputeHostUnreachableException;
import dev.novaboot.compute.instance.InstanceInvalidStateException;
import dev.novaboot.compute.volume.VolumeUnavailableException;
import dev.novaboot.service.api.OpenStackFaults;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Errors of the Compute and Image APIs in Nova's fault shape,
 * {@code {"itemNotFound": {"code": 404, "message": "..."}}}.
 */
@RestControllerAdvice(basePackageClasses = ComputeFaults.class)
class ComputeFaults extends OpenStackFaults {

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

}
