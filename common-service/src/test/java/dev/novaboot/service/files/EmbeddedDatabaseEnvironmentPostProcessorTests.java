package dev.novaboot.service.files;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.function.Supplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.SpringApplication;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What happens before H2 opens a file database: its directory becomes owner-only, and
 * with AUTO_SERVER the server H2 starts is bound to loopback, unless the operator chose
 * an address. (That the server then really listens there only is
 * {@link PlainJavaStartTests}'s.)
 */
class EmbeddedDatabaseEnvironmentPostProcessorTests {

	@TempDir
	Path directory;

	final EmbeddedDatabaseEnvironmentPostProcessor postProcessor = new EmbeddedDatabaseEnvironmentPostProcessor(
			Supplier::get);

	String operatorsBindAddress;

	// h2.bindAddress is the JVM's: kept and restored around each test
	@BeforeEach
	void clearBindAddress() {
		this.operatorsBindAddress = System.clearProperty(EmbeddedDatabaseEnvironmentPostProcessor.BIND_ADDRESS);
	}

	@AfterEach
	void restoreBindAddress() {
		if (this.operatorsBindAddress != null) {
			System.setProperty(EmbeddedDatabaseEnvironmentPostProcessor.BIND_ADDRESS, this.operatorsBindAddress);
		}
		else {
			System.clearProperty(EmbeddedDatabaseEnvironmentPostProcessor.BIND_ADDRESS);
		}
	}

	@Test
	void anAutoServerDatabaseGetsAnOwnerOnlyDirectoryAndALoopbackServer() throws IOException {
		Path var = this.directory.resolve("var");

		process("jdbc:h2:file:" + var.resolve("nova") + ";AUTO_SERVER=TRUE");

		assertThat(mode(var)).isEqualTo("rwx------");
		assertThat(System.getProperty("h2.bindAddress")).isEqualTo("127.0.0.1");
	}

	@Test
	void theDirectoryOfAnEarlierVersionIsRestricted() throws IOException {
		Path var = Files.createDirectory(this.directory.resolve("var"));
		Files.setPosixFilePermissions(var, PosixFilePermissions.fromString("rwxr-xr-x"));

		process("jdbc:h2:file:" + var.resolve("nova"));

		assertThat(mode(var)).isEqualTo("rwx------");
	}

	@Test
	void theOperatorsBindAddressIsKept() {
		System.setProperty("h2.bindAddress", "192.0.2.10");

		process("jdbc:h2:file:" + this.directory.resolve("var/nova") + ";AUTO_SERVER=TRUE");

		assertThat(System.getProperty("h2.bindAddress")).isEqualTo("192.0.2.10");
	}

	@Test
	void withoutAutoServerNoServerIsConfigured() {
		process("jdbc:h2:file:" + this.directory.resolve("var/nova"));

		assertThat(System.getProperty("h2.bindAddress")).isNull();
	}

	@Test
	void otherDatabasesAreLeftAlone() {
		process("jdbc:h2:mem:nova;AUTO_SERVER=TRUE");
		process("jdbc:postgresql://localhost/nova");

		assertThat(System.getProperty("h2.bindAddress")).isNull();
		assertThat(this.directory).isEmptyDirectory();
	}

	private void process(String url) {
		this.postProcessor.postProcessEnvironment(new MockEnvironment().withProperty("spring.datasource.url", url),
				new SpringApplication());
	}

	private static String mode(Path path) throws IOException {
		return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
	}

}
