package dev.novaboot.it;

import java.io.IOException;
import java.io.UncheckedIOException;
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
import java.util.concurrent.TimeUnit;

/**
 * One app of the suite run as an operator runs it: {@code java -jar app-<name>.jar} with
 * command-line properties, in its own working directory, its output in a log file. The
 * JVM is the one {@code bin/start-suite} picks, with its class cache ({@link FastStart});
 * {@link #startPlain} is a new user's bare {@code java -jar}.
 */
final class SuiteProcess implements AutoCloseable {

	private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	private final String app;

	private final String address;

	private final int port;

	private final Path log;

	private final Process process;

	private SuiteProcess(String app, String address, int port, Path log, Process process) {
		this.app = app;
		this.address = address;
		this.port = port;
		this.log = log;
		this.process = process;
	}

	/**
	 * Starts {@code app-<app>.jar} from the build, on a free port, with {@code args} and
	 * {@code environment} (where secrets go).
	 */
	static SuiteProcess start(String app, Path workDir, List<String> args, Map<String, String> environment) {
		return start(app, workDir, args, environment, List.of(), "127.0.0.1", freePort());
	}

	/**
	 * Starts {@code app-<app>.jar} on another host: {@code prefix} runs the JVM there (such
	 * as {@code ip netns exec <namespace>}), and the app is reached at
	 * {@code address:port}.
	 */
	static SuiteProcess start(String app, Path workDir, List<String> args, Map<String, String> environment,
			List<String> prefix, String address, int port) {
		FastStart.Launch launch = FastStart.launch(app, suiteRoot());
		return start(app, workDir, args, environment, prefix, address, port, launch.jvm(), launch.jar());
	}

	/**
	 * Starts {@code app-<app>.jar} as a user types {@code java -jar}: the JDK running the
	 * tests, no class cache, the jar from the build.
	 */
	static SuiteProcess startPlain(String app, Path workDir, List<String> args, Map<String, String> environment) {
		List<String> jvm = new ArrayList<>(List.of(javaBinary()));
		jvm.addAll(FastStart.JAVA_OPTIONS);
		return start(app, workDir, args, environment, List.of(), "127.0.0.1", freePort(), jvm, jar(suiteRoot(), app));
	}

	private static SuiteProcess start(String app, Path workDir, List<String> args, Map<String, String> environment,
			List<String> prefix, String address, int port, List<String> jvm, Path jar) {
		List<String> command = new ArrayList<>(prefix);
		command.addAll(jvm);
		command.addAll(List.of("-jar", jar.toString(), "--server.port=" + port));
		command.addAll(args);
		Path log = workDir.resolve("nova-" + app + ".log");
		try {
			Files.createDirectories(workDir);
			ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile())
				.redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
			builder.environment().putAll(environment);
			Process process = builder.start();
			return new SuiteProcess(app, address, port, log, process);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot start " + app, ex);
		}
	}

	/** Waits until the app's readiness probe answers UP; fails early if the process exits. */
	void awaitReady(Duration timeout) {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (System.nanoTime() < deadline) {
			if (!this.process.isAlive()) {
				throw new IllegalStateException("nova-" + this.app + " exited during start-up:\n" + tail());
			}
			if (ready()) {
				return;
			}
			sleep(Duration.ofMillis(250));
		}
		threadDump();
		throw new IllegalStateException("nova-" + this.app + " not ready after " + timeout + ":\n" + tail());
	}

	private boolean ready() {
		try {
			HttpResponse<String> response = http.send(HttpRequest.newBuilder(url("/actuator/health/readiness"))
				.timeout(Duration.ofSeconds(2))
				.build(), HttpResponse.BodyHandlers.ofString());
			return response.statusCode() == 200 && response.body().contains("\"UP\"");
		}
		catch (IOException ex) {
			return false;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	// SIGQUIT: the JVM writes where each thread is into its output, the log, and runs on
	private void threadDump() {
		try {
			new ProcessBuilder("kill", "-QUIT", String.valueOf(this.process.pid())).start().waitFor(5, TimeUnit.SECONDS);
			Thread.sleep(1000);
		}
		catch (IOException ex) {
			// no dump then: the log says what it says
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	Path logFile() {
		return this.log;
	}

	String name() {
		return this.app;
	}

	int port() {
		return this.port;
	}

	URI url(String path) {
		return URI.create("http://" + this.address + ":" + this.port + path);
	}

	String log() {
		try {
			return Files.readString(this.log);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private String tail() {
		List<String> lines = log().lines().toList();
		return String.join("\n", lines.subList(Math.max(0, lines.size() - 150), lines.size()));
	}

	/** Stops the app as {@code bin/stop-suite} does: SIGTERM, then SIGKILL after 30 s. */
	@Override
	public void close() {
		this.process.destroy();
		try {
			if (!this.process.waitFor(30, TimeUnit.SECONDS)) {
				this.process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			this.process.destroyForcibly();
		}
	}

	/** The packaged jar of {@code app} in the build under {@code suiteRoot}. */
	static Path jar(Path suiteRoot, String app) {
		Path jar = suiteRoot.resolve("app-" + app).resolve("target").resolve("app-" + app + ".jar");
		if (!Files.isRegularFile(jar)) {
			throw new IllegalStateException(jar + " is missing: the integration tests need the packaged apps");
		}
		return jar;
	}

	private static Path suiteRoot() {
		String root = System.getProperty("nova.suite.root");
		return (root != null) ? Path.of(root) : Path.of("..").toAbsolutePath().normalize();
	}

	private static String javaBinary() {
		return ProcessHandle.current().info().command().orElse("java");
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void sleep(Duration duration) {
		try {
			Thread.sleep(duration.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
