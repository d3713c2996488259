package dev.novaboot.compute.driver;

import dev.novaboot.service.command.CommandFailedException;
import dev.novaboot.service.command.CommandRunner;

import org.springframework.boot.health.contributor.Health;

/**
 * Each guest a {@code qemu-system-x86_64} process, controlled over QMP.
 */
public class QemuComputeDriver implements ComputeDriver {

	private final CommandRunner commands;

	private final String binary;

	public QemuComputeDriver(CommandRunner commands, String binary) {
		this.commands = commands;
		this.binary = binary;
	}

	@Override
	public String name() {
		return "qemu";
	}

	@Override
	public Health health() {
		try {
			String version = this.commands.run(this.binary, "--version").stdout().lines().findFirst().orElse("");
			return Health.up().withDetail("qemu", version).build();
		}
		catch (CommandFailedException ex) {
			return Health.down().withDetail("error", ex.getMessage()).build();
		}
	}

}
