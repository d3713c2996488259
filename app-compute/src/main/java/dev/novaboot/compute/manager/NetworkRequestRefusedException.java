package dev.novaboot.compute.manager;

/**
 * The network service refused a boot's networks or security groups, or a change of a
 * server's security groups, for a reason named as Nova names it.
 */
public class NetworkRequestRefusedException extends RuntimeException {

	private final String fault;

	/**
	 * @param fault the name of Nova's exception ({@code NetworkNotFound},
	 * {@code SecurityGroupNotFound}, {@code NoUniqueMatch}...)
	 */
	public NetworkRequestRefusedException(String fault, String message) {
		super(message);
		this.fault = fault;
	}

	public String fault() {
		return this.fault;
	}

	/** Whether the request was ambiguous rather than wrong (Nova answers these with a 409). */
	public boolean isConflict() {
		return "NoUniqueMatch".equals(this.fault) || "NetworkAmbiguous".equals(this.fault);
	}

}
