package dev.novaboot.service.command;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * The one way drivers run host commands: an argument array (never a shell string), the
 * root helper prefix for commands that need root, a timeout, captured output, and a
 * {@link CommandFailedException} carrying the exit code and stderr.
 */
public class CommandRunner {

	private static final Log logger = LogFactory.getLog(CommandRunner.class);

	private final List<String> rootHelper;

	private final Duration defaultTimeout;

	/**
	 * @param rootHelper the prefix for commands run as root, such as {@code ["sudo"]};
	 * empty when the service already runs as root
	 * @param defaultTimeout how long a command may run unless told otherwise
	 */
	public CommandRunner(List<String> rootHelper, Duration defaultTimeout) {
		this.rootHelper = List.copyOf(rootHelper);
		this.defaultTimeout = defaultTimeout;
	}

	public CommandResult run(String... command) {
		return run(List.of(command), this.defaultTimeout);
	}

	public CommandResult runAsRoot(String... command) {
		return runAsRoot(List.of(command), this.defaultTimeout);
	}

	public CommandResult runAsRoot(List<String> command, Duration timeout) {
		List<String> full = new ArrayList<>(this.rootHelper);
		full.addAll(command);
		return run(full, timeout);
	}

	/** {@link #runAsRoot(String...)} with its own timeout, for a command that may run long (an image conversion). */
	public CommandResult runAsRoot(Duration timeout, String... command) {
		List<String> full = new ArrayList<>(this.rootHelper);
		full.addAll(List.of(command));
		return run(full, timeout);
	}

	public CommandResult run(List<String> command, Duration timeout) {
		if (command.isEmpty()) {
			throw new IllegalArgumentException("No command to run");
		}
		logger.debug("Running " + command);
		Process process;
		try {
			process = new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.from(nullDevice())).start();
		}
		catch (IOException ex) {
			throw new CommandFailedException(command, CommandFailedException.NOT_STARTED, ex.getMessage(), ex);
		}
		// both streams are drained while the command runs, so a chatty command cannot block on a full pipe
		CompletableFuture<String> stdout = CompletableFuture.supplyAsync(() -> read(process.getInputStream()));
		CompletableFuture<String> stderr = CompletableFuture.supplyAsync(() -> read(process.getErrorStream()));
		try {
			if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
				process.descendants().forEach(ProcessHandle::destroyForcibly);
				process.destroyForcibly();
				throw new CommandFailedException(command, CommandFailedException.TIMED_OUT,
						"no exit within " + timeout, null);
			}
			String out = stdout.get();
			String err = stderr.get();
			if (process.exitValue() != 0) {
				throw new CommandFailedException(command, process.exitValue(), err, null);
			}
			return new CommandResult(List.copyOf(command), out, err);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			process.destroyForcibly();
			throw new CommandFailedException(command, CommandFailedException.TIMED_OUT, "interrupted", ex);
		}
		catch (ExecutionException ex) {
			throw new CommandFailedException(command, process.exitValue(), ex.getCause().getMessage(), ex);
		}
	}

	private static java.io.File nullDevice() {
		return new java.io.File("/dev/null");
	}

	private static String read(InputStream stream) {
		try (stream) {
			return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
