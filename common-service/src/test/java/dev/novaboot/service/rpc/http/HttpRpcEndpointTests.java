package dev.novaboot.service.rpc.http;

import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import dev.novaboot.sample.SampleRpcApi;
import dev.novaboot.service.context.RequestContext;
import dev.novaboot.service.rpc.RpcCodec;
import dev.novaboot.service.rpc.RpcDispatcher;
import dev.novaboot.service.rpc.RpcMessage;
import dev.novaboot.service.rpc.RpcObserver;
import dev.novaboot.service.rpc.RpcReply;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.JsonNodeFactory;

import org.springframework.http.ResponseEntity;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The receiving end of the http transport on its own: casts are accepted only while the
 * cast executor has room, so an overloaded receiver says so (503) instead of queueing
 * without bound, and unreadable messages are a 400.
 */
class HttpRpcEndpointTests {

	private final RpcCodec codec = new RpcCodec();

	private final CountDownLatch release = new CountDownLatch(1);

	private final BlockingSample manager = new BlockingSample(this.release);

	private final ThreadPoolTaskExecutor executor = executor();

	private final HttpRpcEndpoint endpoint = new HttpRpcEndpoint(
			new RpcDispatcher(List.of(this.manager), this.codec, new RpcObserver(null), "host-x"), this.codec,
			this.executor, new RpcSigner("test-only-rpc-secret-not-for-production", java.time.Duration.ofSeconds(60), java.time.Clock.systemUTC()));

	private static ThreadPoolTaskExecutor executor() {
		ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
		executor.setCorePoolSize(1);
		executor.setMaxPoolSize(1);
		executor.setQueueCapacity(1);
		executor.initialize();
		return executor;
	}

	@AfterEach
	void stop() {
		this.release.countDown();
		this.endpoint.destroy();
	}

	private byte[] note(String note) {
		return this.codec.write(new RpcMessage(SampleRpcApi.class.getName(), "1.0", "note",
				RpcMessage.Context.of(new RequestContext("req-1", "u", "p", Set.of())),
				List.of(JsonNodeFactory.instance.stringNode(note))));
	}

	@Test
	void castIsAcceptedWhileThereIsRoomThenRefusedWith503() throws InterruptedException {
		assertThat(this.endpoint.cast(note("running")).getStatusCode().value()).isEqualTo(202);
		assertThat(this.manager.started.await(5, TimeUnit.SECONDS)).isTrue();
		assertThat(this.endpoint.cast(note("queued")).getStatusCode().value()).isEqualTo(202);
		ResponseEntity<byte[]> refused = this.endpoint.cast(note("refused"));
		assertThat(refused.getStatusCode().value()).isEqualTo(503);
		assertThat(this.codec.read(refused.getBody(), RpcReply.class).failure().message()).contains("busy");
		this.release.countDown();
		this.executor.getThreadPoolExecutor().shutdown();
		assertThat(this.executor.getThreadPoolExecutor().awaitTermination(5, TimeUnit.SECONDS)).isTrue();
		assertThat(this.manager.notes).containsExactly("running", "queued");
	}

	@Test
	void unreadableMessagesAreA400() {
		assertThat(this.endpoint.call("not json".getBytes()).getStatusCode().value()).isEqualTo(400);
		assertThat(this.endpoint.cast("{\"api\": [1]}".getBytes()).getStatusCode().value()).isEqualTo(400);
	}

	@Test
	void castOutsideTheContractIsRefusedWith404BeforeQueueing() {
		byte[] wipe = this.codec.write(new RpcMessage(SampleRpcApi.class.getName(), "1.0", "wipe",
				RpcMessage.Context.of(new RequestContext("req-1", "u", "p", Set.of())), List.of()));
		assertThat(this.endpoint.cast(wipe).getStatusCode().value()).isEqualTo(404);
		assertThat(this.executor.getThreadPoolExecutor().getTaskCount()).isZero();
	}

	static class BlockingSample implements SampleRpcApi {

		final List<String> notes = new java.util.concurrent.CopyOnWriteArrayList<>();

		final CountDownLatch started = new CountDownLatch(1);

		private final CountDownLatch release;

		BlockingSample(CountDownLatch release) {
			this.release = release;
		}

		@Override
		public Greeting greet(RequestContext context, Greeting.Request request) {
			return null;
		}

		@Override
		public void fail(RequestContext context, String reason) {
		}

		@Override
		public long sleep(RequestContext context, long millis) {
			return 0;
		}

		@Override
		public void note(RequestContext context, String note) {
			this.started.countDown();
			try {
				this.release.await(10, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			this.notes.add(note);
		}

	}

}
