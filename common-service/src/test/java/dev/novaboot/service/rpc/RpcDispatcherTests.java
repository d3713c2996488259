package dev.novaboot.service.rpc;

import dev.novaboot.service.context.RequestContext;
import dev.novaboot.service.manager.Manager;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which contracts a manager serves: those it implements directly, and those that its
 * strategy interface extends (as every {@code NetworkManager} strategy serves
 * {@code NetworkRpcApi}).
 */
class RpcDispatcherTests {

	@Test
	void servesAContractInheritedThroughAStrategyInterface() {
		RpcDispatcher dispatcher = new RpcDispatcher(java.util.List.of(new FlatStrategy()), new RpcCodec(),
				new RpcObserver(new SimpleMeterRegistry()), "host-a");
		assertThat(dispatcher.contracts()).containsExactly(PingApi.class.getName());
		assertThat(dispatcher.topics()).containsExactly("ping");
	}

	@RpcApi(topic = "ping")
	interface PingApi {

		String ping(RequestContext context, String message);

	}

	interface PingStrategy extends Manager, PingApi {

	}

	static class FlatStrategy implements PingStrategy {

		@Override
		public String ping(RequestContext context, String message) {
			return message;
		}

	}

}
