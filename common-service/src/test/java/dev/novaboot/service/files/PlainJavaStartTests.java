package dev.novaboot.service.files;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import dev.novaboot.sample.SampleServiceApplication;
import dev.novaboot.service.testsupport.ListeningSockets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.SpringApplication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * An app started with plain {@code java}, not through {@code bin/start-suite}, under
 * umask 022 (so that nothing but the app itself restricts its files), on the suite's
 * default database {@code jdbc:h2:file:./var/nova;AUTO_SERVER=TRUE} and a generated
 * admin password. A process of its own, because H2 reads {@code h2.bindAddress} once per
 * JVM and the test JVM's H2 is long loaded.
 */
class PlainJavaStartTests {

	static final String URL = "jdbc:h2:file:./var/nova;AUTO_SERVER=TRUE";

	@TempDir
	static Path home;

	static Process app;

	static Path log;

	@BeforeAll
	static void startAnApp() throws Exception {
		log = home.resolve("app.log");
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		List<String> command = List.of("sh", "-c", "umask 022 && exec \"$@\"", "sh", java,
				"-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx192m", "-cp", System.getProperty("java.class.path"),
				SpringApplication.class.getName(), "--spring.main.sources=" + SampleServiceApplication.class.getName(),
				"--spring.main.web-application-type=none", "--spring.main.keep-alive=true",
				"--spring.datasource.url=" + URL, "--nova.auth.bootstrap-password=");
		app = new ProcessBuilder(command).directory(home.toFile())
			.redirectErrorStream(true)
			.redirectOutput(log.toFile())
			.start();
		long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
		while (!Files.readString(log).contains("Started ")) {
			if (!app.isAlive() || System.nanoTime() > deadline) {
				throw new AssertionError("The app did not start; its log:\n" + Files.readString(log));
			}
			Thread.sleep(200);
		}
	}

	@AfterAll
	static void stopTheApp() throws InterruptedException {
		if (app != null) {
			app.destroy();
			if (!app.waitFor(30, TimeUnit.SECONDS)) {
				app.destroyForcibly().waitFor();
			}
		}
	}

	@Test
	void theStateDirectoryIsTheOwnersOnly() throws IOException {
		assertThat(mode(home.resolve("var"))).isEqualTo("rwx------");
	}

	@Test
	void theDatabaseAndItsLockFileAreOwnerOnly() throws IOException {
		assertThat(mode(home.resolve("var/nova.mv.db"))).isEqualTo("rw-------");
		assertThat(mode(home.resolve("var/nova.lock.db"))).isEqualTo("rw-------");
	}

	@Test
	void theGeneratedAdminPasswordIsInAnOwnerOnlyFileAndTheLogNamesTheFileOnly() throws IOException {
		Path file = home.resolve("var/admin-password");
		String password = Files.readString(file).trim();

		assertThat(mode(file)).isEqualTo("rw-------");
		assertThat(password).hasSizeGreaterThanOrEqualTo(20);
		assertThat(Files.readString(log)).doesNotContain(password).contains(file.toRealPath().toString());
	}

	// H2 writes its bind address there, 127.0.0.1 as "localhost"; without one the address
	// of this machine's name, which is loopback on some machines: the next test decides
	@Test
	void theLockFileAdvertisesALoopbackServer() throws IOException {
		assertThat(serverHost()).isEqualTo("localhost");
	}

	@Test
	void theAutoServerListensOnLoopbackOnly() throws IOException {
		int port = serverPort();

		// the kernel's table of listening sockets: the port is there, bound to 127.0.0.1 only
		assertThat(ListeningSockets.listeningAddresses(port)).containsExactly("127.0.0.1");
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 2000);
		}
		for (InetAddress address : ListeningSockets.nonLoopbackAddresses()) {
			assertThatExceptionOfType(ConnectException.class).as(address.toString()).isThrownBy(() -> {
				try (Socket socket = new Socket()) {
					socket.connect(new InetSocketAddress(address, port), 2000);
				}
			});
		}
	}

	private static String serverHost() throws IOException {
		String server = ListeningSockets.h2Server(home.resolve("var/nova.lock.db"));
		return server.substring(0, server.lastIndexOf(':'));
	}

	private static int serverPort() throws IOException {
		return ListeningSockets.port(ListeningSockets.h2Server(home.resolve("var/nova.lock.db")));
	}

	private static String mode(Path path) throws IOException {
		return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
	}

}
