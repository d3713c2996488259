package dev.novaboot.volume.api;

import java.util.Map;

import dev.novaboot.service.api.OpenStackFaults;
import dev.novaboot.volume.driver.VolumeBackingMissingException;
import dev.novaboot.volume.driver.VolumeDriverException;
import dev.novaboot.volume.manager.WrongVolumeHostException;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Errors of the Block Storage API in Cinder's fault shape,
 * {@code {"itemNotFound": {"code": 404, "message": "..."}}}, which OpenStack clients read.
 */
@RestControllerAdvice(assignableTypes = { VolumesController.class, SnapshotsController.class })
class BlockStorageFaults extends OpenStackFaults {

	private static final Log logger = LogFactory.getLog(BlockStorageFaults.class);

	@ExceptionHandler
	ResponseEntity<Map<String, Fault>> forbidden(ForbiddenException ex) {
		return fault(HttpStatus.FORBIDDEN, "forbidden", ex.getMessage());
	}

	@ExceptionHandler
	ResponseEntity<Map<String, Fault>> concurrentChange(OptimisticLockingFailureException ex) {
		return fault(HttpStatus.CONFLICT, "conflictingRequest",
				"The volume or snapshot was changed by another request at the same time; look at it again and retry.");
	}

	@ExceptionHandler
	ResponseEntity<Map<String, Fault>> wrongHost(WrongVolumeHostException ex) {
		return fault(HttpStatus.CONFLICT, "conflictingRequest", ex.getMessage());
	}

	@ExceptionHandler
	ResponseEntity<Map<String, Fault>> hostUnavailable(VolumeHostUnavailableException ex) {
		return fault(HttpStatus.SERVICE_UNAVAILABLE, "serviceUnavailable", ex.getMessage());
	}

	/**
	 * The last line of defence: a value the API let through that the database refuses (too
	 * long for its column, a broken constraint) is the caller's bad input, never a 5xx. The
	 * database's own words stay in the log.
	 */
	@ExceptionHandler
	ResponseEntity<Map<String, Fault>> refusedByDatabase(DataIntegrityViolationException ex) {
		logger.warn("The database refused a request's data: " + ex.getMostSpecificCause().getMessage());
		return fault(HttpStatus.BAD_REQUEST, "badRequest",
				"Invalid input received: a value is too long for its field or breaks a constraint.");
	}

	@ExceptionHandler({ VolumeDriverException.class, VolumeBackingMissingException.class })
	ResponseEntity<Map<String, Fault>> driverFailure(RuntimeException ex) {
		logger.warn("Volume driver failure: " + ex.getMessage(), ex);
		return fault(HttpStatus.INTERNAL_SERVER_ERROR, "computeFault", "The volume driver failed: " + ex.getMessage());
	}

}
