package dev.novaboot.service.rpc;

/**
 * A message addressed to a topic found no up service of that topic to take it.
 */
public class NoServiceUpException extends RpcUnreachableException {

	public NoServiceUpException(String topic, String method) {
		super(topic, method, "Cannot send " + method + " to topic " + topic + ": no service of it is up", null);
	}

}
