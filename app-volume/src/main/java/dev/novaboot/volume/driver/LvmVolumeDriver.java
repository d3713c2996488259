package dev.novaboot.volume.driver;

import dev.novaboot.service.command.CommandFailedException;
import dev.novaboot.service.command.CommandRunner;

import org.springframework.boot.health.contributor.Health;

/**
 * Volumes as logical volumes of an LVM volume group, through the LVM command line tools.
 */
public class LvmVolumeDriver implements VolumeDriver {

	private final CommandRunner commands;

	private final String volumeGroup;

	public LvmVolumeDriver(CommandRunner commands, String volumeGroup) {
		this.commands = commands;
		this.volumeGroup = volumeGroup;
	}

	@Override
	public String name() {
		return "lvm";
	}

	@Override
	public Health health() {
		try {
			this.commands.runAsRoot("vgs", "--noheadings", "-o", "vg_name", this.volumeGroup);
			return Health.up().withDetail("volumeGroup", this.volumeGroup).build();
		}
		catch (CommandFailedException ex) {
			return Health.down().withDetail("volumeGroup", this.volumeGroup).withDetail("error", ex.getMessage()).build();
		}
	}

}
