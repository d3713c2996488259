package dev.novaboot.service.rpc;

import java.time.Duration;

import dev.novaboot.service.config.Secrets;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How services talk to each other's managers.
 *
 * @param transport {@code http} (default, no broker) or {@code amqp} (RabbitMQ, through
 * {@code spring.rabbitmq.*})
 * @param secret the secret every service of the suite shares to sign and check RPC
 * messages of the {@code http} transport; required with that transport
 * @param callTimeout how long {@code call} waits for a reply (Nova's
 * {@code rpc_response_timeout})
 * @param server how this service runs the messages it receives
 * @param http settings of the {@code http} transport
 * @param amqp settings of the {@code amqp} transport
 * @param targetCacheTtl how long a sender reuses what it read of the services table about
 * a receiver (its row and the database clock) before reading it again; whether the receiver
 * is up is still decided at every message from its heartbeat, so only changes to its row
 * (forced down, disabled, moved) are seen up to this much later. {@code 0s} reads the
 * table for every message.
 */
@ConfigurationProperties("nova.rpc")
public record RpcProperties(@DefaultValue("http") RpcTransport.Choice transport, String secret,
		@DefaultValue("60s") Duration callTimeout, @DefaultValue Server server, @DefaultValue Http http,
		@DefaultValue Amqp amqp, @DefaultValue("1s") Duration targetCacheTtl) {

	// the generated one would print the secret that signs every RPC message
	@Override
	public String toString() {
		return "RpcProperties[transport=" + this.transport + ", secret=" + Secrets.mask(this.secret) + ", callTimeout="
				+ this.callTimeout + ", server=" + this.server + ", http=" + this.http + ", amqp=" + this.amqp
				+ ", targetCacheTtl=" + this.targetCacheTtl + "]";
	}

	/**
	 * The receiving side.
	 *
	 * @param threads threads that run received casts and fanouts (http) or consume from
	 * the queues (amqp)
	 * @param queueCapacity casts accepted but not yet running (http); more are refused
	 * with 503 so that the sender sees the overload
	 */
	public record Server(@DefaultValue("8") int threads, @DefaultValue("1000") int queueCapacity) {
	}

	/**
	 * The {@code http} transport.
	 *
	 * @param connectTimeout how long to wait for a TCP connection to the receiver
	 * @param replayWindow how far a message's timestamp may lie from the receiver's clock;
	 * older (or newer) messages are refused, and nonces are remembered this long
	 * @param advertisedHost host name or address that other services use to reach this
	 * one, published in {@code services.rpc_endpoint}; {@code nova.host} when unset
	 * @param maxMessageSize the largest message body a receiver reads
	 */
	public record Http(@DefaultValue("2s") Duration connectTimeout, @DefaultValue("60s") Duration replayWindow,
			String advertisedHost, @DefaultValue("1MB") org.springframework.util.unit.DataSize maxMessageSize) {
	}

	/**
	 * The {@code amqp} transport (connection settings are Spring Boot's
	 * {@code spring.rabbitmq.*}).
	 *
	 * @param exchange the topic exchange that carries {@code topic} and {@code topic.host}
	 * messages (Nova's {@code control_exchange})
	 * @param prefetch messages a consumer takes ahead; small keeps competing consumers fair
	 */
	public record Amqp(@DefaultValue("nova") String exchange, @DefaultValue("4") int prefetch) {
	}

}
