package dev.novaboot.service.rpc.amqp;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import dev.novaboot.service.rpc.RpcCodec;
import dev.novaboot.service.rpc.RpcDispatcher;
import dev.novaboot.service.rpc.RpcMessage;
import dev.novaboot.service.rpc.RpcRefusedException;
import dev.novaboot.service.rpc.RpcReply;

import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageListener;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.amqp.rabbit.core.RabbitTemplate;

/**
 * The {@code amqp} transport's receiving side: runs each message from this service's
 * queues ({@code topic}, {@code topic.host} and its fanout queue) on the manager, and
 * answers calls on the caller's reply queue. Casts are acknowledged once handled (or
 * refused); a failing cast is logged, never redelivered in a loop.
 */
public class AmqpRpcServer implements MessageListener {

	private static final Log logger = LogFactory.getLog(AmqpRpcServer.class);

	private final RpcDispatcher dispatcher;

	private final RpcCodec codec;

	private final RabbitTemplate template;

	public AmqpRpcServer(RpcDispatcher dispatcher, RpcCodec codec, RabbitTemplate template) {
		this.dispatcher = dispatcher;
		this.codec = codec;
		this.template = template;
	}

	@Override
	public void onMessage(Message message) {
		MessageProperties properties = message.getMessageProperties();
		RpcMessage rpc;
		try {
			rpc = this.codec.read(message.getBody(), RpcMessage.class);
		}
		catch (RuntimeException ex) {
			logger.warn("Dropped an unreadable RPC message from queue " + properties.getConsumerQueue() + ": "
					+ ex.getMessage());
			reply(properties, RpcReply.failure(this.dispatcher.host(), RpcReply.Failure.refused("unreadable RPC message")));
			return;
		}
		if (properties.getReplyTo() != null) {
			reply(properties, this.dispatcher.call(rpc));
			return;
		}
		try {
			this.dispatcher.prepare(rpc, "cast").invoke();
		}
		catch (RpcRefusedException ex) {
			logger.warn("Refused RPC cast " + rpc.api() + "." + rpc.method() + ": " + ex.getMessage());
		}
	}

	private void reply(MessageProperties request, RpcReply reply) {
		if (request.getReplyTo() == null) {
			return;
		}
		MessageProperties properties = new MessageProperties();
		properties.setContentType(MessageProperties.CONTENT_TYPE_JSON);
		properties.setCorrelationId(request.getCorrelationId());
		this.template.send("", request.getReplyTo(), new Message(this.codec.write(reply), properties));
	}

}
