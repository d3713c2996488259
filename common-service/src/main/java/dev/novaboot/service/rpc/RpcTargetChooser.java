package dev.novaboot.service.rpc;

import java.util.List;

import dev.novaboot.service.record.ServiceRecord;

/**
 * Picks the service that gets a message addressed to a topic (the {@code http}
 * transport; with {@code amqp} the broker hands the message to one of the competing
 * consumers). Declare a bean of this type to replace the default
 * {@link LeastRecentlyUsedChooser}.
 */
@FunctionalInterface
public interface RpcTargetChooser {

	/**
	 * @param topic the topic the message is addressed to
	 * @param candidates up, enabled services of the topic with an RPC endpoint: a window of
	 * at most {@link RpcTargets#WINDOW} of them that moves along the topic from one message
	 * to the next (so that no message reads a topic of thousands of hosts); never empty
	 * @return one of {@code candidates}
	 */
	ServiceRecord choose(String topic, List<ServiceRecord> candidates);

}
