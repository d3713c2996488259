package dev.novaboot.service;

/**
 * Who this process is in the suite: the key of its row in the {@code services} table
 * ({@code host}, {@code binary}) and the topic its manager listens on.
 */
public record ServiceIdentity(String host, String binary, String topic, String zone) {

	/** The address of this very service: {@code topic.host}. */
	public String topicHost() {
		return this.topic + "." + this.host;
	}

}
