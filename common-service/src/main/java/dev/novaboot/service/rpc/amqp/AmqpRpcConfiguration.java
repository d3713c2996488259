package dev.novaboot.service.rpc.amqp;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import dev.novaboot.service.ServiceIdentity;
import dev.novaboot.service.ServiceProperties;
import dev.novaboot.service.manager.ManagerInitializer;
import dev.novaboot.service.rpc.RpcCodec;
import dev.novaboot.service.rpc.RpcDispatcher;
import dev.novaboot.service.rpc.RpcProperties;
import dev.novaboot.service.rpc.RpcTargetCache;
import dev.novaboot.service.rpc.RpcTargets;
import dev.novaboot.service.rpc.RpcTransport;

import org.springframework.amqp.core.AmqpAdmin;
import org.springframework.amqp.core.AnonymousQueue;
import org.springframework.amqp.core.Base64UrlNamingStrategy;
import org.springframework.amqp.core.BindingBuilder;
import org.springframework.amqp.core.Declarable;
import org.springframework.amqp.core.Declarables;
import org.springframework.amqp.core.FanoutExchange;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.rabbit.AsyncRabbitTemplate;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitAdmin;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.amqp.rabbit.listener.AbstractMessageListenerContainer;
import org.springframework.amqp.rabbit.listener.DirectMessageListenerContainer;
import org.springframework.amqp.rabbit.listener.SimpleMessageListenerContainer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.amqp.autoconfigure.CachingConnectionFactoryConfigurer;
import org.springframework.boot.amqp.autoconfigure.RabbitProperties;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The {@code amqp} transport ({@code nova.rpc.transport=amqp}) on Spring Boot's RabbitMQ
 * connection ({@code spring.rabbitmq.*}). Its templates are its own, not beans, so that
 * the app's {@code RabbitTemplate} stays as Spring Boot made it.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "nova.rpc.transport", havingValue = "amqp")
public class AmqpRpcConfiguration {

	@Bean
	AmqpTopology amqpTopology(RpcProperties properties) {
		return new AmqpTopology(properties.amqp().exchange());
	}

	/** This client's reply queue: Qpid and older brokers lack RabbitMQ's direct reply-to. */
	@Bean
	Queue rpcReplyQueue(ServiceIdentity identity) {
		String name = "reply_" + identity.binary() + "_" + identity.host() + "_"
				+ UUID.randomUUID().toString().substring(0, 8);
		return new Queue(name, false, true, true);
	}

	/** A dead connection noticed within about the down-time (Spring Boot applies it as a customizer). */
	@Bean
	@ConditionalOnMissingBean
	AmqpFailureDetection amqpFailureDetection(ObjectProvider<RabbitProperties> rabbit, ServiceProperties service) {
		RabbitProperties properties = rabbit.getIfAvailable(RabbitProperties::new);
		return AmqpFailureDetection.of(service.downTime(), properties.getRequestedHeartbeat(),
				properties.getConnectionTimeout());
	}

	/**
	 * Receives the replies to this client's calls. A bean (started by the request template,
	 * not by the context) so that it declares its reply queue again after the broker lost it.
	 * A direct container: the reply completes its call on the client library's consumer
	 * thread, without the hand-off to a container thread of its own that a simple container
	 * makes (one thread wake-up less per call). Safe only because its listener never
	 * blocks (it completes a future): the client library's consumer threads are few and
	 * shared by the connection. The server's container stays a simple one for that reason:
	 * a manager method may block, even on a call of its own whose reply comes this way.
	 */
	@Bean
	DirectMessageListenerContainer rpcReplyContainer(ConnectionFactory connectionFactory, Queue rpcReplyQueue,
			AmqpFailureDetection amqpFailureDetection) {
		DirectMessageListenerContainer replies = new DirectMessageListenerContainer(connectionFactory);
		replies.setQueueNames(rpcReplyQueue.getName());
		// consumers that the broker or the network cut are started again at this pace
		replies.setMonitorInterval(recoveryInterval(amqpFailureDetection));
		replies.setMissingQueuesFatal(false);
		replies.setAutoDeclare(true);
		replies.setAutoStartup(false);
		return replies;
	}

	/** Calls' requests and replies published without confirms; see {@link RpcCallConnection}. */
	@Bean
	RpcCallConnection rpcCallConnection(ConnectionFactory connectionFactory,
			ObjectProvider<CachingConnectionFactoryConfigurer> configurer) {
		return RpcCallConnection.of(connectionFactory, configurer.getIfAvailable());
	}

	/** Sends calls and fanouts, and (on the receiving side) replies. */
	@Bean
	AsyncRabbitTemplate rpcRequestTemplate(RpcCallConnection rpcCallConnection,
			DirectMessageListenerContainer rpcReplyContainer, Queue rpcReplyQueue) {
		AsyncRabbitTemplate template = new AsyncRabbitTemplate(new RabbitTemplate(rpcCallConnection.factory()),
				rpcReplyContainer, rpcReplyQueue.getName());
		// each call waits for its own timeout and cancels; this only bounds a forgotten request
		template.setReceiveTimeout(24 * 3600 * 1000L);
		// ready before initHost(), which may call other services
		template.setPhase(ManagerInitializer.PHASE - 1);
		return template;
	}

	@Bean
	@ConditionalOnMissingBean(RpcTransport.class)
	RpcTransport amqpRpcTransport(AsyncRabbitTemplate rpcRequestTemplate, ObjectProvider<AmqpAdmin> admin,
			ConnectionFactory connectionFactory, AmqpTopology amqpTopology, RpcTargets targets,
			RpcTargetCache targetCache, RpcCodec codec,
			RpcProperties properties) {
		RabbitTemplate casts = new RabbitTemplate(connectionFactory);
		// with publisher returns (the suite's default) a cast that no queue took comes back to its sender
		casts.setMandatory(connectionFactory.isPublisherReturns());
		return new AmqpRpcTransport(casts, rpcRequestTemplate,
				admin.getIfAvailable(() -> new RabbitAdmin(connectionFactory)), amqpTopology, targets, targetCache, codec,
				properties.callTimeout());
	}

	/** The queues this service consumes: per served topic, shared, its host's and a fanout one. */
	@Bean
	Declarables rpcServerQueues(RpcDispatcher dispatcher, ServiceIdentity identity, AmqpTopology amqpTopology) {
		List<Declarable> declarables = new ArrayList<>();
		for (String topic : dispatcher.topics()) {
			declarables.addAll(amqpTopology.queue(amqpTopology.routingKey(topic, null)).getDeclarables());
			declarables.addAll(amqpTopology.queue(amqpTopology.routingKey(topic, identity.host())).getDeclarables());
			FanoutExchange fanout = amqpTopology.fanout(topic);
			Queue fanoutQueue = new AnonymousQueue(new Base64UrlNamingStrategy(topic + "_fanout_"));
			declarables.add(fanout);
			declarables.add(fanoutQueue);
			declarables.add(BindingBuilder.bind(fanoutQueue).to(fanout));
		}
		return new Declarables(declarables);
	}

	@Bean
	SimpleMessageListenerContainer rpcServerContainer(ConnectionFactory connectionFactory,
			Declarables rpcServerQueues, RpcDispatcher dispatcher, RpcCodec codec,
			AsyncRabbitTemplate rpcRequestTemplate, RpcProperties properties, AmqpFailureDetection amqpFailureDetection) {
		SimpleMessageListenerContainer container = new SimpleMessageListenerContainer(connectionFactory);
		container.setQueues(rpcServerQueues.getDeclarablesByType(Queue.class).toArray(Queue[]::new));
		container.setMessageListener(new AmqpRpcServer(dispatcher, codec, rpcRequestTemplate.getRabbitTemplate()));
		container.setConcurrentConsumers(properties.server().threads());
		container.setPrefetchCount(properties.amqp().prefetch());
		container.setDefaultRequeueRejected(false);
		recovering(container, amqpFailureDetection);
		container.setAutoStartup(!dispatcher.topics().isEmpty());
		return container;
	}

	/**
	 * A container that outlives any outage of the broker or of the network: it retries its
	 * consumers every heartbeat (at most every 5 s, Spring AMQP's default) for as long as it
	 * runs, declares its queues again when the broker lost them (the exclusive fanout and
	 * reply queues go with their connection), and never stops because a queue is missing
	 * for a while.
	 */
	private static void recovering(SimpleMessageListenerContainer container, AmqpFailureDetection detection) {
		container.setRecoveryInterval(recoveryInterval(detection));
		container.setMissingQueuesFatal(false);
		container.setAutoDeclare(true);
	}

	private static long recoveryInterval(AmqpFailureDetection detection) {
		return Math.min(detection.heartbeat().toMillis(), AbstractMessageListenerContainer.DEFAULT_RECOVERY_INTERVAL);
	}

}
