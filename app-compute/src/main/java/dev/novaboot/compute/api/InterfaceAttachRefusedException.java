package dev.novaboot.compute.api;

import java.util.Set;

import org.springframework.http.HttpStatus;

/**
 * The compute host refused an interface attach, for the reason named as Nova's exception;
 * the status is the one Nova's {@code attach_interfaces.py} create answers for it.
 */
class InterfaceAttachRefusedException extends RuntimeException {

	// Nova's HTTPBadRequest group, and the other Invalid refusals of the network service
	private static final Set<String> BAD_REQUEST = Set.of("InterfaceAttachFailedNoNetwork", "NetworkAmbiguous",
			"NoMoreFixedIps", "PortNotUsable", "PortRequiresFixedIP", "NetworkRequiresSubnet", "InvalidInput",
			"SecurityGroupNotFound", "AttachInterfaceNotSupported");

	// HTTPConflict, and InstanceInvalidState as raise_http_conflict_for_instance_invalid_state
	private static final Set<String> CONFLICT = Set.of("InstanceIsLocked", "FixedIpAlreadyInUse", "PortInUse",
			"InstanceInvalidState", "NoUniqueMatch");

	// HTTPNotFound
	private static final Set<String> NOT_FOUND = Set.of("PortNotFound", "NetworkNotFound");

	private final String fault;

	InterfaceAttachRefusedException(String fault, String message) {
		super(message);
		this.fault = fault;
	}

	/** Nova's status for the reason; {@code InterfaceAttachFailed} and anything unknown are 500. */
	HttpStatus status() {
		if (BAD_REQUEST.contains(this.fault)) {
			return HttpStatus.BAD_REQUEST;
		}
		if (CONFLICT.contains(this.fault)) {
			return HttpStatus.CONFLICT;
		}
		if (NOT_FOUND.contains(this.fault)) {
			return HttpStatus.NOT_FOUND;
		}
		if ("PortLimitExceeded".equals(this.fault) || "PolicyNotAuthorized".equals(this.fault)) {
			return HttpStatus.FORBIDDEN;
		}
		return HttpStatus.INTERNAL_SERVER_ERROR;
	}

}
