package dev.novaboot.service.rpc;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import dev.novaboot.sample.SampleManager;
import dev.novaboot.sample.SampleRpcApi;
import dev.novaboot.sample.SampleRpcApi.Greeting;
import dev.novaboot.service.context.RequestContext;
import dev.novaboot.service.record.DatabaseClock;
import dev.novaboot.service.record.ServiceRecord;
import dev.novaboot.service.record.ServiceRecordRepository;
import dev.novaboot.service.testsupport.ServiceRows;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.node.JsonNodeFactory;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * What RPC guarantees whatever the transport, checked between two real hosts of the
 * sample service ({@code host-a} calls, {@code host-b} and {@code host-a} serve). Each
 * transport's test class starts the hosts and runs these.
 */
abstract class RpcTransportContract {

	abstract ConfigurableApplicationContext hostA();

	abstract ConfigurableApplicationContext hostB();

	Rpc rpc() {
		return hostA().getBean(Rpc.class);
	}

	static RequestContext context() {
		return new RequestContext("req-" + UUID.randomUUID(), "user-1", "project-1", Set.of("member", "reader"));
	}

	static SampleManager manager(ConfigurableApplicationContext host) {
		return host.getBean(SampleManager.class);
	}

	ServiceRows rows() {
		return new ServiceRows(hostA().getBean(ServiceRecordRepository.class), hostA().getBean(DatabaseClock.class),
				hostA().getBean(JdbcTemplate.class));
	}

	@Test
	void callReturnsTheResultAndHandsTheCallerContextToTheRemoteManager() {
		RequestContext context = context();
		Greeting greeting = rpc().call(SampleRpcApi.class, "host-b").greet(context, new Greeting.Request("world"));
		assertThat(greeting.host()).isEqualTo("host-b");
		assertThat(greeting.text()).isEqualTo("hello world");
		assertThat(greeting.requestId()).isEqualTo(context.requestId());
		assertThat(greeting.userId()).isEqualTo("user-1");
		assertThat(greeting.projectId()).isEqualTo("project-1");
		assertThat(greeting.roles()).containsExactlyInAnyOrder("member", "reader");
	}

	@Test
	void topicHostAddressReachesThatHost() {
		assertThat(rpc().call(SampleRpcApi.class, "host-a").greet(context(), new Greeting.Request("a")).host())
			.isEqualTo("host-a");
		assertThat(rpc().call(SampleRpcApi.class, "host-b").greet(context(), new Greeting.Request("b")).host())
			.isEqualTo("host-b");
	}

	@Test
	void topicAddressReachesTheUpServicesOfTheTopic() {
		Set<String> hosts = new HashSet<>();
		for (int i = 0; i < 20 && hosts.size() < 2; i++) {
			hosts.add(rpc().call(SampleRpcApi.class).greet(context(), new Greeting.Request("any")).host());
		}
		assertThat(hosts).containsExactlyInAnyOrder("host-a", "host-b");
	}

	@Test
	void primitiveResultsComeBack() {
		assertThat(rpc().call(SampleRpcApi.class, "host-b").sleep(context(), 1)).isEqualTo(1L);
	}

	@Test
	void exceptionInTheRemoteMethodComesBackWithItsTypeAndMessage() {
		assertThatExceptionOfType(RemoteRpcException.class)
			.isThrownBy(() -> rpc().call(SampleRpcApi.class, "host-b").fail(context(), "disk full"))
			.satisfies((ex) -> {
				assertThat(ex.getRemoteType()).isEqualTo(IllegalArgumentException.class.getName());
				assertThat(ex.getRemoteMessage()).isEqualTo("cannot do it: disk full");
				assertThat(ex.getRemoteHost()).isEqualTo("host-b");
				assertThat(ex.getAddress()).isEqualTo("sample.host-b");
				assertThat(ex.getMethod()).isEqualTo("fail");
			});
	}

	@Test
	void callWithoutReplyInTimeTimesOut() {
		assertThatExceptionOfType(RpcTimeoutException.class)
			.isThrownBy(() -> rpc().call(SampleRpcApi.class, "host-b", Duration.ofMillis(300)).sleep(context(), 3000))
			.satisfies((ex) -> assertThat(ex.getTimeout()).isEqualTo(Duration.ofMillis(300)));
	}

	@Test
	void callToHostWhoseHeartbeatStoppedFailsAtOnce() {
		rows().service("host-silent", "nova-sample", "sample", Duration.ofMinutes(5));
		assertThatExceptionOfType(HostDownException.class)
			.isThrownBy(() -> rpc().call(SampleRpcApi.class, "host-silent").greet(context(), new Greeting.Request("x")))
			.satisfies((ex) -> assertThat(ex.getHost()).isEqualTo("host-silent"));
	}

	@Test
	void callToForcedDownHostFails() {
		ServiceRows rows = rows();
		ServiceRecord forced = rows.service("host-forced", "nova-sample", "sample", Duration.ZERO);
		rows.set(forced, "forced_down", true);
		assertThatExceptionOfType(HostDownException.class)
			.isThrownBy(() -> rpc().call(SampleRpcApi.class, "host-forced").greet(context(), new Greeting.Request("x")))
			.withMessageContaining("forced down");
	}

	@Test
	void callToUnknownHostFails() {
		assertThatExceptionOfType(NoSuchHostException.class)
			.isThrownBy(() -> rpc().call(SampleRpcApi.class, "host-nowhere").greet(context(), new Greeting.Request("x")))
			.satisfies((ex) -> assertThat(ex.getHost()).isEqualTo("host-nowhere"));
	}

	@Test
	void castRunsTheMethodOnTheAddressedHostOnly() {
		String note = "cast-" + UUID.randomUUID();
		rpc().cast(SampleRpcApi.class, "host-b").note(context(), note);
		await().atMost(Duration.ofSeconds(10)).until(() -> manager(hostB()).notes().contains(note));
		assertThat(manager(hostA()).notes()).doesNotContain(note);
	}

	@Test
	void fanoutReachesEveryUpHostOfTheTopic() {
		String note = "fanout-" + UUID.randomUUID();
		rpc().fanout(SampleRpcApi.class).note(context(), note);
		await().atMost(Duration.ofSeconds(10))
			.until(() -> manager(hostA()).notes().contains(note) && manager(hostB()).notes().contains(note));
	}

	@Test
	void methodOutsideTheContractIsRefusedAndNeverRuns() {
		RpcTransport transport = rpc().transport();
		RpcAddress hostB = RpcAddress.host("sample", "host-b");
		RpcMessage.Context context = RpcMessage.Context.of(context());
		List<RpcMessage> forbidden = List.of(
				// a public method of the manager that no @RpcApi interface declares
				new RpcMessage(SampleRpcApi.class.getName(), "1.2", "wipe", context, List.of()),
				// the manager's class instead of its contract
				new RpcMessage(SampleManager.class.getName(), "1.2", "wipe", context, List.of()),
				new RpcMessage(SampleRpcApi.class.getName(), "1.2", "getClass", context, List.of()),
				new RpcMessage(SampleRpcApi.class.getName(), "1.2", "initHost", context, List.of()),
				// a contract method with another major version, or arguments that do not fit
				new RpcMessage(SampleRpcApi.class.getName(), "2.0", "note", context,
						List.of(JsonNodeFactory.instance.stringNode("v2"))),
				new RpcMessage(SampleRpcApi.class.getName(), "1.2", "note", context, List.of()),
				new RpcMessage(SampleRpcApi.class.getName(), "1.2", "note", null,
						List.of(JsonNodeFactory.instance.stringNode("no context"))));
		for (RpcMessage message : forbidden) {
			assertThatExceptionOfType(RpcRefusedException.class)
				.as(message.api() + "." + message.method() + " " + message.version())
				.isThrownBy(() -> {
					RpcReply reply = transport.call(hostB, message, Duration.ofSeconds(10));
					if (reply.failure() != null && reply.failure().kind() == RpcReply.Kind.REFUSED) {
						throw new RpcRefusedException(hostB.toString(), message.method(), reply.failure().message());
					}
				});
		}
		assertThat(manager(hostB()).wiped()).isFalse();
		assertThat(manager(hostB()).notes()).doesNotContain("v2", "no context");
	}

	@Test
	void minorVersionDifferenceIsAccepted() {
		RpcReply reply = rpc().transport()
			.call(RpcAddress.host("sample", "host-b"), new RpcMessage(SampleRpcApi.class.getName(), "1.0", "note",
					RpcMessage.Context.of(context()), List.of(JsonNodeFactory.instance.stringNode("v1.0"))),
					Duration.ofSeconds(10));
		assertThat(reply.failure()).isNull();
		assertThat(manager(hostB()).notes()).contains("v1.0");
	}

	@Test
	void everyRpcIsTimedOnBothSides() {
		rpc().call(SampleRpcApi.class, "host-b").greet(context(), new Greeting.Request("timed"));
		assertThatExceptionOfType(RemoteRpcException.class)
			.isThrownBy(() -> rpc().call(SampleRpcApi.class, "host-b").fail(context(), "timed"));
		assertThat(timer(hostA(), "client", "greet", "success").count()).isPositive();
		assertThat(timer(hostA(), "client", "fail", "remote_error").count()).isPositive();
		await().atMost(Duration.ofSeconds(5))
			.untilAsserted(() -> assertThat(timer(hostB(), "server", "greet", "success").count()).isPositive());
		assertThat(timer(hostB(), "server", "fail", "remote_error").count()).isPositive();
	}

	@Test
	@ExtendWith(OutputCaptureExtension.class)
	void everyRpcIsLoggedAtDebugOnBothSides(CapturedOutput output) {
		RequestContext context = context();
		rpc().call(SampleRpcApi.class, "host-b").greet(context, new Greeting.Request("logged"));
		assertThat(output.getOut())
			.containsPattern("RPC client call sample\\.greet host=host-b outcome=success duration=[0-9.]+ms request_id="
					+ context.requestId())
			.containsPattern("RPC server call sample\\.greet host=host-b outcome=success duration=[0-9.]+ms request_id="
					+ context.requestId());
	}

	private static Timer timer(ConfigurableApplicationContext host, String side, String method, String outcome) {
		Timer timer = host.getBean(MeterRegistry.class)
			.find(RpcObserver.METRIC)
			.tags("side", side, "kind", "call", "topic", "sample", "method", method, "outcome", outcome)
			.timer();
		assertThat(timer).as("timer %s %s %s", side, method, outcome).isNotNull();
		return timer;
	}

}
