package dev.novaboot.compute.api;

import java.util.Map;
import java.util.stream.Collectors;

import dev.novaboot.compute.manager.ComputeHostUnreachableException;
import dev.novaboot.compute.manager.ComputeQuotas;
import dev.novaboot.compute.manager.FlavorCatalog;
import dev.novaboot.compute.manager.InstanceDetails;
import dev.novaboot.compute.manager.InstanceInvalidStateException;
import dev.novaboot.compute.manager.InstanceNotFoundException;
import dev.novaboot.compute.manager.InstanceTags;
import dev.novaboot.compute.manager.InvalidVolumeAttachmentException;
import dev.novaboot.compute.manager.KeyPairs;
import dev.novaboot.compute.manager.ProjectIds;
import dev.novaboot.compute.manager.ServerGroups;
import dev.novaboot.compute.manager.VolumeNotAttachedException;
import dev.novaboot.compute.manager.VolumeUnavailableException;
import dev.novaboot.service.api.OpenStackFaults;

import org.springframework.context.MessageSourceResolvable;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.HandlerMethodValidationException;

/**
 * Errors of the Compute and Image APIs in Nova's fault shape,
 * {@code {"itemNotFound": {"code": 404, "message": "..."}}}.
 */
// named apart from the starter's os-services advice, whose bean is called computeApiFaults
@RestControllerAdvice(basePackageClasses = ComputeApiFaults.class)
class ComputeApiFaults extends OpenStackFaults {

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

	/**
	 * A request parameter that breaks its declared constraint (such as a negative
	 * {@code limit}): Nova's words for a query parameter that fails its schema.
	 */
	@ExceptionHandler
	ResponseEntity<Map<String, Fault>> invalidParameter(HandlerMethodValidationException ex) {
		String message = ex.getParameterValidationResults()
			.stream()
			.map((result) -> "Invalid input for query parameters " + parameterName(result.getMethodParameter())
					+ ". Value: " + ServerRequests.shown(String.valueOf(result.getArgument())) + ". "
					+ result.getResolvableErrors()
						.stream()
						.map(MessageSourceResolvable::getDefaultMessage)
						.collect(Collectors.joining("; ")))
			.collect(Collectors.joining(" "));
		return fault(HttpStatus.BAD_REQUEST, "badRequest", message);
	}

	private static String parameterName(MethodParameter parameter) {
		RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
		return (param != null && !param.name().isEmpty()) ? param.name() : parameter.getParameterName();
	}

	@ExceptionHandler
	ResponseEntity<Map<String, Fault>> instanceNotFound(InstanceNotFoundException ex) {
		return fault(HttpStatus.NOT_FOUND, "itemNotFound", ex.getMessage());
	}

	@ExceptionHandler
	ResponseEntity<Map<String, Fault>> forbidden(PolicyForbiddenException ex) {
		return fault(HttpStatus.FORBIDDEN, "forbidden", ex.getMessage());
	}

	@ExceptionHandler
	ResponseEntity<Map<String, Fault>> flavorNotFound(FlavorCatalog.FlavorNotFoundException ex) {
		return fault(HttpStatus.NOT_FOUND, "itemNotFound", ex.getMessage());
	}

	@ExceptionHandler
	ResponseEntity<Map<String, Fault>> flavorExists(FlavorCatalog.FlavorExistsException ex) {
		return fault(HttpStatus.CONFLICT, "conflictingRequest", ex.getMessage());
	}

	@ExceptionHandler
	ResponseEntity<Map<String, Fault>> flavorAccess(FlavorCatalog.FlavorAccessException ex) {
		return ex.exists() ? fault(HttpStatus.CONFLICT, "conflictingRequest", ex.getMessage())
				: fault(HttpStatus.NOT_FOUND, "itemNotFound", ex.getMessage());
	}

	@ExceptionHandler
	ResponseEntity<Map<String, Fault>> extraSpecNotFound(FlavorCatalog.ExtraSpecNotFoundException ex) {
		return fault(HttpStatus.NOT_FOUND, "itemNotFound", ex.getMessage());
	}

	@ExceptionHandler
	ResponseEntity<Map<String, Fault>> overQuota(ComputeQuotas.OverQuotaException ex) {
		return fault(HttpStatus.FORBIDDEN, "forbidden", ex.getMessage());
	}

	@ExceptionHandler
	ResponseEntity<Map<String, Fault>> quotaLimit(ComputeQuotas.QuotaLimitException ex) {
		return fault(HttpStatus.BAD_REQUEST, "badRequest", ex.getMessage());
	}

	@ExceptionHandler
	ResponseEntity<Map<String, Fault>> serverGroupNotFound(ServerGroups.ServerGroupNotFoundException ex) {
		return fault(HttpStatus.NOT_FOUND, "itemNotFound", ex.getMessage());
	}

	/** A sibling API's error, in Nova's fault names for its status (Nova's proxies pass them on). */
	@ExceptionHandler
	ResponseEntity<Map<String, Fault>> siblingApi(SiblingApis.SiblingApiException ex) {
		return switch (ex.status()) {
			case 400 -> fault(HttpStatus.BAD_REQUEST, "badRequest", ex.getMessage());
			case 403 -> fault(HttpStatus.FORBIDDEN, "forbidden", ex.getMessage());
			case 404 -> fault(HttpStatus.NOT_FOUND, "itemNotFound", ex.getMessage());
			case 409 -> fault(HttpStatus.CONFLICT, "conflictingRequest", ex.getMessage());
			case 413 -> fault(HttpStatus.FORBIDDEN, "forbidden", ex.getMessage());
			default -> fault(HttpStatus.SERVICE_UNAVAILABLE, "serviceUnavailable", ex.getMessage());
		};
	}

	/** Nova's answer for each reason an interface attach was refused (500 is its computeFault). */
	@ExceptionHandler
	ResponseEntity<Map<String, Fault>> interfaceAttachRefused(InterfaceAttachRefusedException ex) {
		HttpStatus status = ex.status();
		String name = switch (status) {
			case BAD_REQUEST -> "badRequest";
			case CONFLICT -> "conflictingRequest";
			case NOT_FOUND -> "itemNotFound";
			case FORBIDDEN -> "forbidden";
			default -> "computeFault";
		};
		return fault(status, name, ex.getMessage());
	}

	@ExceptionHandler
	ResponseEntity<Map<String, Fault>> gone(VirtualInterfacesController.GoneException ex) {
		return fault(HttpStatus.GONE, "computeFault", ex.getMessage());
	}

	@ExceptionHandler
	ResponseEntity<Map<String, Fault>> invalidProject(ProjectIds.InvalidProjectException ex) {
		return fault(HttpStatus.BAD_REQUEST, "badRequest", ex.getMessage());
	}

	@ExceptionHandler
	ResponseEntity<Map<String, Fault>> keyPairNotFound(KeyPairs.KeyPairNotFoundException ex) {
		return fault(HttpStatus.NOT_FOUND, "itemNotFound", ex.getMessage());
	}

	@ExceptionHandler
	ResponseEntity<Map<String, Fault>> keyPairExists(KeyPairs.KeyPairExistsException ex) {
		return fault(HttpStatus.CONFLICT, "conflictingRequest", ex.getMessage());
	}

	@ExceptionHandler
	ResponseEntity<Map<String, Fault>> invalidKeyPair(KeyPairs.InvalidKeyPairException ex) {
		return fault(HttpStatus.BAD_REQUEST, "badRequest", ex.getMessage());
	}

	@ExceptionHandler
	ResponseEntity<Map<String, Fault>> tagNotFound(InstanceTags.TagNotFoundException ex) {
		return fault(HttpStatus.NOT_FOUND, "itemNotFound", ex.getMessage());
	}

	@ExceptionHandler
	ResponseEntity<Map<String, Fault>> tooManyTags(InstanceTags.TooManyTagsException ex) {
		return fault(HttpStatus.BAD_REQUEST, "badRequest", ex.getMessage());
	}

	@ExceptionHandler
	ResponseEntity<Map<String, Fault>> volumeNotAttached(VolumeNotAttachedException ex) {
		return fault(HttpStatus.NOT_FOUND, "itemNotFound", ex.getMessage());
	}

	@ExceptionHandler
	ResponseEntity<Map<String, Fault>> invalidAttachment(InvalidVolumeAttachmentException ex) {
		return fault(HttpStatus.BAD_REQUEST, "badRequest", ex.getMessage());
	}

	@ExceptionHandler
	ResponseEntity<Map<String, Fault>> volumeUnavailable(VolumeUnavailableException ex) {
		return ex.isMissing() ? fault(HttpStatus.NOT_FOUND, "itemNotFound", ex.getMessage())
				: fault(HttpStatus.BAD_REQUEST, "badRequest", ex.getMessage());
	}

	@ExceptionHandler
	ResponseEntity<Map<String, Fault>> metadataItemNotFound(InstanceDetails.MetadataItemNotFoundException ex) {
		return fault(HttpStatus.NOT_FOUND, "itemNotFound", ex.getMessage());
	}

}
