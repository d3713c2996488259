package dev.novaboot.service.rpc;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import dev.novaboot.sample.SampleRpcApi;
import dev.novaboot.sample.SampleRpcApi.Greeting;
import dev.novaboot.service.context.RequestContext;
import dev.novaboot.service.testsupport.EmbeddedAmqpBroker;
import dev.novaboot.service.testsupport.SampleHosts;
import org.junit.jupiter.api.Test;

import org.springframework.context.ConfigurableApplicationContext;

/**
 * Not a test (surefire's default includes leave it out): RPC {@code call} round trips on
 * loopback between two real hosts of the sample service, per transport. Run with
 * <pre>
 * ./mvnw -B -ntp -q -pl common-service -am test -Dtest=RpcCallBenchmark -Dsurefire.failIfNoSpecifiedTests=false
 * </pre>
 * Results go to {@code common-service/target/rpc-benchmark.txt}. A RabbitMQ on
 * 127.0.0.1:5672 (guest/guest) is measured too when one answers.
 */
class RpcCallBenchmark {

	static final int WARMUP = Integer.getInteger("rpc.benchmark.warmup", 3000);

	static final int CALLS = Integer.getInteger("rpc.benchmark.calls", 5000);

	static final int THREADS = Integer.getInteger("rpc.benchmark.threads", 8);

	static final Path RESULTS = Path.of("target", "rpc-benchmark.txt");

	@Test
	void callRoundTrips() throws Exception {
		Files.deleteIfExists(RESULTS);
		report("RPC call round trip, greet(context, record) -> record, host-a -> host-b on loopback; " + CALLS
				+ " sequential calls after " + WARMUP + " warm-up, then " + THREADS + " callers x " + CALLS
				+ " calls; JDK " + System.getProperty("java.version") + ", " + Runtime.getRuntime().availableProcessors()
				+ " cores");
		// -Drpc.benchmark.only=http|qpid|rabbitmq measures one transport (http-only=true: http)
		String only = Boolean.getBoolean("rpc.benchmark.http-only") ? "http" : System.getProperty("rpc.benchmark.only", "");
		if (only.isEmpty() || only.equals("http")) {
			measure("http", new SampleHosts("bench-http"));
		}
		if (only.isEmpty() || only.equals("qpid")) {
			try (EmbeddedAmqpBroker broker = EmbeddedAmqpBroker.start()) {
				measure("amqp (embedded Qpid Broker-J 10.1.0)", amqpHosts("bench-qpid", broker.port()));
			}
		}
		if (!only.isEmpty() && !only.equals("rabbitmq")) {
			return;
		}
		if (reachable(5672)) {
			measure("amqp (RabbitMQ on 127.0.0.1:5672)", amqpHosts("bench-rabbit", 5672));
		}
		else {
			report("amqp (RabbitMQ): none on 127.0.0.1:5672, not measured");
		}
	}

	private static SampleHosts amqpHosts(String database, int port) {
		return new SampleHosts(database, "--nova.rpc.transport=amqp", "--spring.rabbitmq.host=127.0.0.1",
				"--spring.rabbitmq.port=" + port, "--spring.rabbitmq.username=guest", "--spring.rabbitmq.password=guest",
				"--nova.rpc.amqp.exchange=nova-bench-" + database, "--logging.level.root=warn");
	}

	private void measure(String transport, SampleHosts hosts) throws Exception {
		try (hosts) {
			ConfigurableApplicationContext hostA = hosts.start("host-a");
			ConfigurableApplicationContext hostB = hosts.start("host-b");
			SampleRpcApi api = hostA.getBean(Rpc.class).call(SampleRpcApi.class, "host-b");
			RequestContext context = new RequestContext("req-bench", "user", "project", Set.of("member"));
			Greeting.Request request = new Greeting.Request("benchmark");
			for (int i = 0; i < WARMUP; i++) {
				api.greet(context, request);
			}
			long[] nanos = new long[CALLS];
			for (int i = 0; i < CALLS; i++) {
				long started = System.nanoTime();
				api.greet(context, request);
				nanos[i] = System.nanoTime() - started;
			}
			Arrays.sort(nanos);
			ExecutorService callers = Executors.newFixedThreadPool(THREADS);
			long started = System.nanoTime();
			List<Future<?>> done = new ArrayList<>();
			for (int t = 0; t < THREADS; t++) {
				done.add(callers.submit(() -> {
					for (int i = 0; i < CALLS; i++) {
						api.greet(context, request);
					}
				}));
			}
			for (Future<?> future : done) {
				future.get();
			}
			double seconds = (System.nanoTime() - started) / 1e9;
			callers.shutdown();
			// where the time goes: the services-table lookup every call makes, and the receiver's own share
			RpcTargets targets = hostA.getBean(RpcTargets.class);
			long lookupStarted = System.nanoTime();
			for (int i = 0; i < 1000; i++) {
				targets.upHostService(RpcAddress.host("sample", "host-b"), "greet");
			}
			double lookupMs = (System.nanoTime() - lookupStarted) / 1e6 / 1000;
			double serverMs = serverMeanMillis(hostB);
			report(String.format("%-38s p50 %.2f ms, p99 %.2f ms, max %.1f ms (sequential); %,.0f calls/s with %d callers",
					transport, nanos[CALLS / 2] / 1e6, nanos[(int) (CALLS * 0.99)] / 1e6, nanos[CALLS - 1] / 1e6,
					THREADS * CALLS / seconds, THREADS));
			report(String.format("%-38s of which: services-table lookup %.2f ms (mean), receiver's dispatch %.3f ms (mean)",
					"", lookupMs, serverMs));
		}
	}

	private static double serverMeanMillis(ConfigurableApplicationContext host) {
		io.micrometer.core.instrument.Timer timer = host.getBean(io.micrometer.core.instrument.MeterRegistry.class)
			.find(RpcObserver.METRIC)
			.tags("side", "server", "method", "greet", "outcome", "success")
			.timer();
		return (timer != null) ? timer.mean(java.util.concurrent.TimeUnit.MILLISECONDS) : Double.NaN;
	}

	private static boolean reachable(int port) {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

	private static void report(String line) throws IOException {
		System.out.println(line);
		Files.writeString(RESULTS, line + System.lineSeparator(), StandardOpenOption.CREATE, StandardOpenOption.APPEND);
	}

}
