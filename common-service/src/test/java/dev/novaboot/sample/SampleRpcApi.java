package dev.novaboot.sample;

import java.util.Set;

import dev.novaboot.service.context.RequestContext;
import dev.novaboot.service.rpc.RpcApi;

/**
 * The sample manager's RPC contract, used by the starter's RPC tests.
 */
@RpcApi(topic = "sample", version = "1.2")
public interface SampleRpcApi {

	/** Answers with the host that ran it and the context it received. */
	Greeting greet(RequestContext context, Greeting.Request request);

	/** Always raises {@link IllegalArgumentException} with {@code reason}. */
	void fail(RequestContext context, String reason);

	/** Sleeps, then answers {@code millis}. */
	long sleep(RequestContext context, long millis);

	/** Remembers {@code note} on the receiving host (for casts and fanouts). */
	void note(RequestContext context, String note);

	record Greeting(String host, String text, String requestId, String userId, String projectId, Set<String> roles) {

		public record Request(String text) {
		}

	}

}
