package dev.novaboot.network.manager;

/**
 * {@code "networks": "auto"} cannot be served: the project may use several networks and
 * none was named (Nova's {@code NetworkAmbiguous}), or it may use none and this strategy
 * cannot make one for it (Nova's {@code UnableToAutoAllocateNetwork}). Only the RPC
 * caller (compute) sees it, as the message of the failed allocation.
 */
public class AutoAllocationException extends RuntimeException {

	private final String type;

	private AutoAllocationException(String type, String message) {
		super(message);
		this.type = type;
	}

	static AutoAllocationException ambiguous() {
		return new AutoAllocationException("NetworkAmbiguous",
				"More than one possible network found. Specify network ID(s) to select which one(s) to connect to.");
	}

	static AutoAllocationException unavailable(String projectId) {
		return new AutoAllocationException("UnableToAutoAllocateNetwork",
				"Unable to automatically allocate a network for project " + projectId);
	}

	/** Nova's name for the failure. */
	public String type() {
		return this.type;
	}

}
