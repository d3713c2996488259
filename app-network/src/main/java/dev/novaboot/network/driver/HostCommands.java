package dev.novaboot.network.driver;

import java.util.ArrayList;
import java.util.List;

import dev.novaboot.service.command.CommandFailedException;
import dev.novaboot.service.command.CommandResult;
import dev.novaboot.service.command.CommandRunner;

/**
 * Runs the network driver's commands as root through the shared {@link CommandRunner}
 * (so the root helper applies), inside a network namespace when one is configured:
 * {@code <root helper> ip netns exec <namespace> <command>}. The namespace lets one
 * machine host a test (or a second network host) without touching its own networking.
 */
public class HostCommands {

	private final CommandRunner runner;

	private final List<String> prefix;

	/**
	 * @param namespace the network namespace to run in, or {@code null}/blank for the host's
	 */
	public HostCommands(CommandRunner runner, String namespace) {
		this.runner = runner;
		if (namespace == null || namespace.isBlank()) {
			this.prefix = List.of();
		}
		else {
			if (!Names.isValidNamespace(namespace)) {
				throw new IllegalArgumentException("'" + namespace + "' is not a valid network namespace name");
			}
			this.prefix = List.of("ip", "netns", "exec", namespace);
		}
	}

	/** Runs the command; a non-zero exit is a {@link CommandFailedException}. */
	public CommandResult run(String... command) {
		List<String> full = new ArrayList<>(this.prefix);
		full.addAll(List.of(command));
		return this.runner.runAsRoot(full.toArray(String[]::new));
	}

	/**
	 * Runs the command in another network namespace ({@code ip netns exec <namespace>}),
	 * never inside the configured one: network namespaces are the machine's, and one made
	 * under {@code ip netns exec} would vanish with its private mounts. A router's
	 * namespace is thus a sibling of the configured namespace, whose bridges its ports join.
	 */
	public CommandResult runIn(String namespace, String... command) {
		if (!Names.isValidNamespace(namespace)) {
			throw new IllegalArgumentException("'" + namespace + "' is not a valid network namespace name");
		}
		List<String> full = new ArrayList<>(List.of("ip", "netns", "exec", namespace));
		full.addAll(List.of(command));
		return this.runner.runAsRoot(full.toArray(String[]::new));
	}

	/** Runs {@code ip netns ...} (add, delete, list) for the machine, outside the configured namespace. */
	public CommandResult runNetns(String... arguments) {
		List<String> full = new ArrayList<>(List.of("ip", "netns"));
		full.addAll(List.of(arguments));
		return this.runner.runAsRoot(full.toArray(String[]::new));
	}

	/** Runs a check: whether the command exits with 0. */
	public boolean succeeds(String... command) {
		return checks(() -> run(command));
	}

	/** Runs a check in another network namespace ({@link #runIn}). */
	public boolean succeedsIn(String namespace, String... command) {
		return checks(() -> runIn(namespace, command));
	}

	private static boolean checks(Runnable check) {
		try {
			check.run();
			return true;
		}
		catch (CommandFailedException ex) {
			if (!ex.isAnswer()) {
				throw ex;
			}
			return false;
		}
	}

}
