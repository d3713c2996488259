package dev.novaboot.service.command;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Commands run as root go through the root helper, with the default timeout or one of
 * their own (a QEMU that starts in a network namespace takes longer than an {@code ip}).
 */
class CommandRunnerTests {

	// env runs its arguments as a command: a root helper that changes nothing
	private final CommandRunner runner = new CommandRunner(List.of("env"), Duration.ofSeconds(10));

	@Test
	void aCommandRunAsRootIsPrefixedWithTheRootHelper() {
		CommandResult result = this.runner.runAsRoot(List.of("echo", "hi"), Duration.ofSeconds(5));

		assertThat(result.command()).containsExactly("env", "echo", "hi");
		assertThat(result.stdout()).isEqualTo("hi\n");
		assertThat(this.runner.runAsRoot("echo", "default").command()).containsExactly("env", "echo", "default");
	}

	@Test
	void aCommandRunAsRootHasItsOwnTimeout() {
		assertThatExceptionOfType(CommandFailedException.class)
			.isThrownBy(() -> this.runner.runAsRoot(List.of("sleep", "5"), Duration.ofMillis(200)))
			.satisfies((ex) -> assertThat(ex.getExitCode()).isEqualTo(CommandFailedException.TIMED_OUT))
			.satisfies((ex) -> assertThat(ex.isAnswer()).as("a command that did not end answers nothing").isFalse());
	}

	@Test
	void aCommandThatExitsNonZeroAnswersNoAndOneThatCannotStartAnswersNothing() {
		assertThatExceptionOfType(CommandFailedException.class)
			.isThrownBy(() -> this.runner.runAsRoot(List.of("false"), Duration.ofSeconds(5)))
			.satisfies((ex) -> assertThat(ex.isAnswer()).isTrue());
		assertThatExceptionOfType(CommandFailedException.class)
			.isThrownBy(() -> this.runner.run(List.of("no-such-command-anywhere"), Duration.ofSeconds(5)))
			.satisfies((ex) -> assertThat(ex.isAnswer()).isFalse());
	}

}
