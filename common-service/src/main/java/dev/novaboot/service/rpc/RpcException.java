package dev.novaboot.service.rpc;

/**
 * Any failure of a remote procedure call. Callers catch the subclass that matters to
 * them: {@link RemoteRpcException} (the remote method raised), {@link RpcTimeoutException}
 * (no answer in time), {@link RpcUnreachableException} (nobody to send it to) and
 * {@link RpcRefusedException} (the receiver would not run it).
 */
public class RpcException extends RuntimeException {

	private final String address;

	private final String method;

	public RpcException(String address, String method, String message, Throwable cause) {
		super(message, cause);
		this.address = address;
		this.method = method;
	}

	/** Where the message was sent: {@code topic} or {@code topic.host}. */
	public String getAddress() {
		return this.address;
	}

	/** The contract method that was invoked. */
	public String getMethod() {
		return this.method;
	}

}
