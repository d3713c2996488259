package dev.novaboot.compute.driver.qemu;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import dev.novaboot.service.command.CommandFailedException;
import dev.novaboot.service.command.CommandResult;
import dev.novaboot.service.command.CommandRunner;

/**
 * A command runner that runs nothing: it records each command and answers it with what
 * the test's {@code host} function says (a result's stdout, or {@code null} for exit 1).
 */
public class RecordingCommandRunner extends CommandRunner {

	public final List<String> commands = new ArrayList<>();

	private final Function<String, String> host;

	public RecordingCommandRunner(List<String> rootHelper, Function<String, String> host) {
		super(rootHelper, Duration.ofSeconds(5));
		this.host = host;
	}

	@Override
	public synchronized CommandResult run(List<String> command, Duration timeout) {
		String line = String.join(" ", command);
		this.commands.add(line);
		String stdout = this.host.apply(line);
		if (stdout == null) {
			throw new CommandFailedException(command, 1, "failed", null);
		}
		return new CommandResult(command, stdout, "");
	}

	/** The commands that change something (not the {@code ip link show} checks). */
	public synchronized List<String> changes() {
		return this.commands.stream().filter((command) -> !command.contains(" link show ")).toList();
	}

}
