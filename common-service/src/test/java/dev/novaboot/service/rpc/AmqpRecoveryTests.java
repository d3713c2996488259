package dev.novaboot.service.rpc;

import java.time.Duration;
import java.util.Set;
import java.util.UUID;

import dev.novaboot.sample.SampleRpcApi;
import dev.novaboot.sample.SampleRpcApi.Greeting;
import dev.novaboot.service.context.RequestContext;
import dev.novaboot.service.record.DatabaseClock;
import dev.novaboot.service.record.ServiceRecordRepository;
import dev.novaboot.service.rpc.amqp.BrokerUnavailableException;
import dev.novaboot.service.testsupport.CuttableLink;
import dev.novaboot.service.testsupport.EmbeddedAmqpBroker;
import dev.novaboot.service.testsupport.SampleHosts;
import dev.novaboot.service.testsupport.ServiceRows;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.amqp.core.AmqpAdmin;
import org.springframework.amqp.core.QueueInformation;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * The {@code amqp} transport through failures of the network and of the broker (issue
 * 20): {@code host-a} reaches the embedded broker directly, {@code host-b} through a link
 * that can be cut. Down-time 2 s, hence AMQP heartbeats of 1 s.
 */
class AmqpRecoveryTests {

	static final Duration RECOVERED = Duration.ofSeconds(30);

	static EmbeddedAmqpBroker broker;

	static CuttableLink link;

	static SampleHosts direct;

	static SampleHosts linked;

	static ConfigurableApplicationContext hostA;

	static ConfigurableApplicationContext hostB;

	@BeforeAll
	static void startHosts() {
		broker = EmbeddedAmqpBroker.start();
		link = CuttableLink.to(broker.port());
		String exchange = "nova-recovery-" + UUID.randomUUID();
		direct = new SampleHosts("rpc-amqp-recovery", arguments(broker.port(), exchange));
		linked = new SampleHosts("rpc-amqp-recovery", arguments(link.port(), exchange));
		hostA = direct.start("host-a");
		hostB = linked.start("host-b");
	}

	private static String[] arguments(int port, String exchange) {
		return new String[] { "--nova.rpc.transport=amqp", "--spring.rabbitmq.host=127.0.0.1",
				"--spring.rabbitmq.port=" + port, "--spring.rabbitmq.username=guest",
				"--spring.rabbitmq.password=guest", "--nova.rpc.amqp.exchange=" + exchange,
				"--nova.service.down-time=2s", "--nova.rpc.call-timeout=5s" };
	}

	@AfterAll
	static void stopHosts() {
		if (direct != null) {
			direct.close();
		}
		if (linked != null) {
			linked.close();
		}
		if (link != null) {
			link.close();
		}
		if (broker != null) {
			broker.close();
		}
	}

	@Test
	void aHostWhoseConnectionDiedInSilenceGetsTheCastsSentMeanwhileAndAnswersCallsAgain() {
		// the link flaps: host-b's connection is dead at both ends, but no one said so
		link.cut();
		String meanwhile = "meanwhile-" + UUID.randomUUID();
		cast(hostA, "host-b", meanwhile);
		link.restore();

		await().atMost(RECOVERED).until(() -> SampleHosts.manager(hostB).notes().contains(meanwhile));
		// its reply queue went with the dead connection: calls from it work again too
		await().atMost(RECOVERED)
			.ignoreExceptionsInstanceOf(RpcException.class)
			.until(() -> rpc(hostB).call(SampleRpcApi.class, "host-a").greet(context(), new Greeting.Request("b")),
					(greeting) -> "host-a".equals(greeting.host()));
	}

	@Test
	void aCastWhileTheBrokerIsDownFailsItsCallerAndTheCastsAfterItsReturnRun() {
		int port = broker.port();
		broker.close();
		String whileDown = "while-down-" + UUID.randomUUID();
		assertThatExceptionOfType(BrokerUnavailableException.class).isThrownBy(() -> cast(hostA, "host-b", whileDown));

		// the broker comes back empty (its store is in memory): queues are declared again by both sides
		broker = EmbeddedAmqpBroker.start(port);
		String after = "after-" + UUID.randomUUID();
		await().atMost(RECOVERED).ignoreExceptionsInstanceOf(BrokerUnavailableException.class).until(() -> {
			cast(hostA, "host-b", after);
			return true;
		});
		await().atMost(RECOVERED).until(() -> SampleHosts.manager(hostB).notes().contains(after));
		assertThat(SampleHosts.manager(hostB).notes()).doesNotContain(whileDown);
	}

	@Test
	void aCastThatNoQueueTookFailsItsCallerAndTheNextOneDeclaresTheQueueAgain() {
		// host-c ran once and stopped: its row exists, its casts wait in its queue
		new ServiceRows(hostA.getBean(ServiceRecordRepository.class), hostA.getBean(DatabaseClock.class),
				hostA.getBean(JdbcTemplate.class))
			.service("host-c", "nova-sample", "sample", Duration.ofMinutes(5));
		AmqpAdmin admin = hostA.getBean(AmqpAdmin.class);
		cast(hostA, "host-c", "first-" + UUID.randomUUID());
		// an operator deletes the queue behind the sender's back
		admin.deleteQueue("sample.host-c");

		// RabbitMQ returns the mandatory message (and acknowledges it), Qpid Broker-J refuses it (nack)
		assertThatExceptionOfType(BrokerUnavailableException.class)
			.isThrownBy(() -> cast(hostA, "host-c", "unrouted-" + UUID.randomUUID()))
			.withMessageContaining("sample.host-c");
		cast(hostA, "host-c", "second-" + UUID.randomUUID());
		QueueInformation queue = admin.getQueueInfo("sample.host-c");
		assertThat(queue).isNotNull();
		assertThat(queue.getMessageCount()).isEqualTo(1);
	}

	private static void cast(ConfigurableApplicationContext from, String host, String note) {
		rpc(from).cast(SampleRpcApi.class, host).note(context(), note);
	}

	private static Rpc rpc(ConfigurableApplicationContext host) {
		return host.getBean(Rpc.class);
	}

	private static RequestContext context() {
		return new RequestContext("req-" + UUID.randomUUID(), "user-1", "project-1", Set.of("member", "reader"));
	}

}
