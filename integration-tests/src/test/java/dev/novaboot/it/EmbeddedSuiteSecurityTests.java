package dev.novaboot.it;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.novaboot.service.testsupport.ListeningSockets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The three app jars on the embedded default (one H2 database under {@code ./var} of their
 * shared working directory, served by the first to start), as a user on a shared machine
 * runs them: the state is the owner's only, the database server listens on loopback only,
 * the generated admin password is in its file and in no log, and each app locks out a
 * user after the configured number of wrong passwords until an admin unlocks it.
 */
class EmbeddedSuiteSecurityTests {

	private static final HttpClient HTTP = HttpClient.newHttpClient();

	@Test
	void theEmbeddedSuiteKeepsItsStateToItsOwnerAndLocksOutPasswordGuessers(@TempDir Path home) throws Exception {
		Map<String, String> secrets = Map.of("NOVA_RPC_SECRET", "it-rpc-secret-" + UUID.randomUUID(),
				"NOVA_AUTH_TOKEN_KEY", "it-token-key-" + UUID.randomUUID());
		List<String> args = List.of("--nova.host=127.0.0.1", "--nova.auth.lockout-failure-attempts=3");
		List<SuiteProcess> apps = new ArrayList<>();
		try {
			for (String app : List.of("volume", "network", "compute")) {
				apps.add(SuiteProcess.start(app, home, args, secrets));
			}
			for (SuiteProcess app : apps) {
				app.awaitReady(Duration.ofMinutes(3));
			}
			Path var = home.resolve("var");
			assertThat(mode(var)).isEqualTo("rwx------");
			assertThat(mode(var.resolve("nova.mv.db"))).isEqualTo("rw-------");
			assertThat(mode(var.resolve("nova.lock.db"))).isEqualTo("rw-------");
			assertThat(mode(var.resolve("admin-password"))).isEqualTo("rw-------");

			int databasePort = ListeningSockets.port(ListeningSockets.h2Server(var.resolve("nova.lock.db")));
			assertThat(ListeningSockets.listeningAddresses(databasePort)).containsExactly("127.0.0.1");

			String password = Files.readString(var.resolve("admin-password")).trim();
			assertThat(apps).allSatisfy((app) -> assertThat(app.log()).doesNotContain(password));
			assertThat(apps).anySatisfy((app) -> assertThat(app.log()).contains(var.resolve("admin-password").toString()));

			SuiteClient admin = SuiteClient.login(apps.get(2), "admin", password, "admin");
			String memberRole = admin.get(apps.get(2), "/identity/v3/roles?name=member").expect(200).read("$.roles[0].id");
			for (SuiteProcess app : apps) {
				String name = "guesser-" + app.name();
				String userId = admin.post(app, "/identity/v3/users", "{\"user\": {\"name\": \"" + name
						+ "\", \"password\": \"right-password\", \"domain_id\": \"default\", \"default_project_id\": \""
						+ admin.projectId() + "\"}}").expect(201).read("$.user.id");
				admin.put(app, "/identity/v3/projects/" + admin.projectId() + "/users/" + userId + "/roles/" + memberRole)
					.expect(204);
				for (int i = 0; i < 3; i++) {
					assertThat(login(app, name, "wrong-password")).isEqualTo(401);
				}
				assertThat(login(app, name, "right-password")).as("locked on " + app.name()).isEqualTo(401);
				admin.patch(app, "/identity/v3/users/" + userId, "{\"user\": {\"enabled\": true}}").expect(200);
				assertThat(login(app, name, "right-password")).as("unlocked on " + app.name()).isEqualTo(201);
			}
		}
		finally {
			apps.forEach(SuiteProcess::close);
		}
	}

	private static int login(SuiteProcess app, String user, String password) throws Exception {
		String body = """
				{"auth": {"identity": {"methods": ["password"], "password": {"user": {"name": "%s",
				          "domain": {"name": "Default"}, "password": "%s"}}}}}
				""".formatted(user, password);
		return HTTP.send(HttpRequest.newBuilder(URI.create(app.url("/identity/v3/auth/tokens").toString()))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
	}

	private static String mode(Path path) throws Exception {
		return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
	}

}
