package dev.novaboot.service.rpc.amqp;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import dev.novaboot.service.ServiceIdentity;
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
import org.springframework.amqp.rabbit.listener.SimpleMessageListenerContainer;
import org.springframework.beans.factory.ObjectProvider;
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

	@Bean
	AsyncRabbitTemplate rpcRequestTemplate(ConnectionFactory connectionFactory, Queue rpcReplyQueue) {
		SimpleMessageListenerContainer replies = new SimpleMessageListenerContainer(connectionFactory);
		replies.setQueueNames(rpcReplyQueue.getName());
		AsyncRabbitTemplate template = new AsyncRabbitTemplate(new RabbitTemplate(connectionFactory), replies,
				rpcReplyQueue.getName());
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
		return new AmqpRpcTransport(rpcRequestTemplate.getRabbitTemplate(), rpcRequestTemplate,
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
			AsyncRabbitTemplate rpcRequestTemplate, RpcProperties properties) {
		SimpleMessageListenerContainer container = new SimpleMessageListenerContainer(connectionFactory);
		container.setQueues(rpcServerQueues.getDeclarablesByType(Queue.class).toArray(Queue[]::new));
		container.setMessageListener(new AmqpRpcServer(dispatcher, codec, rpcRequestTemplate.getRabbitTemplate()));
		container.setConcurrentConsumers(properties.server().threads());
		container.setPrefetchCount(properties.amqp().prefetch());
		container.setDefaultRequeueRejected(false);
		container.setAutoStartup(!dispatcher.topics().isEmpty());
		return container;
	}

}
