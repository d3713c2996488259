package dev.novaboot.service.rpc;

/**
 * The remote method ran and raised an exception; its type and message come back here
 * (Nova's {@code RemoteError}). The remote stack trace stays in the remote host's log.
 */
public class RemoteRpcException extends RpcException {

	private final String remoteType;

	private final String remoteMessage;

	private final String remoteHost;

	public RemoteRpcException(String address, String method, String remoteHost, String remoteType,
			String remoteMessage) {
		super(address, method, remoteType + " raised by " + method + " on " + remoteHost + ": " + remoteMessage, null);
		this.remoteType = remoteType;
		this.remoteMessage = remoteMessage;
		this.remoteHost = remoteHost;
	}

	/** The fully qualified class name of the exception the remote method raised. */
	public String getRemoteType() {
		return this.remoteType;
	}

	/** The message of the exception the remote method raised. */
	public String getRemoteMessage() {
		return this.remoteMessage;
	}

	/** The host whose manager ran the method. */
	public String getRemoteHost() {
		return this.remoteHost;
	}

}
