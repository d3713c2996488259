package dev.novaboot.service.rpc;

import java.time.Duration;

/**
 * A {@code call} got no answer within its timeout ({@code nova.rpc.call-timeout}). The
 * remote method may still run, or have run: callers must not assume it did not.
 */
public class RpcTimeoutException extends RpcException {

	private final Duration timeout;

	public RpcTimeoutException(String address, String method, Duration timeout, Throwable cause) {
		super(address, method, "No reply to " + method + " from " + address + " within " + timeout, cause);
		this.timeout = timeout;
	}

	public Duration getTimeout() {
		return this.timeout;
	}

}
