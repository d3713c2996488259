package dev.novaboot.service.rpc;

/**
 * The addressed host runs the topic's service, but it is down: its heartbeat is too old,
 * it is forced down, or it does not accept connections.
 */
public class HostDownException extends RpcUnreachableException {

	private final String host;

	public HostDownException(String address, String method, String host, String reason, Throwable cause) {
		super(address, method, "Cannot send " + method + " to " + address + ": host " + host + " is down (" + reason + ")",
				cause);
		this.host = host;
	}

	public String getHost() {
		return this.host;
	}

}
