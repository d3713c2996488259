package dev.novaboot.service.rpc;

/**
 * The receiver refused the message and ran nothing: the method is not part of any RPC
 * contract its manager implements, the contract's major version differs, the arguments do
 * not fit the method, or the message failed authentication.
 */
public class RpcRefusedException extends RpcException {

	public RpcRefusedException(String address, String method, String reason) {
		super(address, method, "Refused " + method + " at " + address + ": " + reason, null);
	}

}
