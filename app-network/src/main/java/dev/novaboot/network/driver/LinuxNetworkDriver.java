package dev.novaboot.network.driver;

import dev.novaboot.service.command.CommandFailedException;
import dev.novaboot.service.command.CommandRunner;

import org.springframework.boot.health.contributor.Health;

/**
 * Sets up Linux networking with {@code ip}, {@code iptables} and {@code dnsmasq}.
 */
public class LinuxNetworkDriver implements NetworkDriver {

	private final CommandRunner commands;

	public LinuxNetworkDriver(CommandRunner commands) {
		this.commands = commands;
	}

	@Override
	public String name() {
		return "linux";
	}

	@Override
	public Health health() {
		try {
			this.commands.run("ip", "-V");
			return Health.up().build();
		}
		catch (CommandFailedException ex) {
			return Health.down().withDetail("error", ex.getMessage()).build();
		}
	}

}
