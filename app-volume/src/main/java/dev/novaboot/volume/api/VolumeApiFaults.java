package dev.novaboot.volume.api;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.novaboot.service.api.OpenStackFaults;
import dev.novaboot.volume.driver.VolumeBackingMissingException;
import dev.novaboot.volume.driver.VolumeDriverException;
import dev.novaboot.volume.manager.QuotaExceededException;
import dev.novaboot.volume.manager.VolumeTypeAccessExistsException;
import dev.novaboot.volume.manager.VolumeTypeExistsException;
import dev.novaboot.volume.manager.WrongVolumeHostException;
import dev.novaboot.volume.rpc.VolumeHostUnavailableException;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Errors of the Block Storage API in Cinder's fault shape,
 * {@code {"itemNotFound": {"code": 404, "message": "..."}}}, which OpenStack clients read.
 */
@RestControllerAdvice(assignableTypes = { VolumesController.class, SnapshotsController.class,
		VolumeMetadataController.class, SnapshotMetadataController.class, VolumeTypesController.class,
		VolumeServicesController.class, QuotaSetsController.class, LimitsController.class,
		MessagesController.class })
class VolumeApiFaults extends OpenStackFaults {

	private static final Log logger = LogFactory.getLog(VolumeApiFaults.class);

	@ExceptionHandler
	ResponseEntity<Map<String, Fault>> forbidden(ForbiddenException ex) {
		return fault(HttpStatus.FORBIDDEN, "forbidden", ex.getMessage());
	}

	@ExceptionHandler
	ResponseEntity<Map<String, Fault>> concurrentChange(OptimisticLockingFailureException ex) {
		return fault(HttpStatus.CONFLICT, "conflictingRequest",
				"The volume or snapshot was changed by another request at the same time; look at it again and retry.");
	}

	/**
	 * Cinder's {@code QuotaError}: 413 {@code overLimit} with {@code retryAfter} in the body
	 * and {@code Retry-After} in the headers, as its fault wrapper writes them.
	 */
	@ExceptionHandler
	ResponseEntity<Map<String, Object>> overQuota(QuotaExceededException ex) {
		Map<String, Object> fault = new LinkedHashMap<>();
		fault.put("code", 413);
		fault.put("message", ex.getMessage());
		fault.put("retryAfter", "0");
		return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE)
			.contentType(MediaType.APPLICATION_JSON)
			.header(HttpHeaders.RETRY_AFTER, "0")
			.body(Map.of("overLimit", fault));
	}

	@ExceptionHandler
	ResponseEntity<Map<String, Fault>> typeAccessExists(VolumeTypeAccessExistsException ex) {
		return fault(HttpStatus.CONFLICT, "conflictingRequest", ex.getMessage());
	}

	@ExceptionHandler
	ResponseEntity<Map<String, Fault>> typeExists(VolumeTypeExistsException ex) {
		return fault(HttpStatus.CONFLICT, "conflictingRequest", ex.getMessage());
	}

	@ExceptionHandler
	ResponseEntity<Map<String, Fault>> wrongHost(WrongVolumeHostException ex) {
		return fault(HttpStatus.CONFLICT, "conflictingRequest", ex.getMessage());
	}

	@ExceptionHandler
	ResponseEntity<Map<String, Fault>> hostUnavailable(VolumeHostUnavailableException ex) {
		return fault(HttpStatus.SERVICE_UNAVAILABLE, "serviceUnavailable", ex.getMessage());
	}


	@ExceptionHandler({ VolumeDriverException.class, VolumeBackingMissingException.class })
	ResponseEntity<Map<String, Fault>> driverFailure(RuntimeException ex) {
		logger.warn("Volume driver failure: " + ex.getMessage(), ex);
		return fault(HttpStatus.INTERNAL_SERVER_ERROR, "computeFault", "The volume driver failed: " + ex.getMessage());
	}

}
