package dev.novaboot.service.rpc.amqp;

import org.springframework.amqp.core.Binding;
import org.springframework.amqp.core.BindingBuilder;
import org.springframework.amqp.core.Declarables;
import org.springframework.amqp.core.FanoutExchange;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.core.TopicExchange;

/**
 * The broker objects of the {@code amqp} transport, named as oslo.messaging names them
 * for Nova: one topic exchange ({@code nova}); per topic a durable shared queue
 * {@code topic} (competing consumers) and a durable queue {@code topic.host} per host,
 * both bound by their own name; and a fanout exchange {@code topic_fanout}, to which every
 * running service binds a queue of its own.
 */
public class AmqpTopology {

	private final String exchange;

	public AmqpTopology(String exchange) {
		this.exchange = exchange;
	}

	public String exchange() {
		return this.exchange;
	}

	/** The routing key, and the queue name, of {@code topic} or {@code topic.host}. */
	public String routingKey(String topic, String host) {
		return (host != null) ? topic + "." + host : topic;
	}

	public String fanoutExchange(String topic) {
		return topic + "_fanout";
	}

	/** The topic exchange, a durable queue of {@code routingKey} and its binding. */
	public Declarables queue(String routingKey) {
		TopicExchange exchange = new TopicExchange(this.exchange, true, false);
		Queue queue = new Queue(routingKey, true, false, false);
		Binding binding = BindingBuilder.bind(queue).to(exchange).with(routingKey);
		return new Declarables(exchange, queue, binding);
	}

	public FanoutExchange fanout(String topic) {
		return new FanoutExchange(fanoutExchange(topic), true, false);
	}

}
