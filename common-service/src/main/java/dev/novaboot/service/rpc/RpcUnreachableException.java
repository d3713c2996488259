package dev.novaboot.service.rpc;

/**
 * The message could not be handed to any receiver, so the remote method did not run.
 * The subclasses say why.
 */
public abstract class RpcUnreachableException extends RpcException {

	protected RpcUnreachableException(String address, String method, String message, Throwable cause) {
		super(address, method, message, cause);
	}

}
