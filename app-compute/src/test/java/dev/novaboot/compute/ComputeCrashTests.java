package dev.novaboot.compute;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import dev.novaboot.compute.manager.ComputeImages;
import dev.novaboot.service.testsupport.EmbeddedPostgresConfiguration;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * nova-compute as a real process, killed with SIGKILL while it spawns a server, then
 * started again on the same database: the server ends in {@code error} with a fault that
 * says why, never stuck in {@code building}, and can be deleted.
 */
class ComputeCrashTests {

	static EmbeddedPostgres postgres;

	final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	final JsonMapper json = new JsonMapper();

	final List<Process> processes = new ArrayList<>();

	@TempDir
	Path logs;

	@BeforeAll
	static void database() {
		postgres = EmbeddedPostgresConfiguration.start();
	}

	@AfterAll
	static void stopDatabase() throws IOException {
		postgres.close();
	}

	@AfterEach
	void killProcesses() throws InterruptedException {
		for (Process process : this.processes) {
			process.destroyForcibly();
			process.waitFor();
		}
	}

	@Test
	void aServerWhoseComputeWasKilledMidSpawnEndsInErrorAfterTheRestart() throws Exception {
		int port = freePort();
		Process first = start(port, "first.log");
		String image = ComputeImages.idOf("cirros-0.6.2-x86_64-disk");
		JsonNode created = send("POST", port, "/v2.1/servers",
				json.writeValueAsString(Map.of("server", Map.of("name", "doomed", "flavorRef", "1", "imageRef", image))), 202);
		String id = created.path("server").path("id").asString();
		await(() -> server(port, id), (server) -> "spawning".equals(server.path("OS-EXT-STS:task_state").asString()),
				Duration.ofSeconds(60));

		first.destroyForcibly();
		first.waitFor();

		int restartPort = freePort();
		start(restartPort, "second.log");
		JsonNode server = server(restartPort, id);
		assertThat(server.path("status").asString()).isEqualTo("ERROR");
		assertThat(server.path("OS-EXT-STS:task_state").isNull()).isTrue();
		assertThat(server.path("fault").path("message").asString()).contains("interrupted").contains("spawning");

		send("DELETE", restartPort, "/v2.1/servers/" + id, null, 204);
		await(() -> status(restartPort, "/v2.1/servers/" + id), (code) -> code == 404, Duration.ofSeconds(30));
	}

	private Process start(int port, String log) throws Exception {
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		List<String> command = List.of(java, "-XX:TieredStopAtLevel=1", "-Xmx256m", "-cp",
				System.getProperty("java.class.path"), ComputeApplication.class.getName(), "--server.port=" + port,
				"--nova.host=crash-host", "--spring.datasource.url=" + postgres.getJdbcUrl("postgres", "postgres"),
				"--spring.datasource.username=postgres", "--spring.datasource.password=",
				"--nova.compute.fake.spawn-delay=10m", "--nova.service.report-interval=1s");
		Process process = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(this.logs.resolve(log).toFile())
			.start();
		this.processes.add(process);
		long deadline = System.nanoTime() + Duration.ofSeconds(180).toNanos();
		while (status(port, "/actuator/health/readiness") != 200) {
			if (!process.isAlive() || System.nanoTime() > deadline) {
				throw new AssertionError("nova-compute did not start; its log:\n" + Files.readString(this.logs.resolve(log)));
			}
			Thread.sleep(250);
		}
		return process;
	}

	private JsonNode server(int port, String id) throws Exception {
		return send("GET", port, "/v2.1/servers/" + id, null, 200).path("server");
	}

	private JsonNode send(String method, int port, String path, String body, int expected) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.header("X-Project-Id", "crash")
			.header("X-Roles", "member")
			.timeout(Duration.ofSeconds(30));
		request = (body != null)
				? request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body))
				: request.method(method, HttpRequest.BodyPublishers.noBody());
		HttpResponse<String> response = this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as("%s %s: %s", method, path, response.body()).isEqualTo(expected);
		return response.body().isEmpty() ? this.json.nullNode() : this.json.readTree(response.body());
	}

	private int status(int port, String path) {
		try {
			return this.http
				.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
					.header("X-Project-Id", "crash")
					.timeout(Duration.ofSeconds(5))
					.build(), HttpResponse.BodyHandlers.discarding())
				.statusCode();
		}
		catch (IOException ex) {
			return -1;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return -1;
		}
	}

	private static <T> T await(ThrowingSupplier<T> read, Predicate<T> condition, Duration within) throws Exception {
		long deadline = System.nanoTime() + within.toNanos();
		T value = read.get();
		while (!condition.test(value)) {
			if (System.nanoTime() > deadline) {
				throw new AssertionError("Condition not met; last value: " + value);
			}
			Thread.sleep(100);
			value = read.get();
		}
		return value;
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	@FunctionalInterface
	interface ThrowingSupplier<T> {

		T get() throws Exception;

	}

}
