package dev.novaboot.service.command;

import java.util.List;

/**
 * A host command exited with a non-zero status, could not be started, or ran past its
 * timeout (exit code {@value #TIMED_OUT}, or {@value #NOT_STARTED}).
 */
public class CommandFailedException extends RuntimeException {

	public static final int TIMED_OUT = -1;

	public static final int NOT_STARTED = -2;

	private final List<String> command;

	private final int exitCode;

	private final String stderr;

	public CommandFailedException(List<String> command, int exitCode, String stderr, Throwable cause) {
		super(describe(command, exitCode, stderr), cause);
		this.command = List.copyOf(command);
		this.exitCode = exitCode;
		this.stderr = stderr;
	}

	private static String describe(List<String> command, int exitCode, String stderr) {
		String what = switch (exitCode) {
			case TIMED_OUT -> "timed out";
			case NOT_STARTED -> "could not be started";
			default -> "exited with " + exitCode;
		};
		return "Command " + String.join(" ", command) + " " + what
				+ ((stderr == null || stderr.isBlank()) ? "" : ": " + stderr.strip());
	}

	public List<String> getCommand() {
		return this.command;
	}

	public int getExitCode() {
		return this.exitCode;
	}

	public String getStderr() {
		return this.stderr;
	}

	/**
	 * Whether the command ran and said no with its exit code: the answer of a check such as
	 * {@code ip link show dev <name>}, unlike a command that could not start or did not end,
	 * which answers nothing.
	 */
	public boolean isAnswer() {
		return this.exitCode != TIMED_OUT && this.exitCode != NOT_STARTED;
	}

}
