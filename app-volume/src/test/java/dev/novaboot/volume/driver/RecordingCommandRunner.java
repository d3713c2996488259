package dev.novaboot.volume.driver;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import dev.novaboot.service.command.CommandFailedException;
import dev.novaboot.service.command.CommandResult;
import dev.novaboot.service.command.CommandRunner;

/**
 * A command runner that runs nothing: it records every command line (with the root
 * helper prefix) and answers from a script.
 */
class RecordingCommandRunner extends CommandRunner {

	final List<List<String>> commands = new ArrayList<>();

	private Function<List<String>, String> answers = (command) -> "";

	RecordingCommandRunner(List<String> rootHelper) {
		super(rootHelper, Duration.ofSeconds(5));
	}

	/** Answers each command with the function's stdout; {@code null} makes it fail with exit code 5. */
	RecordingCommandRunner answering(Function<List<String>, String> answers) {
		this.answers = answers;
		return this;
	}

	@Override
	public CommandResult run(List<String> command, Duration timeout) {
		this.commands.add(List.copyOf(command));
		String stdout = this.answers.apply(command);
		if (stdout == null) {
			throw new CommandFailedException(command, 5, "  Failed to find logical volume", null);
		}
		return new CommandResult(command, stdout, "");
	}

}
