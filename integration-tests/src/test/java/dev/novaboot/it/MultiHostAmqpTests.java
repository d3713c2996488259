package dev.novaboot.it;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import dev.novaboot.it.SuiteClient.Response;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The multi-host suite on the {@code amqp} RPC transport, through the machine's RabbitMQ
 * broker: besides the spread of servers, a compute host whose network link is cut and
 * restored, and a broker restart in the middle of a stream of casts.
 */
class MultiHostAmqpTests extends MultiHostScenarios {

	@Override
	String transport() {
		return "amqp";
	}

	@Test
	@Order(2)
	void aComputeHostCutOffTheNetworkGoesDownAndComesBackWithItsServersRunning() throws Exception {
		String cut = SLOW_HOST;
		String other = otherComputeHost(cut);
		setEnabled(other, false);
		String server;
		try {
			server = boot(api(), "on-the-cut-host", null);
			awaitActive(server);
			assertThat(hostOf(server)).isEqualTo(cut);
		}
		finally {
			setEnabled(other, true);
		}

		this.suite.cutLink(cut);
		try {
			// down once its last heartbeat is older than down-time (the bound leaves room for a busy machine)
			awaitServiceState(api(), cut, "down", DOWN_TIME.plusSeconds(15));
			String meanwhile = boot(api(), "while-cut", null);
			awaitActive(meanwhile);
			assertThat(hostOf(meanwhile)).isEqualTo(other);
		}
		finally {
			this.suite.restoreLink(cut);
		}

		awaitServiceState(api(), cut, "up", Duration.ofSeconds(60));
		Response shown = server(server);
		assertThat(shown.<String>read("$.server.status")).isEqualTo("ACTIVE");
		assertThat(shown.<Integer>read("$.server['OS-EXT-STS:power_state']")).isEqualTo(1);
		// the host serves casts again: a reboot reaches it and finishes
		this.admin.post(api(), "/v2.1/servers/" + server + "/action", "{\"reboot\": {\"type\": \"SOFT\"}}")
			.expect(202);
		awaitValue(() -> server(server).read("$.server['OS-EXT-STS:task_state']"), null);
	}

	@Test
	@Order(3)
	void aBrokerRestartDuringAStreamOfCastsLosesNone() throws Exception {
		List<String> servers = new ArrayList<>();
		for (int i = 0; i < 4; i++) {
			servers.add(boot(api(), "cast-target-" + i, null));
		}
		servers.forEach(this::awaitActive);
		Map<Integer, AtomicInteger> refusals = new ConcurrentHashMap<>();
		AtomicInteger accepted = new AtomicInteger();
		AtomicBoolean streaming = new AtomicBoolean(true);
		// reboots are casts to the servers' hosts; one that the API accepted and the broker lost
		// would leave its server 'rebooting' for good
		Thread stream = new Thread(() -> {
			int next = 0;
			while (streaming.get()) {
				String server = servers.get(next++ % servers.size());
				try {
					Response response = this.admin.post(api(), "/v2.1/servers/" + server + "/action",
							"{\"reboot\": {\"type\": \"SOFT\"}}");
					if (response.status() == 202) {
						accepted.incrementAndGet();
					}
					else {
						refusals.computeIfAbsent(response.status(), (status) -> new AtomicInteger()).incrementAndGet();
					}
					Thread.sleep(50);
				}
				catch (Exception ex) {
					refusals.computeIfAbsent(-1, (status) -> new AtomicInteger()).incrementAndGet();
				}
			}
		}, "cast-stream");
		stream.start();
		Thread.sleep(2000);
		int beforeRestart = accepted.get();
		this.suite.restartBroker(Duration.ofSeconds(3));
		await().atMost(Duration.ofSeconds(60)).until(() -> accepted.get() > beforeRestart + 10);
		streaming.set(false);
		stream.join();

		for (String server : servers) {
			awaitValue(() -> server(server).read("$.server['OS-EXT-STS:task_state']"), null);
			assertThat(server(server).<String>read("$.server.status")).isEqualTo("ACTIVE");
		}
		// refusals during the outage are a clear 'try again' (409: a reboot still running, 503: no broker), never a 500
		assertThat(refusals.keySet()).isSubsetOf(409, 503);
		assertThat(accepted.get()).isGreaterThan(beforeRestart);
		// calls work again too (their reply queues were the broker's until it stopped): a boot
		// calls nova-network from the compute host; the scenarios so far used the project's ten instances
		this.admin.put(api(), "/v2.1/os-quota-sets/" + this.admin.projectId(), "{\"quota_set\": {\"instances\": 20}}")
			.expect(200);
		awaitActive(boot(api(), "after-broker-restart", null));
	}

}
