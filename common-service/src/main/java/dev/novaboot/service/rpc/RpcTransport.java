package dev.novaboot.service.rpc;

import java.time.Duration;

import dev.novaboot.service.driver.SelectedBy;

/**
 * Carries RPC messages between services: {@code http} (the default, no broker) or
 * {@code amqp} (RabbitMQ). Callers use {@link Rpc}; this is the part that differs per
 * transport.
 */
@SelectedBy(property = "nova.rpc.transport", choices = RpcTransport.Choice.class)
public interface RpcTransport {

	/** The value of {@code nova.rpc.transport} that selects this transport. */
	String name();

	/**
	 * Sends {@code message} and waits for the reply.
	 * @throws RpcTimeoutException when no reply came within {@code timeout}
	 * @throws RpcUnreachableException when no receiver could take the message
	 * @throws RpcRefusedException when the receiver refused the message
	 */
	RpcReply call(RpcAddress address, RpcMessage message, Duration timeout);

	/**
	 * Sends {@code message} to one receiver without waiting for the method to run.
	 * Returns once the receiver (http) or the broker (amqp) has accepted it.
	 */
	void cast(RpcAddress address, RpcMessage message);

	/** Sends {@code message} to every up service of {@code topic}, waiting for none. */
	void fanout(String topic, RpcMessage message);

	/** The values of {@code nova.rpc.transport}. */
	enum Choice {

		/** Signed HTTP between the services' own ports, no broker (the default). */
		HTTP,

		/** A RabbitMQ broker, through {@code spring.rabbitmq.*}. */
		AMQP

	}

}
