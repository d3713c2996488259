package dev.novaboot.service.auth;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import dev.novaboot.sample.SampleServiceApplication;
import dev.novaboot.service.auth.token.MissingTokenKeyException;
import dev.novaboot.service.driver.UnknownChoiceException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * What an operator sees at start-up: a clear stop without a token key, with an
 * unknown strategy or an impossible lockout, a loud warning in {@code noauth} mode, and
 * where a generated admin password is (never the password itself).
 */
@ExtendWith(OutputCaptureExtension.class)
class AuthStartupTests {

	@Test
	void withoutATokenKeyStartUpStopsNamingTheProperty(CapturedOutput output) {
		assertThatExceptionOfType(Exception.class).isThrownBy(() -> start("nova.auth.token-key="))
			.havingRootCause()
			.isInstanceOf(MissingTokenKeyException.class);
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("nova.auth.token-key is not set")
			.contains("Set nova.auth.token-key");
	}

	@Test
	void anUnknownStrategyStopsStartUpWithTheChoices(CapturedOutput output) {
		assertThatExceptionOfType(UnknownChoiceException.class).isThrownBy(() -> start("nova.auth.strategy=kerberos"));
		assertThat(output).contains("nova.auth.strategy").contains("token, noauth");
	}

	@Test
	void noauthStartsWithoutAKeyAndWarnsLoudly(CapturedOutput output) {
		try (ConfigurableApplicationContext context = start("nova.auth.strategy=noauth", "nova.auth.token-key=")) {
			assertThat(context.getBean(AuthStrategy.class).name()).isEqualTo("noauth");
			assertThat(output).contains("WARN").contains("AUTHENTICATION IS OFF");
		}
	}

	@Test
	void aNegativeLockoutFailureAttemptsStopsStartUpNamingTheProperty(CapturedOutput output) {
		assertThatExceptionOfType(Exception.class).isThrownBy(() -> start("nova.auth.lockout-failure-attempts=-1"));
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("nova.auth.lockout-failure-attempts")
			.contains("must be 0 (no lockout) or more");
	}

	@Test
	void aLockoutDurationThatIsNotPositiveStopsStartUpNamingTheProperty(CapturedOutput output) {
		assertThatExceptionOfType(Exception.class).isThrownBy(() -> start("nova.auth.lockout-duration=0s"));
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("nova.auth.lockout-duration")
			.contains("must be positive");
	}

	@Test
	void zeroLockoutFailureAttemptsStartsWithLockoutOff() {
		try (ConfigurableApplicationContext context = start("nova.auth.lockout-failure-attempts=0")) {
			assertThat(context.getBean(AuthProperties.class).lockoutFailureAttempts()).isZero();
		}
	}

	// command-line arguments, so that they override the test application.properties
	@Test
	void aGeneratedAdminPasswordGoesToAnOwnerOnlyFileAndTheLogNamesOnlyTheFile(CapturedOutput output,
			@TempDir Path directory) throws IOException {
		Path file = directory.resolve("var/admin-password");

		try (ConfigurableApplicationContext context = startOn("jdbc:h2:mem:generated-admin-password",
				"nova.auth.bootstrap-password=", "nova.auth.bootstrap-password-file=" + file)) {
			String password = Files.readString(file).trim();
			assertThat(password).hasSizeGreaterThanOrEqualTo(20);
			assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
			assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent())))
				.isEqualTo("rwx------");
			assertThat(output).contains("generated password, written to " + file.toAbsolutePath())
				.doesNotContain(password);
		}
	}

	@Test
	void aConfiguredAdminPasswordIsNeitherLoggedNorWritten(CapturedOutput output, @TempDir Path directory) {
		Path file = directory.resolve("admin-password");

		try (ConfigurableApplicationContext context = startOn("jdbc:h2:mem:configured-admin-password",
				"nova.auth.bootstrap-password=configured-secret-42", "nova.auth.bootstrap-password-file=" + file)) {
			assertThat(output).contains("with the password of nova.auth.bootstrap-password")
				.doesNotContain("configured-secret-42");
			assertThat(file).doesNotExist();
		}
	}

	// command-line arguments, so that they override the test application.properties
	private static ConfigurableApplicationContext start(String... properties) {
		return startOn("jdbc:h2:mem:auth-startup;DB_CLOSE_DELAY=-1", properties);
	}

	// a database of its own: the bootstrap runs on a database without users only
	private static ConfigurableApplicationContext startOn(String url, String... properties) {
		String[] args = new String[properties.length + 1];
		args[0] = "--spring.datasource.url=" + url;
		for (int i = 0; i < properties.length; i++) {
			args[i + 1] = "--" + properties[i];
		}
		return new SpringApplicationBuilder(SampleServiceApplication.class).web(WebApplicationType.NONE).run(args);
	}

}
