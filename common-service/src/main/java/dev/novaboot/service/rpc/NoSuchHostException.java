package dev.novaboot.service.rpc;

/**
 * No service of the topic is registered on the addressed host ({@code topic.host} names
 * a host that the {@code services} table does not know for that topic).
 */
public class NoSuchHostException extends RpcUnreachableException {

	private final String host;

	public NoSuchHostException(String address, String method, String host) {
		super(address, method, "Cannot send " + method + " to " + address + ": no service of this topic on host " + host,
				null);
		this.host = host;
	}

	public String getHost() {
		return this.host;
	}

}
