package dev.novaboot.service.manager;

/**
 * The manager's {@link Manager#initHost()} failed: the host is not fit to run the
 * service.
 */
public class ManagerInitializationException extends RuntimeException {

	private final String managerName;

	private final String host;

	public ManagerInitializationException(String managerName, String host, Throwable cause) {
		super("initHost() of " + managerName + " on host " + host + " failed: " + cause.getMessage(), cause);
		this.managerName = managerName;
		this.host = host;
	}

	public String getManagerName() {
		return this.managerName;
	}

	public String getHost() {
		return this.host;
	}

}
