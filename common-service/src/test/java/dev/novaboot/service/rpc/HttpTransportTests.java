package dev.novaboot.service.rpc;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import dev.novaboot.sample.SampleRpcApi;
import dev.novaboot.sample.SampleRpcApi.Greeting;
import dev.novaboot.service.record.ServiceRecord;
import dev.novaboot.service.rpc.http.HttpRpcEndpoint;
import dev.novaboot.service.rpc.http.RpcSigner;
import dev.novaboot.service.testsupport.SampleHosts;
import dev.novaboot.service.testsupport.ServiceRows;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.JsonNodeFactory;

import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpHeaders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The {@code http} transport between two real hosts, plus what only it does: signed
 * messages, connection failures, no broker.
 */
class HttpTransportTests extends RpcTransportContract {

	static final String SECRET = "test-only-rpc-secret-not-for-production";

	static final HttpClient HTTP = HttpClient.newHttpClient();

	static SampleHosts hosts;

	static ConfigurableApplicationContext hostA;

	static ConfigurableApplicationContext hostB;

	@BeforeAll
	static void startHosts() {
		hosts = new SampleHosts("rpc-http", "--logging.level.dev.novaboot.service.rpc.RpcObserver=debug");
		hostA = hosts.start("host-a");
		hostB = hosts.start("host-b");
	}

	@AfterAll
	static void stopHosts() {
		hosts.close();
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
	void callToTopicSkipsAServiceThatRefusesConnectionsAndOneTargetedFails() throws IOException {
		int closedPort;
		try (ServerSocket socket = new ServerSocket(0)) {
			closedPort = socket.getLocalPort();
		}
		ServiceRows rows = rows();
		ServiceRecord gone = rows.service("host-gone", "nova-sample", "sample", Duration.ZERO);
		rows.set(gone, "rpc_endpoint", "http://127.0.0.1:" + closedPort);
		try {
			for (int i = 0; i < 4; i++) {
				assertThat(rpc().call(SampleRpcApi.class).greet(context(), new Greeting.Request("x")).host())
					.isIn("host-a", "host-b");
			}
			assertThatExceptionOfType(HostDownException.class)
				.isThrownBy(() -> rpc().call(SampleRpcApi.class, "host-gone").greet(context(), new Greeting.Request("x")))
				.withMessageContaining("cannot connect");
		}
		finally {
			rows.set(gone, "forced_down", true);
		}
	}

	@Test
	void aConnectionLostBeforeTheReplyIsAHostDownAndTheMessageIsSentOnlyOnce() throws Exception {
		AtomicInteger received = new AtomicInteger();
		try (ServerSocket receiver = new ServerSocket(0)) {
			Thread hangingUp = new Thread(() -> {
				while (!receiver.isClosed()) {
					// reads the request, then hangs up without a reply, as a receiver that dies would
					try (Socket connection = receiver.accept()) {
						connection.getInputStream().read(new byte[8192]);
						received.incrementAndGet();
					}
					catch (IOException ex) {
						// closed at the end of the test
					}
				}
			});
			hangingUp.start();
			ServiceRows rows = rows();
			ServiceRecord dying = rows.service("host-dying", "nova-sample", "sample", Duration.ZERO);
			rows.set(dying, "rpc_endpoint", "http://127.0.0.1:" + receiver.getLocalPort());
			try {
				assertThatExceptionOfType(HostDownException.class)
					.isThrownBy(() -> rpc().call(SampleRpcApi.class, "host-dying").greet(context(), new Greeting.Request("x")))
					.withMessageContaining("connection lost");
				// the receiver may have run it: a call is never sent a second time
				Thread.sleep(500);
				assertThat(received).hasValue(1);
			}
			finally {
				rows.set(dying, "forced_down", true);
			}
		}
	}

	@Test
	void unsignedForgedStaleAndReplayedMessagesGet401AndNeverRun() throws Exception {
		RpcSigner signer = new RpcSigner(SECRET, Duration.ofSeconds(60), Clock.systemUTC());
		RpcSigner otherSecret = new RpcSigner("another-secret-of-some-length", Duration.ofSeconds(60), Clock.systemUTC());
		RpcSigner twoMinutesAgo = new RpcSigner(SECRET, Duration.ofSeconds(60),
				Clock.fixed(Instant.now().minusSeconds(120), ZoneOffset.UTC));

		byte[] unsigned = noteMessage("unsigned");
		assertThat(post(unsigned, new HttpHeaders())).isEqualTo(401);

		byte[] forged = noteMessage("forged");
		assertThat(post(forged, otherSecret.sign(HttpRpcEndpoint.CALL, forged))).isEqualTo(401);

		byte[] tampered = noteMessage("tampered");
		HttpHeaders signedForOtherBody = signer.sign(HttpRpcEndpoint.CALL, noteMessage("innocent"));
		assertThat(post(tampered, signedForOtherBody)).isEqualTo(401);

		byte[] stale = noteMessage("stale");
		assertThat(post(stale, twoMinutesAgo.sign(HttpRpcEndpoint.CALL, stale))).isEqualTo(401);

		byte[] once = noteMessage("once");
		HttpHeaders onceHeaders = signer.sign(HttpRpcEndpoint.CALL, once);
		assertThat(post(once, onceHeaders)).isEqualTo(200);
		assertThat(post(once, onceHeaders)).isEqualTo(401);

		byte[] castAsCall = noteMessage("cast-as-call");
		assertThat(post(castAsCall, signer.sign(HttpRpcEndpoint.CAST, castAsCall))).isEqualTo(401);

		assertThat(manager(hostB).notes()).contains("once")
			.doesNotContain("unsigned", "forged", "tampered", "stale", "innocent", "cast-as-call");
		assertThat(manager(hostB).notes().stream().filter("once"::equals)).hasSize(1);
	}

	@Test
	void noBrokerIsConfiguredOrReportedWithTheHttpTransport() {
		assertThat(hostA.getBeanNamesForType(org.springframework.amqp.rabbit.connection.ConnectionFactory.class))
			.isEmpty();
		assertThat(hostA.getBeanNamesForType(org.springframework.amqp.rabbit.listener.AbstractMessageListenerContainer.class))
			.isEmpty();
		// read through the endpoint bean: health details over HTTP are for admins only
		assertThat(hostA.getBean(org.springframework.boot.health.actuate.endpoint.HealthEndpoint.class)
			.healthForPath("rabbit")).isNull();
		assertThat(hostA.getBean(org.springframework.boot.health.actuate.endpoint.HealthEndpoint.class)
			.healthForPath("serviceState")).isNotNull();
	}

	private byte[] noteMessage(String note) {
		return new RpcCodec().write(new RpcMessage(SampleRpcApi.class.getName(), "1.2", "note",
				RpcMessage.Context.of(context()), List.of(JsonNodeFactory.instance.stringNode(note))));
	}

	private int post(byte[] body, HttpHeaders headers) throws Exception {
		HttpRequest.Builder request = HttpRequest
			.newBuilder(URI.create("http://127.0.0.1:" + port(hostB) + HttpRpcEndpoint.CALL))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofByteArray(body));
		headers.forEach((name, values) -> values.forEach((value) -> request.header(name, value)));
		return HTTP.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
	}

	private static int port(ConfigurableApplicationContext host) {
		return ((WebServerApplicationContext) host).getWebServer().getPort();
	}

}
