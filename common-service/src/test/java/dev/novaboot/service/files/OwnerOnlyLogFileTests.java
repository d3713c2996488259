package dev.novaboot.service.files;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.logging.LogFile;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The log file Spring Boot writes is restricted to its owner once the app is up; logs on
 * the console only leave nothing to do.
 */
class OwnerOnlyLogFileTests {

	@TempDir
	Path directory;

	@Test
	void theConfiguredLogFileBecomesOwnerOnly() throws IOException {
		Path log = Files.writeString(this.directory.resolve("nova.log"), "started\n");
		Files.setPosixFilePermissions(log, PosixFilePermissions.fromString("rw-r--r--"));

		new OwnerOnlyLogFile(LogFile.get(new MockEnvironment().withProperty("logging.file.name", log.toString())),
				new OwnerOnlyFiles())
			.afterSingletonsInstantiated();

		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(log))).isEqualTo("rw-------");
	}

	@Test
	void logsOnTheConsoleOnlyLeaveNothingToDo() {
		new OwnerOnlyLogFile(LogFile.get(new MockEnvironment()), new OwnerOnlyFiles()).afterSingletonsInstantiated();

		assertThat(this.directory).isEmptyDirectory();
	}

}
