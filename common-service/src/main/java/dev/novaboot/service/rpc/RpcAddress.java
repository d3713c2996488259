package dev.novaboot.service.rpc;

/**
 * Where a message goes: a topic, whose services compete for it, or {@code topic.host},
 * that host's service of the topic.
 *
 * @param topic the topic, such as {@code network}
 * @param host the host, or {@code null} for any up service of the topic
 */
public record RpcAddress(String topic, String host) {

	public static RpcAddress topic(String topic) {
		return new RpcAddress(topic, null);
	}

	public static RpcAddress host(String topic, String host) {
		return new RpcAddress(topic, host);
	}

	public boolean hasHost() {
		return this.host != null;
	}

	@Override
	public String toString() {
		return (this.host != null) ? this.topic + "." + this.host : this.topic;
	}

}
