package dev.novaboot.network.driver;

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
class RecordingCommandRunner extends CommandRunner {

	final List<List<String>> commands = new ArrayList<>();

	private final Function<String, String> host;

	RecordingCommandRunner(List<String> rootHelper, Function<String, String> host) {
		super(rootHelper, Duration.ofSeconds(5));
		this.host = host;
	}

	@Override
	public CommandResult run(List<String> command, Duration timeout) {
		this.commands.add(List.copyOf(command));
		String stdout = this.host.apply(String.join(" ", command));
		if (stdout == null) {
			throw new CommandFailedException(command, 1, "does not exist", null);
		}
		return new CommandResult(command, stdout, "");
	}

	/** The commands, as strings, that change something (not checks). */
	List<String> changes() {
		return this.commands.stream()
			.map((command) -> String.join(" ", command))
			.filter((command) -> !isCheck(command))
			.toList();
	}

	static boolean isCheck(String command) {
		return command.contains(" show ") || command.endsWith(" -V") || command.contains(" -C ")
				|| command.contains(" -S ");
	}

}
