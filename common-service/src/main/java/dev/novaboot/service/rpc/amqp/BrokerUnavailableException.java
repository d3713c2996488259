package dev.novaboot.service.rpc.amqp;

import dev.novaboot.service.rpc.RpcUnreachableException;

/**
 * The {@code amqp} transport cannot reach the message broker, so nothing was sent.
 */
public class BrokerUnavailableException extends RpcUnreachableException {

	public BrokerUnavailableException(String address, String method, Throwable cause) {
		super(address, method, "Cannot send " + method + " to " + address + ": the message broker is unavailable ("
				+ cause.getMessage() + ")", cause);
	}

}
