package dev.novaboot.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * How {@code bin/start-suite} launches an app, for the tests that start the suite the
 * README's way: the newest JDK found and the app's class cache (JDK 24+ AOT cache, JDK 17
 * to 23 CDS archive), made by the same script, {@code bin/lib/fast-start.sh}, once per
 * build of each jar under {@code integration-tests/target/fast-start}. Where the script
 * cannot make a cache it says plain {@code java -jar}, and so does this.
 */
final class FastStart {

	/** The JVM options of every app the integration tests start (as bin/start-suite's, with a smaller stack left out). */
	static final List<String> JAVA_OPTIONS = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx256m");

	// one cache per app for every suite of the test JVM: made by the first start that needs it
	private static final Map<String, CompletableFuture<Launch>> launches = new ConcurrentHashMap<>();

	private FastStart() {
	}

	/**
	 * The command line that starts the jar of {@code app}, without the app's arguments. The
	 * first call makes the three apps' caches at once, each in a thread of its own (each is
	 * one training run of its app, 20 to 70 s).
	 */
	static Launch launch(String app, Path suiteRoot) {
		for (String each : List.of("volume", "network", "compute")) {
			launches.computeIfAbsent(each, (name) -> {
				CompletableFuture<Launch> launch = new CompletableFuture<>();
				Thread preparing = new Thread(() -> {
					try {
						launch.complete(prepare(name, suiteRoot, SuiteProcess.jar(suiteRoot, name)));
					}
					catch (RuntimeException ex) {
						launch.completeExceptionally(ex);
					}
				}, "fast-start-" + name);
				preparing.start();
				return launch;
			});
		}
		return launches.get(app).join();
	}

	private static Launch prepare(String app, Path suiteRoot, Path jar) {
		// NUL-separated: the JVM and its options, then the jar to run
		String script = """
				. bin/lib/fast-start.sh
				pick_java
				prepare_fast_start "$1" "$2" "$3" >&2
				printf '%s\\0' "${LAUNCH[@]}" "$FAST_START_JAR"
				""";
		ProcessBuilder builder = new ProcessBuilder("bash", "-c", script, "fast-start", app, jar.toString(),
				suiteRoot.resolve("integration-tests/target/fast-start").toString())
			.directory(suiteRoot.toFile())
			.redirectError(ProcessBuilder.Redirect.INHERIT);
		builder.environment().put("JAVA_OPTS", String.join(" ", JAVA_OPTIONS));
		builder.environment().remove("FAST_START");
		try {
			Process process = builder.start();
			byte[] output = process.getInputStream().readAllBytes();
			if (!process.waitFor(5, TimeUnit.MINUTES) || process.exitValue() != 0) {
				throw new IllegalStateException("bin/lib/fast-start.sh failed for nova-" + app);
			}
			List<String> words = Arrays.asList(new String(output, StandardCharsets.UTF_8).split("\0"));
			return new Launch(words.subList(0, words.size() - 1), Path.of(words.get(words.size() - 1)));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** The JVM with its options (the cache's among them), and the jar to run. */
	record Launch(List<String> jvm, Path jar) {
	}

}
