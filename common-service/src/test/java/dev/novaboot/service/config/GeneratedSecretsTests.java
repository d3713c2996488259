package dev.novaboot.service.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.logging.DeferredLogs;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shared secrets of a suite that runs on its embedded database are made once, kept
 * owner-only beside the database, and shared by every app of the directory; configured
 * ones always win, and on an external database nothing is made unless asked for.
 */
class GeneratedSecretsTests {

	@TempDir
	Path var;

	@Test
	void onTheEmbeddedDatabaseBothSecretsAreMadeOwnerOnlyBesideIt() throws Exception {
		MockEnvironment app = start(embedded());

		Path rpcSecret = this.var.resolve("rpc-secret");
		Path tokenKey = this.var.resolve("token-key");
		assertThat(app.getProperty("nova.rpc.secret")).hasSize(64).isEqualTo(Files.readString(rpcSecret).strip());
		assertThat(app.getProperty("nova.auth.token-key")).hasSize(64).isEqualTo(Files.readString(tokenKey).strip());
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(rpcSecret))).isEqualTo("rw-------");
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(tokenKey))).isEqualTo("rw-------");
		assertThat(this.var).isDirectoryNotContaining("glob:**.tmp");
	}

	@Test
	void everyAppOfTheDirectoryGetsTheSameSecrets() {
		MockEnvironment volume = start(embedded());
		MockEnvironment compute = start(embedded());

		assertThat(compute.getProperty("nova.rpc.secret")).isEqualTo(volume.getProperty("nova.rpc.secret"));
		assertThat(compute.getProperty("nova.auth.token-key")).isEqualTo(volume.getProperty("nova.auth.token-key"));
	}

	@Test
	void appsStartingAtOnceAgreeOnOneSecret() throws Exception {
		ExecutorService apps = Executors.newFixedThreadPool(6);
		CountDownLatch start = new CountDownLatch(1);
		List<Future<String>> secrets = new ArrayList<>();
		for (int i = 0; i < 6; i++) {
			secrets.add(apps.submit(() -> {
				MockEnvironment environment = embedded();
				start.await();
				return start(environment).getProperty("nova.rpc.secret");
			}));
		}
		start.countDown();
		List<String> seen = new ArrayList<>();
		for (Future<String> secret : secrets) {
			seen.add(secret.get(10, TimeUnit.SECONDS));
		}
		apps.shutdown();

		assertThat(seen).hasSize(6).containsOnly(Files.readString(this.var.resolve("rpc-secret")).strip());
	}

	@Test
	void aConfiguredSecretWinsAndNoFileIsMadeForIt() {
		MockEnvironment app = start(embedded().withProperty("nova.rpc.secret", "the-operators-own-rpc-secret"));

		assertThat(app.getProperty("nova.rpc.secret")).isEqualTo("the-operators-own-rpc-secret");
		assertThat(this.var.resolve("rpc-secret")).doesNotExist();
		assertThat(this.var.resolve("token-key")).exists();
	}

	@Test
	void onAnExternalDatabaseNothingIsMadeUnlessAskedFor() {
		MockEnvironment postgres = new MockEnvironment()
			.withProperty("spring.datasource.url", "jdbc:postgresql://db.example.org/nova")
			.withProperty("nova.secrets.directory", this.var.toString());

		assertThat(start(postgres).getProperty("nova.rpc.secret")).isNull();
		assertThat(this.var).isEmptyDirectory();

		MockEnvironment asked = start(new MockEnvironment()
			.withProperty("spring.datasource.url", "jdbc:postgresql://db.example.org/nova")
			.withProperty("nova.secrets.generate", "true")
			.withProperty("nova.secrets.directory", this.var.toString()));
		assertThat(asked.getProperty("nova.rpc.secret")).isNotBlank();
		assertThat(this.var.resolve("rpc-secret")).exists();
	}

	@Test
	void onlyTheSecretsOfTheChosenStrategiesAreMade() {
		MockEnvironment app = start(embedded().withProperty("nova.rpc.transport", "amqp")
			.withProperty("nova.auth.strategy", "noauth"));

		assertThat(app.getProperty("nova.rpc.secret")).isNull();
		assertThat(app.getProperty("nova.auth.token-key")).isNull();
		assertThat(this.var.resolve("rpc-secret")).doesNotExist();
	}

	@Test
	void generationCanBeTurnedOffOnTheEmbeddedDatabaseToo() {
		MockEnvironment app = start(embedded().withProperty("nova.secrets.generate", "false"));

		assertThat(app.getProperty("nova.rpc.secret")).isNull();
		assertThat(this.var.resolve("rpc-secret")).doesNotExist();
	}

	private MockEnvironment embedded() {
		return new MockEnvironment().withProperty("spring.datasource.url",
				"jdbc:h2:file:" + this.var.resolve("nova") + ";AUTO_SERVER=TRUE");
	}

	private static MockEnvironment start(MockEnvironment environment) {
		new GeneratedSecretsEnvironmentPostProcessor(new DeferredLogs()).postProcessEnvironment(environment,
				new SpringApplication());
		return environment;
	}

}
