package dev.novaboot.service.rpc.amqp;

import java.time.Duration;

import org.springframework.boot.amqp.autoconfigure.ConnectionFactoryCustomizer;

/**
 * How soon this service notices that its broker connection is gone, where
 * {@code spring.rabbitmq.requested-heartbeat} and {@code spring.rabbitmq.connection-timeout}
 * do not say. Without AMQP heartbeats (the client asks for 60 s) a connection whose peer
 * vanished without a word (a cut cable, a host gone) stays open on both sides: the
 * consumers wait on it, the broker keeps the messages it handed them, and new messages go
 * into a TCP connection that retransmits with ever longer pauses. With a heartbeat of half
 * the service group's down-time (at most 10 s; oslo.messaging's rabbit driver likewise
 * checks several times per {@code heartbeat_timeout_threshold}) both ends give the
 * connection up within about the down-time: the broker takes back what was not
 * acknowledged and the listener containers reconnect, each attempt bounded by the
 * connection timeout (twice the heartbeat) instead of the client's 60 s, so that a link
 * that returns is used at the next attempt.
 */
public final class AmqpFailureDetection implements ConnectionFactoryCustomizer {

	static final Duration MAX_HEARTBEAT = Duration.ofSeconds(10);

	private final Duration heartbeat;

	private final Duration connectionTimeout;

	public AmqpFailureDetection(Duration heartbeat, Duration connectionTimeout) {
		this.heartbeat = heartbeat;
		this.connectionTimeout = connectionTimeout;
	}

	/**
	 * A heartbeat of half the down-time, between 1 s and {@link #MAX_HEARTBEAT} (the
	 * protocol counts whole seconds), unless {@code requestedHeartbeat} is set; a connection
	 * timeout of twice the heartbeat unless {@code requestedConnectionTimeout} is set.
	 */
	public static AmqpFailureDetection of(Duration downTime, Duration requestedHeartbeat,
			Duration requestedConnectionTimeout) {
		Duration heartbeat = (requestedHeartbeat != null) ? requestedHeartbeat
				: Duration.ofSeconds(Math.max(1, Math.min(MAX_HEARTBEAT.toSeconds(), downTime.toSeconds() / 2)));
		Duration connectionTimeout = (requestedConnectionTimeout != null) ? requestedConnectionTimeout
				: heartbeat.multipliedBy(2);
		return new AmqpFailureDetection(heartbeat, connectionTimeout);
	}

	public Duration heartbeat() {
		return this.heartbeat;
	}

	public Duration connectionTimeout() {
		return this.connectionTimeout;
	}

	@Override
	public void customize(com.rabbitmq.client.ConnectionFactory connectionFactory) {
		connectionFactory.setRequestedHeartbeat((int) this.heartbeat.toSeconds());
		connectionFactory.setConnectionTimeout((int) this.connectionTimeout.toMillis());
	}

}
