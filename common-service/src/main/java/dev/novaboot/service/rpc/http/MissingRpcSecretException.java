package dev.novaboot.service.rpc.http;

/**
 * The {@code http} transport has no usable {@code nova.rpc.secret}: without it no RPC
 * message could be authenticated, so the service does not start.
 */
public class MissingRpcSecretException extends RuntimeException {

	public static final int MINIMUM_LENGTH = 16;

	public MissingRpcSecretException(String problem) {
		super("nova.rpc.secret " + problem + ": the http RPC transport signs and checks every message with this secret,"
				+ " shared by all services of the suite");
	}

}
