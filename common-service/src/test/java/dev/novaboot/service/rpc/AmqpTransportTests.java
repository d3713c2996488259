package dev.novaboot.service.rpc;

import java.time.Duration;
import java.util.UUID;

import dev.novaboot.sample.SampleRpcApi;
import dev.novaboot.service.rpc.amqp.RpcCallConnection;
import dev.novaboot.service.testsupport.EmbeddedAmqpBroker;
import dev.novaboot.service.testsupport.SampleHosts;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.health.actuate.endpoint.HealthDescriptor;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.boot.health.contributor.Status;

import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The {@code amqp} transport between two real hosts through a real AMQP 0-9-1 broker
 * (Qpid Broker-J, embedded), plus what only it does: casts wait in the broker for a
 * receiver that is not running. Set {@code NOVA_TEST_RABBITMQ_PORT} to run against a
 * RabbitMQ on 127.0.0.1 (guest/guest) instead.
 */
class AmqpTransportTests extends RpcTransportContract {

	static EmbeddedAmqpBroker broker;

	static SampleHosts hosts;

	static ConfigurableApplicationContext hostA;

	static ConfigurableApplicationContext hostB;

	@BeforeAll
	static void startHosts() {
		String rabbitPort = System.getenv("NOVA_TEST_RABBITMQ_PORT");
		int port;
		if (rabbitPort != null && !rabbitPort.isBlank()) {
			port = Integer.parseInt(rabbitPort.trim());
		}
		else {
			broker = EmbeddedAmqpBroker.start();
			port = broker.port();
		}
		hosts = new SampleHosts("rpc-amqp", "--nova.rpc.transport=amqp", "--spring.rabbitmq.host=127.0.0.1",
				"--spring.rabbitmq.port=" + port, "--spring.rabbitmq.username=guest",
				"--spring.rabbitmq.password=guest", "--nova.rpc.amqp.exchange=nova-test-" + UUID.randomUUID(),
				"--logging.level.dev.novaboot.service.rpc.RpcObserver=debug");
		hostA = hosts.start("host-a");
		hostB = hosts.start("host-b");
	}

	@AfterAll
	static void stopHosts() {
		hosts.close();
		if (broker != null) {
			broker.close();
		}
	}

	@Override
	ConfigurableApplicationContext hostA() {
		return hostA;
	}

	@Override
	ConfigurableApplicationContext hostB() {
		return hostB;
	}

	@Test
	void castSentWhileTheReceiverIsStoppedRunsWhenItStarts() {
		// the suite's default: a cast returns once the broker confirmed it (correlated confirms, with returns)
		org.springframework.amqp.rabbit.connection.ConnectionFactory connectionFactory = hostA
			.getBean(org.springframework.amqp.rabbit.connection.ConnectionFactory.class);
		assertThat(connectionFactory.isPublisherConfirms()).isTrue();
		assertThat(connectionFactory.isPublisherReturns()).isTrue();
		// host-c has run before: its queue and its row exist, then it stops
		hosts.start("host-c").close();
		String note = "while-stopped-" + UUID.randomUUID();
		rpc().cast(SampleRpcApi.class, "host-c").note(context(), note);
		ConfigurableApplicationContext hostC = hosts.start("host-c");
		await().atMost(Duration.ofSeconds(20)).until(() -> manager(hostC).notes().contains(note));
		assertThat(manager(hostA).notes()).doesNotContain(note);
		assertThat(manager(hostB).notes()).doesNotContain(note);
		hostC.close();
	}

	@Test
	void callsArePublishedWithoutConfirmsOnAConnectionOfTheirOwnToTheSameBroker() {
		org.springframework.amqp.rabbit.connection.CachingConnectionFactory casts = hostA
			.getBean(org.springframework.amqp.rabbit.connection.CachingConnectionFactory.class);
		RpcCallConnection calls = hostA.getBean(RpcCallConnection.class);
		assertThat(calls.separate()).isTrue();
		assertThat(calls.factory().isPublisherConfirms()).isFalse();
		assertThat(calls.factory().isSimplePublisherConfirms()).isFalse();
		assertThat(calls.factory().isPublisherReturns()).isFalse();
		// the same client settings: credentials, heartbeat, timeouts
		assertThat(((org.springframework.amqp.rabbit.connection.CachingConnectionFactory) calls.factory())
			.getRabbitConnectionFactory()).isSameAs(casts.getRabbitConnectionFactory());
		// a confirmed cast and a call, one after the other, each on its own connection
		String note = "before-a-call-" + UUID.randomUUID();
		rpc().cast(SampleRpcApi.class, "host-b").note(context(), note);
		assertThat(rpc().call(SampleRpcApi.class, "host-b").greet(context(), new SampleRpcApi.Greeting.Request("b"))
			.host()).isEqualTo("host-b");
		await().atMost(Duration.ofSeconds(10)).until(() -> manager(hostB).notes().contains(note));
	}

	@Test
	void theBrokerConnectionHeartbeatsOftenEnoughToBeGivenUpWithinTheDownTime() {
		// the default down-time of 60 s: 10 s heartbeats, a connection silent for two of them is given up
		com.rabbitmq.client.ConnectionFactory rabbit = hostA
			.getBean(org.springframework.amqp.rabbit.connection.CachingConnectionFactory.class)
			.getRabbitConnectionFactory();
		assertThat(rabbit.getRequestedHeartbeat()).isEqualTo(10);
		assertThat(rabbit.getConnectionTimeout()).isEqualTo(20_000);
	}

	@Test
	void healthReportsTheBroker() {
		// read through the endpoint bean: health details over HTTP are for admins only
		HealthDescriptor rabbit = hostA.getBean(HealthEndpoint.class).healthForPath("rabbit");
		assertThat(rabbit).isNotNull();
		assertThat(rabbit.getStatus()).isEqualTo(Status.UP);
	}

}
