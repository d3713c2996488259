package dev.novaboot.service.rpc.amqp;

import java.time.Duration;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import dev.novaboot.service.rpc.NoServiceUpException;
import dev.novaboot.service.rpc.RpcAddress;
import dev.novaboot.service.rpc.RpcCodec;
import dev.novaboot.service.rpc.RpcException;
import dev.novaboot.service.rpc.RpcMessage;
import dev.novaboot.service.rpc.RpcReply;
import dev.novaboot.service.rpc.RpcTargetCache;
import dev.novaboot.service.rpc.RpcTargets;
import dev.novaboot.service.rpc.RpcTimeoutException;
import dev.novaboot.service.rpc.RpcTransport;

import org.springframework.amqp.AmqpException;
import org.springframework.amqp.AmqpIOException;
import org.springframework.amqp.AmqpTimeoutException;
import org.springframework.amqp.core.AmqpAdmin;
import org.springframework.amqp.core.Declarable;
import org.springframework.amqp.core.Exchange;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageDeliveryMode;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.core.Binding;
import org.springframework.amqp.rabbit.AsyncRabbitTemplate;
import org.springframework.amqp.rabbit.RabbitMessageFuture;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.amqp.rabbit.connection.CorrelationData;
import org.springframework.amqp.rabbit.core.RabbitTemplate;

/**
 * The {@code amqp} transport's sending side (RabbitMQ through Spring AMQP). {@code call}
 * is request/reply over this client's own reply queue; casts are persistent and go to
 * durable queues, so that a cast sent while no receiver runs waits in the broker for the
 * next one that starts.
 * <p>
 * The services table is still consulted: a {@code call} to a down or unknown host, or to
 * a topic with no service up, fails at once instead of waiting for its timeout; a
 * {@code cast} to a down host is queued for it.
 */
public class AmqpRpcTransport implements RpcTransport {

	private final RabbitTemplate casts;

	private final AsyncRabbitTemplate requests;

	private final AmqpAdmin admin;

	private final AmqpTopology topology;

	private final RpcTargets targets;

	private final RpcTargetCache cache;

	private final RpcCodec codec;

	private final Duration confirmTimeout;

	private final Set<String> declared = ConcurrentHashMap.newKeySet();

	/**
	 * @param casts the template for casts: mandatory when the connection has publisher
	 * returns, so that a cast no queue took comes back
	 * @param requests calls (request/reply); its template also sends fanouts
	 * @param confirmTimeout how long a cast waits for the broker's confirm, when the
	 * connection has publisher confirms ({@code spring.rabbitmq.publisher-confirm-type}
	 * {@code correlated} or {@code simple})
	 */
	public AmqpRpcTransport(RabbitTemplate casts, AsyncRabbitTemplate requests, AmqpAdmin admin,
			AmqpTopology topology, RpcTargets targets, RpcTargetCache cache, RpcCodec codec, Duration confirmTimeout) {
		this.cache = cache;
		this.casts = casts;
		this.requests = requests;
		this.admin = admin;
		this.topology = topology;
		this.targets = targets;
		this.codec = codec;
		this.confirmTimeout = confirmTimeout;
		// a broker that restarted forgot what was declared (transient objects at least)
		casts.getConnectionFactory().addConnectionListener((connection) -> this.declared.clear());
	}

	@Override
	public String name() {
		return "amqp";
	}

	@Override
	public RpcReply call(RpcAddress address, RpcMessage message, Duration timeout) {
		if (address.hasHost()) {
			this.cache.upHostService(address, message.method());
		}
		else if (this.cache.upServices(address.topic()).isEmpty()) {
			throw new NoServiceUpException(address.topic(), message.method());
		}
		String routingKey = this.topology.routingKey(address.topic(), address.host());
		MessageProperties properties = new MessageProperties();
		properties.setContentType(MessageProperties.CONTENT_TYPE_JSON);
		properties.setDeliveryMode(MessageDeliveryMode.NON_PERSISTENT);
		// no per-message expiration: RabbitMQ reads it as a relative TTL, Qpid Broker-J (AMQP 0-9-1) as an
		// absolute time, so a request may still run after its caller gave up (as in Nova)
		RabbitMessageFuture future;
		try {
			declare(routingKey);
			future = this.requests.sendAndReceive(this.topology.exchange(), routingKey,
					new Message(this.codec.write(message), properties));
		}
		catch (AmqpException ex) {
			throw brokerFailure(address, message, ex);
		}
		try {
			Message reply = future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
			return this.codec.read(reply.getBody(), RpcReply.class);
		}
		catch (TimeoutException ex) {
			future.cancel(false);
			throw new RpcTimeoutException(address.toString(), message.method(), timeout, ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			future.cancel(false);
			throw new RpcException(address.toString(), message.method(), "Interrupted while waiting for a reply", ex);
		}
		catch (ExecutionException ex) {
			throw new RpcException(address.toString(), message.method(),
					"RPC " + message.method() + " to " + address + " failed: " + ex.getCause(), ex.getCause());
		}
	}

	@Override
	public void cast(RpcAddress address, RpcMessage message) {
		if (address.hasHost()) {
			// an unknown host is an error; a down one gets the message when it starts again
			this.targets.hostService(address, message.method());
		}
		String routingKey = this.topology.routingKey(address.topic(), address.host());
		MessageProperties properties = new MessageProperties();
		properties.setContentType(MessageProperties.CONTENT_TYPE_JSON);
		properties.setDeliveryMode(MessageDeliveryMode.PERSISTENT);
		Message cast = new Message(this.codec.write(message), properties);
		try {
			declare(routingKey);
			publish(routingKey, cast);
		}
		catch (AmqpException ex) {
			throw brokerFailure(address, message, ex);
		}
	}

	/**
	 * Sends a cast and, with publisher confirms, returns only once the broker has taken it:
	 * acknowledged ({@code basic.ack}, written to disk for a persistent message on a durable
	 * queue) and not returned as unroutable. Anything else (a {@code nack}, a return, a
	 * channel closed before the confirm, no confirm in time) fails the caller, who must not
	 * count on the cast running.
	 */
	private void publish(String routingKey, Message cast) {
		ConnectionFactory connectionFactory = this.casts.getConnectionFactory();
		if (connectionFactory.isPublisherConfirms()) {
			// spring.rabbitmq.publisher-confirm-type=correlated (the suite's default), with returns
			CorrelationData correlation = new CorrelationData(UUID.randomUUID().toString());
			this.casts.send(this.topology.exchange(), routingKey, cast, correlation);
			CorrelationData.Confirm confirm = awaitConfirm(correlation);
			if (correlation.getReturned() != null || !confirm.ack()) {
				// its queue is likely gone (deleted on the broker): declare it again for the next cast
				this.declared.remove(routingKey);
				throw new AmqpException((correlation.getReturned() != null)
						? "The broker could not route the cast to queue " + routingKey + ": "
								+ correlation.getReturned().getReplyText()
						: "The broker did not take the cast to queue " + routingKey + ": " + confirm.reason());
			}
		}
		else if (connectionFactory.isSimplePublisherConfirms()) {
			this.casts.invoke((operations) -> {
				operations.send(this.topology.exchange(), routingKey, cast);
				operations.waitForConfirmsOrDie(this.confirmTimeout.toMillis());
				return null;
			});
		}
		else {
			this.casts.send(this.topology.exchange(), routingKey, cast);
		}
	}

	private CorrelationData.Confirm awaitConfirm(CorrelationData correlation) {
		try {
			return correlation.getFuture().get(this.confirmTimeout.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (TimeoutException ex) {
			throw new AmqpTimeoutException("No publisher confirm within " + this.confirmTimeout, ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new AmqpIOException("Interrupted while waiting for the publisher confirm", ex);
		}
		catch (ExecutionException ex) {
			throw new AmqpIOException("The publisher confirm failed", ex.getCause());
		}
	}

	@Override
	public void fanout(String topic, RpcMessage message) {
		MessageProperties properties = new MessageProperties();
		properties.setContentType(MessageProperties.CONTENT_TYPE_JSON);
		properties.setDeliveryMode(MessageDeliveryMode.NON_PERSISTENT);
		try {
			Exchange fanout = this.topology.fanout(topic);
			if (this.declared.add(fanout.getName())) {
				this.admin.declareExchange(fanout);
			}
			this.requests.getRabbitTemplate().send(fanout.getName(), "", new Message(this.codec.write(message), properties));
		}
		catch (AmqpException ex) {
			throw brokerFailure(RpcAddress.topic(topic), message, ex);
		}
	}

	/** Makes sure the durable queue exists, so that the broker keeps the message for it. */
	private void declare(String routingKey) {
		if (!this.declared.contains(routingKey)) {
			for (Declarable declarable : this.topology.queue(routingKey).getDeclarables()) {
				if (declarable instanceof Exchange exchange) {
					this.admin.declareExchange(exchange);
				}
				else if (declarable instanceof Queue queue) {
					this.admin.declareQueue(queue);
				}
				else if (declarable instanceof Binding binding) {
					this.admin.declareBinding(binding);
				}
			}
			this.declared.add(routingKey);
		}
	}

	private static RpcException brokerFailure(RpcAddress address, RpcMessage message, AmqpException ex) {
		return new BrokerUnavailableException(address.toString(), message.method(), ex);
	}

}
